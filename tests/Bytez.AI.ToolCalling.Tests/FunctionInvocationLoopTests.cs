using System.ComponentModel;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling.Tests;

/// <summary>
/// The formats inside M.E.AI's real <see cref="FunctionInvokingChatClient"/> loop: <c>UseFunctionInvocation()</c> over
/// <c>UsePromptToolCalling(format)</c> over scripted models that follow the prompt contracts (the emulator's tool models
/// must answer the same way).
/// </summary>
public class FunctionInvocationLoopTests
{
    private readonly List<string> _invoked = [];

    private IReadOnlyList<AITool> SeedFunctions() =>
    [
        AIFunctionFactory.Create(
            ([Description("The latitude and longitude of the location.")] double[] coordinates) =>
            {
                _invoked.Add($"get_weather_data({coordinates[0]}, {coordinates[1]})");
                return 12.5;
            },
            "get_weather_data",
            "Fetches weather data from the Open-Meteo API for the given latitude and longitude."),
        AIFunctionFactory.Create(
            ([Description("The name of the city.")] string city_name) =>
            {
                _invoked.Add($"get_coordinates_from_city({city_name})");
                return new[] { 47.6062, -122.3321 };
            },
            "get_coordinates_from_city",
            "Fetches the latitude and longitude of a given city name using the Maps.co Geocoding API."),
    ];

    /// <summary>A scripted NexusRaven: the nested call for a function prompt, an answer from the results otherwise.</summary>
    private static string Raven(ModelRequest request)
    {
        string text = Assert.IsType<string>(request.RawPrompt);
        int results = text.IndexOf("\nFunction Results:\n", StringComparison.Ordinal);
        if (results < 0)
        {
            Assert.Contains("Function:\ndef get_weather_data(", text, StringComparison.Ordinal);
            return SeedTools.NestedCall + "\nThought: The user wants the weather.";
        }

        string line = text[results..].Split('\n').Single(l => l.StartsWith("get_weather_data(", StringComparison.Ordinal));
        return $"The current temperature in Seattle is {line[(line.LastIndexOf("-> ", StringComparison.Ordinal) + 3)..]} degrees.";
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_seed_weather_example_runs_both_functions_in_order_and_answers_with_the_temperature(bool streaming)
    {
        var model = new ScriptedModel(Raven);
        using var client = Pipeline(model, ToolCallFormats.Pythonic);
        var options = new ChatOptions { Tools = [.. SeedFunctions()] };
        List<ChatMessage> messages = [new(ChatRole.User, SeedTools.Query)];

        var response = streaming
            ? await client.GetStreamingResponseAsync(messages, options).ToChatResponseAsync()
            : await client.GetResponseAsync(messages, options);

        Assert.Equal(["get_coordinates_from_city(Seattle)", "get_weather_data(47.6062, -122.3321)"], _invoked);
        Assert.EndsWith("The current temperature in Seattle is 12.5 degrees.", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Thought", response.Text, StringComparison.Ordinal);
        Assert.Equal(2, model.Requests.Count); // the outer call needed no model request
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_hermes_model_makes_two_parallel_calls_and_uses_the_tool_responses(bool streaming)
    {
        var model = new ScriptedModel(static request =>
        {
            string last = request.LastText;
            if (!last.Contains("<tool_response>", StringComparison.Ordinal))
            {
                return "I'll look both up.\n<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}\n</tool_call>\n<tool_call>\n{\"name\": \"get_time\", \"arguments\": {}}\n</tool_call>";
            }

            var responses = last.Split("</tool_response>", StringSplitOptions.RemoveEmptyEntries)
                .Select(static r => r.Replace("<tool_response>", string.Empty, StringComparison.Ordinal).Trim())
                .Where(static r => r.Length > 0);
            return "Results: " + string.Join(" and ", responses) + ".";
        });
        using var client = Pipeline(model, ToolCallFormats.Hermes);
        var options = new ChatOptions { Tools = [TestTools.GetWeather, TestTools.GetTime] };

        var response = streaming
            ? await client.GetStreamingResponseAsync("Weather and time in Paris?", options).ToChatResponseAsync()
            : await client.GetResponseAsync("Weather and time in Paris?", options);

        Assert.EndsWith("Results: 15 celsius in Paris and 12:00.", response.Text, StringComparison.Ordinal);
        var calls = response.Messages.SelectMany(static m => m.Contents).OfType<FunctionCallContent>().ToList();
        Assert.Equal(["get_weather", "get_time"], calls.Select(static c => c.Name));
        Assert.NotEqual(calls[0].CallId, calls[1].CallId);
    }

    [Fact]
    public async Task An_unknown_tool_is_reported_back_to_the_model_as_not_found()
    {
        var model = new ScriptedModel(static request =>
            request.LastText.Contains("<tool_response>", StringComparison.Ordinal)
                ? "Sorry: " + request.LastText
                : "<tool_call>{\"name\": \"get_stock_price\", \"arguments\": {\"symbol\": \"MSFT\"}}</tool_call>");
        using var client = Pipeline(model, ToolCallFormats.Hermes);

        var response = await client.GetResponseAsync("MSFT price?", new ChatOptions { Tools = [TestTools.GetTime] });

        Assert.Contains("<tool_response>\nError: Requested function \"get_stock_price\" not found.\n</tool_response>", response.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_truncated_call_is_not_executed_and_ends_with_length(bool streaming)
    {
        var model = new ScriptedModel(static _ => "<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Par");
        using var client = Pipeline(model, ToolCallFormats.Hermes);
        var options = new ChatOptions { Tools = [TestTools.GetWeather] };

        var response = streaming
            ? await client.GetStreamingResponseAsync("Weather?", options).ToChatResponseAsync()
            : await client.GetResponseAsync("Weather?", options);

        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        Assert.Empty(response.Messages.SelectMany(static m => m.Contents).OfType<FunctionCallContent>());
        var error = Assert.Single(response.Messages.SelectMany(static m => m.Contents).OfType<ErrorContent>());
        Assert.Equal(ToolCallErrorCodes.TruncatedToolCall, error.ErrorCode);
        Assert.Single(model.Requests);
    }

    /// <summary>
    /// Why invalid calls are <see cref="ErrorContent"/> rather than a <see cref="FunctionCallContent"/> with
    /// <see cref="FunctionCallContent.Exception"/>: the invoking client ignores the exception and runs the function.
    /// </summary>
    [Fact]
    public async Task FunctionInvokingChatClient_runs_a_call_even_when_its_Exception_is_set()
    {
        int runs = 0;
        var optional = AIFunctionFactory.Create((string unit = "celsius") => { runs++; return unit; }, "optional_only");
        int round = 0;
        using var client = new FunctionInvokingChatClient(new DelegatingStub(() => round++ == 0
            ? new ChatResponse(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("c1", "optional_only", new Dictionary<string, object?>()) { Exception = new FormatException("bad arguments") }]))
            : new ChatResponse(new ChatMessage(ChatRole.Assistant, "done"))));

        await client.GetResponseAsync("x", new ChatOptions { Tools = [optional] });

        Assert.Equal(1, runs);
    }

    private static IChatClient Pipeline(IChatClient model, ToolCallFormat format) =>
        new ChatClientBuilder(model).UseFunctionInvocation().UsePromptToolCalling(format).Build();

    private sealed class DelegatingStub(Func<ChatResponse> next) : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(next());

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
