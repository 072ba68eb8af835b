using Bytez.AI.ToolCalling;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Tests.ToolCalling;

/// <summary>
/// Prompt-based tool calling end to end: <c>UseFunctionInvocation()</c> over the Bytez chat client, over HTTP against the
/// emulator's tool models, non-streaming and streaming, on each API generation.
/// </summary>
public sealed class ToolCallingEndToEndTests
{
    private readonly WeatherTools _tools = new();

    [Theory]
    [BothApiVersions(false)]
    [BothApiVersions(true)]
    public async Task The_seed_weather_example_runs_both_functions_and_the_second_round_makes_no_model_request(BytezApiVersion api, bool streaming)
    {
        await using var chat = await ToolChat.StartAsync(api, ToolModels.Raven);

        var response = await chat.AskAsync(WeatherTools.SeedQuery, new() { Tools = [_tools.GetWeatherData, _tools.GetCoordinatesFromCity] }, streaming);

        // Inner call first; the outer one gets the inner's result.
        Assert.Equal(["get_coordinates_from_city(Seattle)", "get_weather_data(47.6062, -122.3321)"], _tools.Invoked);
        Assert.Equal("The current temperature in Seattle is 12.5 degrees.", response.Messages[^1].Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);

        // Round 1 asks the model (the nested call); round 2 returns the outer call with no request; round 3 asks for the answer.
        Assert.Equal([0, 1, 1], chat.RunsBeforeRound);
        Assert.Equal(2, chat.RunCount);
        Assert.Equal(api == BytezApiVersion.V1 ? 1 : 0, chat.Emulator.RequestLog.LoadCount(ToolModels.Raven));

        // NexusRaven takes the raw prompt as text, with its stop sequence.
        var first = chat.RunBodies()[0];
        string prompt = first.InputOf()!.GetValue<string>();
        Assert.Contains("Function:\ndef get_weather_data(coordinates):", prompt, StringComparison.Ordinal);
        Assert.EndsWith("User Query: " + WeatherTools.SeedQuery + "<human_end>\n", prompt, StringComparison.Ordinal);
        Assert.Equal(["<bot_end>"], first["params"]!["stop_strings"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.StartsWith("User Query: " + WeatherTools.SeedQuery + "\n\nFunction Results:\n", chat.RunBodies()[1].InputOf()!.GetValue<string>(), StringComparison.Ordinal);

        // The conversation shows the two calls in order, each with its result.
        var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Select(c => c.Name);
        Assert.Equal(["get_coordinates_from_city", "get_weather_data"], calls);
        var weatherResult = response.Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Last();
        Assert.Equal("12.5", weatherResult.Result?.ToString());
    }

    [Theory]
    [BothApiVersions(false)]
    [BothApiVersions(true)]
    public async Task A_hermes_model_makes_two_parallel_calls_in_one_round(BytezApiVersion api, bool streaming)
    {
        await using var chat = await ToolChat.StartAsync(api, ToolModels.Qwen);

        var response = await chat.AskAsync("What's the weather in Paris and London?", new() { Tools = [_tools.GetWeather] }, streaming);

        Assert.Equal(["get_weather(Paris)", "get_weather(London)"], _tools.Invoked);
        var callRound = Assert.Single(response.Messages, m => m.Contents.Any(c => c is FunctionCallContent));
        var calls = callRound.Contents.OfType<FunctionCallContent>().ToList();
        Assert.Equal(2, calls.Count);
        Assert.NotEqual(calls[0].CallId, calls[1].CallId);
        Assert.Contains("15 degrees and cloudy", response.Text, StringComparison.Ordinal);
        Assert.Contains("12 degrees and sunny", response.Text, StringComparison.Ordinal);
        Assert.Equal(2, chat.RunCount);

        // Round 1 declares the tool in the system message, after Qwen2.5's default line (the chat template's); round 2
        // sends both results in call order.
        var bodies = chat.RunBodies();
        string system = bodies[0].InputOf()![0]!["content"]!.GetValue<string>();
        Assert.StartsWith("You are Qwen, created by Alibaba Cloud. You are a helpful assistant.\n\n# Tools\n\n", system, StringComparison.Ordinal);
        Assert.Contains("<tools>\n{\"type\": \"function\", \"function\": {\"name\": \"get_weather\"", system, StringComparison.Ordinal);
        Assert.Equal(
            "<tool_response>\n15 degrees and cloudy\n</tool_response>\n<tool_response>\n12 degrees and sunny\n</tool_response>",
            bodies[1].InputOf()!.AsArray()[^1]!["content"]!.GetValue<string>());
    }

    [Theory]
    [BothApiVersions(false)]
    [BothApiVersions(true)]
    public async Task With_AllowMultipleToolCalls_false_each_round_makes_one_call(BytezApiVersion api, bool streaming)
    {
        await using var chat = await ToolChat.StartAsync(api, ToolModels.Qwen);

        var response = await chat.AskAsync("What's the weather in Paris and London?", new() { Tools = [_tools.GetWeather], AllowMultipleToolCalls = false }, streaming);

        // The model wrote two calls at once: the first ran, the second was dropped (as a server told not to make parallel
        // calls returns one), and the model answered from the one result.
        var callRound = Assert.Single(response.Messages, m => m.Contents.Any(c => c is FunctionCallContent));
        Assert.Equal("get_weather", Assert.Single(callRound.Contents.OfType<FunctionCallContent>()).Name);
        Assert.Equal(["get_weather(Paris)"], _tools.Invoked);
        Assert.Equal(2, chat.RunCount);
    }

    [Theory]
    [BothApiVersions(false)]
    [BothApiVersions(true)]
    public async Task An_unknown_tool_name_is_reported_back_to_the_model(BytezApiVersion api, bool streaming)
    {
        // The emulated models only call declared tools, so the call to an undeclared one is scripted.
        await using var chat = await ToolChat.StartAsync(api, ToolModels.Qwen);
        chat.Script()
            .Reply("<tool_call>\n{\"name\": \"get_humidity\", \"arguments\": {\"city\": \"Paris\"}}\n</tool_call>")
            .Reply("I cannot look up the humidity.");

        var response = await chat.AskAsync("How humid is Paris?", new() { Tools = [_tools.GetWeather] }, streaming);

        Assert.Empty(_tools.Invoked);
        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal("get_humidity", call.Name);
        var result = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>());
        Assert.Equal(call.CallId, result.CallId);
        Assert.Equal("Error: Requested function \"get_humidity\" not found.", result.Result?.ToString());
        Assert.Equal("I cannot look up the humidity.", response.Messages[^1].Text);

        // The model was told, in the Hermes result turn.
        Assert.Equal(
            "<tool_response>\nError: Requested function \"get_humidity\" not found.\n</tool_response>",
            chat.RunBodies()[1].InputOf()!.AsArray()[^1]!["content"]!.GetValue<string>());
    }

    [Theory]
    [BothApiVersions(false)]
    [BothApiVersions(true)]
    public async Task A_call_cut_off_by_the_token_limit_is_not_executed(BytezApiVersion api, bool streaming)
    {
        // The emulated Qwen counts max_new_tokens in words; three words end inside the call's JSON.
        await using var chat = await ToolChat.StartAsync(api, ToolModels.Qwen);

        var response = await chat.AskAsync("What's the weather in Paris?", new() { Tools = [_tools.GetWeather], MaxOutputTokens = 3 }, streaming);

        Assert.Empty(_tools.Invoked);
        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        var error = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<ErrorContent>());
        Assert.Equal(ToolCallErrorCodes.TruncatedToolCall, error.ErrorCode);
        Assert.StartsWith("<tool_call>\n{\"name\": \"get_weather\"", error.Details, StringComparison.Ordinal);
        Assert.Empty(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal(1, chat.RunCount);
    }

    [Theory]
    [BothApiVersions(false)]
    [BothApiVersions(true)]
    public async Task A_scripted_truncated_call_is_not_executed(BytezApiVersion api, bool streaming)
    {
        await using var chat = await ToolChat.StartAsync(api, ToolModels.Qwen);
        chat.Script().Reply("Let me check.\n<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Par");

        var response = await chat.AskAsync("What's the weather in Paris?", new() { Tools = [_tools.GetWeather] }, streaming);

        Assert.Empty(_tools.Invoked);
        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        Assert.Equal("Let me check.", response.Text.Trim());
        Assert.Equal(ToolCallErrorCodes.TruncatedToolCall, Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<ErrorContent>()).ErrorCode);
    }

