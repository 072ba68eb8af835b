using System.Text.Json.Nodes;
using Bytez.AI.ToolCalling;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Tests.ToolCalling;

/// <summary>
/// What the Bytez chat client sends and returns when tool calling applies (one round, no function invoker), over HTTP
/// against the emulator.
/// </summary>
public abstract class ToolCallingRequestTests : IAsyncLifetime
{
    /// <summary>Gets the API generation both the emulator and the client speak in this run of the tests.</summary>
    protected abstract BytezApiVersion Api { get; }

    private readonly WeatherTools _tools = new();
    private EmulatorFixture _emulator = null!;

    public async Task InitializeAsync() => _emulator = await EmulatorFixture.StartAsync(Api);

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task A_streamed_round_emits_complete_calls_only_and_no_marker_text()
    {
        using var client = _emulator.CreateChat(ToolModels.Qwen);

        var updates = await client.GetStreamingResponseAsync("What's the weather in Paris and London?", new() { Tools = [_tools.GetWeather] }).ToListAsync();

        // The emulator cuts tool output into 3-7 character pieces, so the markers arrive split.
        Assert.All(updates, u => Assert.DoesNotContain("<", u.Text, StringComparison.Ordinal));
        var calls = updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>().ToList();
        Assert.Equal(["Paris", "London"], calls.Select(c => c.Arguments!["city"]!.ToString()));
        Assert.Equal(ChatFinishReason.ToolCalls, updates[^1].FinishReason);
        Assert.Empty(updates[^1].Contents);
        Assert.Single(updates.Select(u => u.ResponseId).Distinct());
        Assert.Empty(_tools.Invoked);
    }

