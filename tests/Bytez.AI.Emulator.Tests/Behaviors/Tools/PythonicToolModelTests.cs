using Bytez.AI.ToolCalling;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Emulator.Tests.Behaviors.Tools;

/// <summary>The emulated NexusRaven-V2 against prompts rendered by <see cref="PythonicToolCallFormat"/>.</summary>
public class PythonicToolModelTests
{
    private static readonly ToolCallFormat Format = ToolCallFormats.Pythonic;
    private readonly WeatherTools _tools = new();

    /// <summary>The seed's prompt, verbatim from the bytez.js example (docstring types, <c>Returns:</c> sections).</summary>
    private const string SeedPrompt = """

        Function:
        def get_weather_data(coordinates):
            \"\"\"
            Fetches weather data from the Open-Meteo API for the given latitude and longitude.

            Args:
            coordinates (tuple): The latitude and longitude of the location.

            Returns:
            float: The current temperature in the coordinates you've asked for
            \"\"\"

        Function:
        def get_coordinates_from_city(city_name):
            \"\"\"
            Fetches the latitude and longitude of a given city name using the Maps.co Geocoding API.

            Args:
            city_name (str): The name of the city.

            Returns:
            tuple: The latitude and longitude of the city.
            \"\"\"

        User Query: What's the weather like in Seattle right now?<human_end>

        """;

    [Fact]
    public void The_seed_weather_query_gets_the_nested_call()
    {
        ToolPrompt prompt = Format.Render([new(ChatRole.User, WeatherTools.SeedQuery)], _tools.Seed, null);

        string generated = ToolModelRuns.Generate(ToolModels.Raven, prompt);

        Assert.StartsWith(WeatherTools.SeedCall + "\nThought: ", generated, StringComparison.Ordinal);
        var result = Format.Parse(generated, _tools.Seed);
        var call = Assert.Single(result.ToolCalls); // round 1 is the inner call; the client plans the outer one
        Assert.Equal("get_coordinates_from_city", call.Name);
        Assert.Equal("Seattle", call.Arguments!["city_name"]!.ToString());
        Assert.DoesNotContain(result.Contents, static c => c is TextContent t && t.Text.Contains("Thought", StringComparison.Ordinal));
    }

    [Fact]
    public void The_bot_end_stop_sequence_cuts_the_thought()
    {
        ToolPrompt prompt = Format.Render([new(ChatRole.User, WeatherTools.SeedQuery)], _tools.Seed, null);

        string generated = ToolModelRuns.Generate(ToolModels.Raven, prompt, sendStops: true);

        Assert.Equal(WeatherTools.SeedCall[..^"<bot_end>".Length], generated);
        Assert.Equal("get_coordinates_from_city", Assert.Single(Format.Parse(generated, _tools.Seed).ToolCalls).Name);
    }

    [Fact]
    public void The_verbatim_seed_prompt_gets_the_same_call()
    {
        string prompt = SeedPrompt.ReplaceLineEndings("\n").Replace("\\\"", "\"", StringComparison.Ordinal);

        string text = Emulate.Text(ToolModels.Raven, prompt, """{"max_new_tokens": 500, "min_new_tokens": 50, "temperature": 0.001, "do_sample": false}""");

        Assert.StartsWith(prompt + WeatherTools.SeedCall, text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_answer_round_uses_the_function_results()
    {
        var inner = new FunctionCallContent("c1", "get_coordinates_from_city", new Dictionary<string, object?> { ["city_name"] = "Seattle" });
        var outer = new FunctionCallContent("c2", "get_weather_data", new Dictionary<string, object?> { ["coordinates"] = new[] { 47.6062, -122.3321 } });
        List<ChatMessage> history =
        [
            new(ChatRole.User, WeatherTools.SeedQuery),
            new(ChatRole.Assistant, [inner]),
            new(ChatRole.Tool, [new FunctionResultContent("c1", new[] { 47.6062, -122.3321 })]),
            new(ChatRole.Assistant, [outer]),
            new(ChatRole.Tool, [new FunctionResultContent("c2", 12.5)]),
        ];
        ToolPrompt prompt = Format.Render(history, _tools.Seed, null);
        Assert.Contains("Function Results:", prompt.Prompt, StringComparison.Ordinal);

        string generated = ToolModelRuns.Generate(ToolModels.Raven, prompt, sendStops: true);

        Assert.Equal("The current temperature in Seattle is 12.5 degrees.", generated);
        Assert.Empty(Format.Parse(generated, _tools.Seed).ToolCalls);
    }

    [Fact]
    public void Two_places_give_parallel_calls()
    {
        ToolPrompt prompt = Format.Render([new(ChatRole.User, "What's the weather in Paris and London?")], _tools.Simple, null);

        string generated = ToolModelRuns.Generate(ToolModels.Raven, prompt, sendStops: true);

        Assert.Equal("Call: get_weather(city='Paris'); get_weather(city='London')", generated);
        var calls = Format.Parse(generated, _tools.Simple).ToolCalls;
        Assert.Equal(["Paris", "London"], calls.Select(static c => c.Arguments!["city"]!.ToString()));
    }

    [Fact]
    public void A_required_function_is_called_even_for_an_unrelated_query()
    {
        ToolPrompt prompt = Format.Render([new(ChatRole.User, "Tell me a joke.")], _tools.Simple, ChatToolMode.RequireSpecific("get_time"));

        string generated = ToolModelRuns.Generate(ToolModels.Raven, prompt, sendStops: true);

        Assert.Equal("Call: get_time()", generated);
    }

    [Fact]
    public void The_stream_echoes_the_prompt_splits_the_markers_and_parses_to_the_same_call()
    {
        ToolPrompt prompt = Format.Render([new(ChatRole.User, WeatherTools.SeedQuery)], _tools.Seed, null);

        IReadOnlyList<string> chunks = ToolModelRuns.Stream(ToolModels.Raven, prompt);

        Assert.Equal(prompt.Prompt + ToolModelRuns.Generate(ToolModels.Raven, prompt), string.Concat(chunks));
        List<string> generated = ToolModelRuns.GeneratedChunks(prompt, chunks);
        Assert.All(generated, static c => Assert.InRange(c.Length, 1, 7));
        Assert.DoesNotContain(generated, static c => c.Contains("<bot_end>", StringComparison.Ordinal));
        Assert.Equal("get_coordinates_from_city", Assert.Single(StreamParse.Calls(Format, _tools.Seed, generated)).Name);
    }

    [Fact]
    public void Without_function_blocks_it_is_a_plain_completion_model()
    {
        string text = Emulate.Text(ToolModels.Raven, "Once upon a time", """{"max_new_tokens": 5}""");

        Assert.Equal(4 + 5, Emulate.WordCount(text));
        Assert.DoesNotContain("Call:", text, StringComparison.Ordinal);
    }
}
