using System.Text.Json;
using Bytez.AI.ToolCalling;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Emulator.Tests.Behaviors.Tools;

/// <summary>
/// The emulated chat tool models (Hermes, Llama 3, Mistral) against prompts rendered by the client's formats for each
/// model (<see cref="ToolCallFormats.ForModel"/>: each model's own chat template), parsed back with the same formats. The
/// thinking model's answers carry a reasoning block, which the format separates.
/// </summary>
public class ChatToolModelTests
{
    private readonly WeatherTools _tools = new();

    public static TheoryData<string> Models =>
        [ToolModels.Qwen, ToolModels.Hermes3, ToolModels.Qwen3, ToolModels.Llama, ToolModels.Mistral, ToolModels.MistralNemo];

    [Theory]
    [MemberData(nameof(Models))]
    public void A_question_for_one_tool_gets_one_call(string modelId)
    {
        var format = ToolCallFormats.ForModel(modelId);
        ToolPrompt prompt = format.Render([new(ChatRole.User, "What's the weather like in Seattle?")], _tools.Simple, null);

        string generated = ToolModelRuns.Generate(modelId, prompt);

        var call = Assert.Single(format.Parse(generated, _tools.Simple).ToolCalls);
        Assert.Equal("get_weather", call.Name);
        Assert.Equal("Seattle", Argument(call, "city"));
        Assert.False(call.Arguments!.ContainsKey("unit")); // optional and not asked for
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Two_places_give_two_parallel_calls(string modelId)
    {
        var format = ToolCallFormats.ForModel(modelId);
        ToolPrompt prompt = format.Render([new(ChatRole.User, "What's the weather in Paris and London?")], _tools.Simple, null);

        var calls = format.Parse(ToolModelRuns.Generate(modelId, prompt), _tools.Simple).ToolCalls;

        Assert.Equal(["get_weather", "get_weather"], calls.Select(static c => c.Name));
        Assert.Equal(["Paris", "London"], calls.Select(static c => Argument(c, "city")));
        Assert.NotEqual(calls[0].CallId, calls[1].CallId);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Two_tools_are_called_in_the_order_the_question_names_them(string modelId)
    {
        var format = ToolCallFormats.ForModel(modelId);
        ToolPrompt prompt = format.Render([new(ChatRole.User, "Weather and time in Paris?")], _tools.Simple, null);

        var calls = format.Parse(ToolModelRuns.Generate(modelId, prompt), _tools.Simple).ToolCalls;

        Assert.Equal(["get_weather", "get_time"], calls.Select(static c => c.Name));
        Assert.Equal("Paris", Argument(calls[0], "city"));
        Assert.Empty(calls[1].Arguments!);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void The_result_round_answers_in_prose_quoting_the_results(string modelId)
    {
        var format = ToolCallFormats.ForModel(modelId);
        List<ChatMessage> history =
        [
            new(ChatRole.User, "What's the weather in Paris and London?"),
            new(ChatRole.Assistant, [Call("c1", "get_weather", "Paris"), Call("c2", "get_weather", "London")]),
            new(ChatRole.Tool, [new FunctionResultContent("c1", "15 degrees and cloudy"), new FunctionResultContent("c2", "12.5 degrees and sunny")]),
        ];

        string generated = ToolModelRuns.Generate(modelId, format.Render(history, _tools.Simple, null));

        var parsed = format.Parse(generated, _tools.Simple);
        Assert.False(parsed.HasToolCalls);
        Assert.Equal("The weather in Paris is 15 degrees and cloudy. The weather in London is 12.5 degrees and sunny.", parsed.Text);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void An_error_result_is_quoted_in_the_answer(string modelId)
    {
        var format = ToolCallFormats.ForModel(modelId);
        List<ChatMessage> history =
        [
            new(ChatRole.User, "What's the stock price of MSFT?"),
            new(ChatRole.Assistant, [new FunctionCallContent("c1", "get_stock_price", new Dictionary<string, object?> { ["symbol"] = "MSFT" })]),
            new(ChatRole.Tool, [new FunctionResultContent("c1", "Error: Requested function \"get_stock_price\" not found.")]),
        ];

        string generated = ToolModelRuns.Generate(modelId, format.Render(history, _tools.Simple, null));

        Assert.Equal("I could not get the stock price for MSFT: Error: Requested function \"get_stock_price\" not found.", format.Parse(generated, _tools.Simple).Text);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Without_a_fitting_tool_the_model_answers_as_a_chat_model(string modelId)
    {
        var format = ToolCallFormats.ForModel(modelId);
        ToolPrompt prompt = format.Render([new(ChatRole.User, "What is 2+2?")], _tools.Simple, null);

        string generated = ToolModelRuns.Generate(modelId, prompt);

        var parsed = format.Parse(generated, _tools.Simple);
        Assert.Equal("2 + 2 = 4.", parsed.Text);
        Assert.False(parsed.HasToolCalls);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void A_required_tool_mode_forces_a_call(string modelId)
    {
        var format = ToolCallFormats.ForModel(modelId);
        List<ChatMessage> question = [new(ChatRole.User, "What is 2+2?")];

        var any = format.Parse(ToolModelRuns.Generate(modelId, format.Render(question, _tools.Simple, ChatToolMode.RequireAny)), _tools.Simple, new() { ToolMode = ChatToolMode.RequireAny });
        var specific = format.Parse(ToolModelRuns.Generate(modelId, format.Render(question, _tools.Simple, ChatToolMode.RequireSpecific("get_time"))), _tools.Simple);

        Assert.Single(any.ToolCalls);
        Assert.Empty(any.Errors);
        Assert.Equal("get_time", Assert.Single(specific.ToolCalls).Name);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void The_seed_tools_are_called_one_layer_at_a_time(string modelId)
    {
        var format = ToolCallFormats.ForModel(modelId);
        List<ChatMessage> history = [new(ChatRole.User, WeatherTools.SeedQuery)];

        var round1 = Assert.Single(format.Parse(ToolModelRuns.Generate(modelId, format.Render(history, _tools.Seed, null)), _tools.Seed).ToolCalls);
        Assert.Equal("get_coordinates_from_city", round1.Name);
        Assert.Equal("Seattle", Argument(round1, "city_name"));
        history.Add(new(ChatRole.Assistant, [round1]));
        history.Add(new(ChatRole.Tool, [new FunctionResultContent(round1.CallId, new[] { 47.6062, -122.3321 })]));

        var round2 = Assert.Single(format.Parse(ToolModelRuns.Generate(modelId, format.Render(history, _tools.Seed, null)), _tools.Seed).ToolCalls);
        Assert.Equal("get_weather_data", round2.Name);
        Assert.Equal("[47.6062,-122.3321]", ((JsonElement)round2.Arguments!["coordinates"]!).GetRawText().Replace(" ", string.Empty, StringComparison.Ordinal));
        history.Add(new(ChatRole.Assistant, [round2]));
        history.Add(new(ChatRole.Tool, [new FunctionResultContent(round2.CallId, 12.5)]));

        string answer = ToolModelRuns.Generate(modelId, format.Render(history, _tools.Seed, null));
        Assert.Equal("The current temperature in Seattle is 12.5 degrees.", format.Parse(answer, _tools.Seed).Text);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Streams_concatenate_to_the_body_split_the_markers_and_parse_to_the_same_calls(string modelId)
    {
        var format = ToolCallFormats.ForModel(modelId);
        ToolPrompt prompt = format.Render([new(ChatRole.User, "What's the weather in Paris and London?")], _tools.Simple, null);

        IReadOnlyList<string> chunks = ToolModelRuns.Stream(modelId, prompt);

        string body = ToolModelRuns.Generate(modelId, prompt);
        Assert.Equal(body, string.Concat(chunks));
        Assert.All(chunks, static c => Assert.InRange(c.Length, 1, 7));
        string marker = format.Name switch { "hermes" => "<tool_call>", "mistral" => "[TOOL_CALLS]", _ => "\"parameters\"" };
        Assert.Contains(marker, body, StringComparison.Ordinal);
        Assert.DoesNotContain(chunks, c => c.Contains(marker, StringComparison.Ordinal));
        var streamed = StreamParse.Calls(format, _tools.Simple, chunks);
        Assert.Equal(format.Parse(body, _tools.Simple).ToolCalls.Select(Describe), streamed.Select(Describe));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Without_tools_the_stream_is_word_chunks_as_before(string modelId)
    {
        ToolPrompt prompt = ToolCallFormats.ForModel(modelId).Render([new(ChatRole.User, "What is 2+2?")], [], null);

        Assert.Equal(["2", " +", " 2", " =", " 4."], ToolModelRuns.Stream(modelId, prompt));
    }

    [Fact]
    public void The_thinking_model_reasons_first_and_the_call_it_only_considers_is_no_call()
    {
        var format = ToolCallFormats.ForModel(ToolModels.Qwen3);
        ToolPrompt prompt = format.Render([new(ChatRole.User, "What's the weather in Paris?")], _tools.Simple, null);

        string generated = ToolModelRuns.Generate(ToolModels.Qwen3, prompt);
        var parsed = format.Parse(generated, _tools.Simple);

        Assert.StartsWith("<think>\nThe user asks: What's the weather in Paris?\n", generated, StringComparison.Ordinal);
        var reasoning = Assert.Single(parsed.Contents.OfType<TextReasoningContent>()).Text;
        Assert.Contains("<tool_call>", reasoning, StringComparison.Ordinal);
        var call = Assert.Single(parsed.ToolCalls);
        Assert.Equal("Paris", Argument(call, "city"));
    }

    [Fact]
    public void The_hermes_answer_is_tool_call_blocks_exactly()
    {
        ToolPrompt prompt = ToolCallFormats.Hermes.Render([new(ChatRole.User, "Weather and time in Paris?")], _tools.Simple, null);

        Assert.Equal(
            "<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}\n</tool_call>\n<tool_call>\n{\"name\": \"get_time\", \"arguments\": {}}\n</tool_call>",
            ToolModelRuns.Generate(ToolModels.Qwen, prompt));
    }

    [Fact]
    public void The_llama_answer_is_json_calls_separated_by_semicolons()
    {
        ToolPrompt prompt = ToolCallFormats.Llama3Json.Render([new(ChatRole.User, "Weather and time in Paris?")], _tools.Simple, null);

        Assert.Equal(
            "{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\"}}; {\"name\": \"get_time\", \"parameters\": {}}",
            ToolModelRuns.Generate(ToolModels.Llama, prompt));
    }

    [Fact]
    public void The_llama_model_reads_results_sent_as_user_text()
    {
        var format = new Llama3JsonToolCallFormat("user");
        List<ChatMessage> history =
        [
            new(ChatRole.User, "What's the weather like in Seattle?"),
            new(ChatRole.Assistant, [Call("c1", "get_weather", "Seattle")]),
            new(ChatRole.Tool, [new FunctionResultContent("c1", "12.5 degrees and sunny")]),
        ];

        Assert.Equal("The weather in Seattle is 12.5 degrees and sunny.", ToolModelRuns.Generate(ToolModels.Llama, format.Render(history, _tools.Simple, null)));
    }

    [Fact]
    public void The_mistral_answer_is_a_tool_calls_array()
    {
        ToolPrompt prompt = ToolCallFormats.Mistral.Render([new(ChatRole.User, "Weather and time in Paris?")], _tools.Simple, null);

        Assert.Equal(
            "[TOOL_CALLS] [{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}, {\"name\": \"get_time\", \"arguments\": {}}]",
            ToolModelRuns.Generate(ToolModels.Mistral, prompt));
    }

    [Fact]
    public void A_token_limit_cuts_the_call_and_the_client_sees_a_truncated_call()
    {
        ToolPrompt prompt = ToolCallFormats.Hermes.Render([new(ChatRole.User, "What's the weather like in Seattle?")], _tools.Simple, null);

        string generated = ToolModelRuns.Generate(ToolModels.Qwen, prompt, paramsJson: """{"max_new_tokens": 3}""");

        var parsed = ToolCallFormats.Hermes.Parse(generated, _tools.Simple);
        Assert.Empty(parsed.ToolCalls);
        Assert.Equal(ToolCallErrorCodes.TruncatedToolCall, Assert.Single(parsed.Errors).ErrorCode);
        Assert.Equal(ChatFinishReason.Length, parsed.FinishReason);
    }

    private static FunctionCallContent Call(string id, string name, string city) =>
        new(id, name, new Dictionary<string, object?> { ["city"] = city });

    private static string? Argument(FunctionCallContent call, string name) =>
        call.Arguments!.TryGetValue(name, out object? value) ? value?.ToString() : null;

    private static string Describe(FunctionCallContent call) =>
        call.Name + "(" + string.Join(", ", call.Arguments!.Select(static a => a.Key + "=" + a.Value)) + ")";
}