    [Fact]
    public async Task A_non_streamed_round_returns_the_calls_with_finish_reason_ToolCalls()
    {
        using var client = _emulator.CreateChat(ToolModels.Qwen);

        var response = await client.GetResponseAsync("What's the weather in Paris?", new() { Tools = [_tools.GetWeather] });

        var call = Assert.IsType<FunctionCallContent>(Assert.Single(response.Messages.Single().Contents));
        Assert.Equal("get_weather", call.Name);
        Assert.Matches("^call_[0-9a-f]{24}$", call.CallId);
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        Assert.Equal(ToolModels.Qwen, response.ModelId);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_next_layer_of_a_nested_call_is_returned_without_any_request(bool streaming)
    {
        using var client = _emulator.CreateChat(ToolModels.Raven);
        var options = new ChatOptions { Tools = [_tools.GetWeatherData, _tools.GetCoordinatesFromCity] };
        List<ChatMessage> history = [new(ChatRole.User, WeatherTools.SeedQuery)];
        var first = await client.GetResponseAsync(history, options);
        var inner = Assert.IsType<FunctionCallContent>(Assert.Single(first.Messages.Single().Contents));
        Assert.Equal("get_coordinates_from_city", inner.Name);
        history.AddRange(first.Messages);
        history.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(inner.CallId, new[] { 47.6062, -122.3321 })]));
        int requestsBefore = _emulator.Emulator.RequestLog.Entries.Count;

        ChatResponse second = streaming
            ? await client.GetStreamingResponseAsync(history, options).ToChatResponseAsync()
            : await client.GetResponseAsync(history, options);

        var outer = Assert.IsType<FunctionCallContent>(Assert.Single(second.Messages.Single().Contents));
        Assert.Equal("get_weather_data", outer.Name);
        Assert.Equal("[47.6062,-122.3321]", outer.Arguments!["coordinates"]!.ToString()!.Replace(" ", string.Empty, StringComparison.Ordinal));
        Assert.Equal(ChatFinishReason.ToolCalls, second.FinishReason);
        Assert.Equal(requestsBefore, _emulator.Emulator.RequestLog.Entries.Count);
    }

    [Fact]
    public async Task An_explicit_format_overrides_the_choice_by_model_id()
    {
        using var client = _emulator.CreateChat(ToolModels.Qwen, new BytezChatClientOptions { ToolCallFormat = ToolCallFormats.Mistral });
        _emulator.Script(ToolModels.Qwen).Reply("""[TOOL_CALLS] [{"name": "get_weather", "arguments": {"city": "Paris"}}]""");

        var response = await client.GetResponseAsync("What's the weather in Paris?", new() { Tools = [_tools.GetWeather] });

        string lastUser = LastMessage(RunBodies(ToolModels.Qwen)[0]);
        Assert.StartsWith("[AVAILABLE_TOOLS] [", lastUser, StringComparison.Ordinal);
        var call = Assert.IsType<FunctionCallContent>(Assert.Single(response.Messages.Single().Contents));
        Assert.Matches("^[A-Za-z0-9]{9}$", call.CallId);
    }

    [Fact]
    public async Task ToolMode_None_sends_plain_turns_and_parses_nothing()
    {
        using var client = _emulator.CreateChat(ToolModels.Qwen);
        const string Reply = "<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}\n</tool_call>";
        _emulator.Script(ToolModels.Qwen).Reply(Reply);

        var response = await client.GetResponseAsync("What's the weather in Paris?", new() { Tools = [_tools.GetWeather], ToolMode = ChatToolMode.None });

        var input = Assert.Single(RunBodies(ToolModels.Qwen)[0].InputOf()!.AsArray());
        Assert.Equal("What's the weather in Paris?", input!["content"]!.GetValue<string>());
        Assert.Equal(Reply, Assert.IsType<TextContent>(Assert.Single(response.Messages.Single().Contents)).Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
    }

    [Fact]
    public async Task Calls_and_results_in_the_history_are_rendered_even_without_tools()
    {
        using var client = _emulator.CreateChat(ToolModels.Qwen);

        await client.GetResponseAsync(
        [
            new(ChatRole.User, "What's the weather in Paris?"),
            new(ChatRole.Assistant, [new FunctionCallContent("call_1", "get_weather", new Dictionary<string, object?> { ["city"] = "Paris" })]),
            new(ChatRole.Tool, [new FunctionResultContent("call_1", "15 degrees and cloudy")]),
        ]);

        var input = RunBodies(ToolModels.Qwen)[0].InputOf()!.AsArray();
        Assert.Equal(["user", "assistant", "user"], input.Select(m => m!["role"]!.GetValue<string>()));
        Assert.Equal("<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}\n</tool_call>", input[1]!["content"]!.GetValue<string>());
        Assert.Equal("<tool_response>\n15 degrees and cloudy\n</tool_response>", input[2]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Instructions_come_first_in_the_system_message_with_the_tools()
    {
        using var client = _emulator.CreateChat(ToolModels.Qwen);

        await client.GetResponseAsync(
            [new(ChatRole.System, "Answer briefly."), new(ChatRole.User, "What's the weather in Paris?")],
            new() { Tools = [_tools.GetWeather], Instructions = "You are a weather bot." });

        var input = RunBodies(ToolModels.Qwen)[0].InputOf()!.AsArray();
        string system = input[0]!["content"]!.GetValue<string>();
        Assert.StartsWith("You are a weather bot.\n\nAnswer briefly.\n\n# Tools\n", system, StringComparison.Ordinal);
        Assert.Equal(2, input.Count);
    }

    [Fact]
    public async Task The_formats_stop_sequences_are_added_to_the_callers()
    {
        using var client = _emulator.CreateChat(ToolModels.Raven);

        await client.GetResponseAsync(WeatherTools.SeedQuery, new() { Tools = [_tools.GetWeatherData, _tools.GetCoordinatesFromCity], StopSequences = ["END"] });

        Assert.Equal(["END", "<bot_end>"], RunBodies(ToolModels.Raven)[0]["params"]!["stop_strings"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public async Task An_invalid_call_becomes_an_error_and_is_not_executed()
    {
        using var client = _emulator.CreateChat(ToolModels.Qwen);
        using var invoking = new FunctionInvokingChatClient(client);
        _emulator.Script(ToolModels.Qwen).Reply("<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": }}\n</tool_call>");

        var response = await invoking.GetResponseAsync("What's the weather in Paris?", new() { Tools = [_tools.GetWeather] });

        Assert.Empty(_tools.Invoked);
        var error = Assert.IsType<ErrorContent>(Assert.Single(response.Messages.Single().Contents));
        Assert.Equal(ToolCallErrorCodes.InvalidToolCall, error.ErrorCode);
        Assert.Contains("\"city\": }", error.Details, StringComparison.Ordinal);
        Assert.Equal(1, _emulator.Emulator.RequestLog.RunCount(ToolModels.Qwen));
    }

    [Fact]
    public async Task Media_is_refused_before_any_request_when_tools_are_used()
    {
        using var client = _emulator.CreateChat(ToolModels.Qwen);

        await Assert.ThrowsAsync<NotSupportedException>(() => client.GetResponseAsync(
            [new(ChatRole.User, [new TextContent("Weather here?"), new DataContent(new byte[] { 1 }, "image/png")])],
            new() { Tools = [_tools.GetWeather] }));

        Assert.Empty(_emulator.Emulator.RequestLog.Entries);
    }

    private static string LastMessage(JsonObject body) => body.InputOf()!.AsArray()[^1]!["content"]!.GetValue<string>();

    private IReadOnlyList<JsonObject> RunBodies(string modelId) => _emulator.Emulator.RequestLog.RunBodies(modelId);
}

/// <summary><see cref="ToolCallingRequestTests"/> against an emulator that serves the v1 API only.</summary>
public sealed class ToolCallingRequestTestsOnV1 : ToolCallingRequestTests
{
    /// <inheritdoc />
    protected override BytezApiVersion Api => BytezApiVersion.V1;
}

/// <summary><see cref="ToolCallingRequestTests"/> against an emulator that serves the v2 API only.</summary>
public sealed class ToolCallingRequestTestsOnV2 : ToolCallingRequestTests
{
    /// <inheritdoc />
    protected override BytezApiVersion Api => BytezApiVersion.V2;
}