    [Theory]
    [BothApiVersions(ToolModels.Llama, false)]
    [BothApiVersions(ToolModels.Llama, true)]
    [BothApiVersions(ToolModels.Mistral, false)]
    [BothApiVersions(ToolModels.Mistral, true)]
    [BothApiVersions(ToolModels.MistralNemo, false)]
    [BothApiVersions(ToolModels.MistralNemo, true)]
    [BothApiVersions(ToolModels.Hermes3, false)]
    [BothApiVersions(ToolModels.Hermes3, true)]
    public async Task Each_model_family_runs_one_round_in_its_own_template(BytezApiVersion api, string modelId, bool streaming)
    {
        await using var chat = await ToolChat.StartAsync(api, modelId);

        var response = await chat.AskAsync("What's the weather in Paris?", new() { Tools = [_tools.GetWeather] }, streaming);

        Assert.Equal(["get_weather(Paris)"], _tools.Invoked);
        Assert.Contains("15 degrees and cloudy", response.Messages[^1].Text, StringComparison.Ordinal);
        Assert.Equal(2, chat.RunCount);
    }

    [Theory]
    [BothApiVersions(false)]
    [BothApiVersions(true)]
    public async Task A_thinking_models_reasoning_is_returned_as_reasoning_and_the_call_it_only_considered_is_not_run(BytezApiVersion api, bool streaming)
    {
        // The emulated Qwen3 starts every reply with a <think> block that writes out a call with no arguments.
        await using var chat = await ToolChat.StartAsync(api, ToolModels.Qwen3);

        var response = await chat.AskAsync("What's the weather in Paris?", new() { Tools = [_tools.GetWeather] }, streaming);

        Assert.Equal(["get_weather(Paris)"], _tools.Invoked);
        var reasoning = response.Messages.SelectMany(m => m.Contents).OfType<TextReasoningContent>().ToList();
        Assert.Equal(2, reasoning.Count); // one block per round
        Assert.StartsWith("The user asks: What's the weather in Paris?", reasoning[0].Text, StringComparison.Ordinal);
        Assert.Contains("<tool_call>", reasoning[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<think>", response.Text, StringComparison.Ordinal);
        Assert.Contains("15 degrees and cloudy", response.Messages[^1].Text, StringComparison.Ordinal);

        // Round 2 gives the first round's reasoning back as the Qwen3 template expects it.
        Assert.StartsWith("<think>\nThe user asks:", chat.RunBodies()[1].InputOf()!.AsArray()[2]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
