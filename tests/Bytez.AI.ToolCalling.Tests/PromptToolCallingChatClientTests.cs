using Microsoft.Extensions.AI;
using NSubstitute;

namespace Bytez.AI.ToolCalling.Tests;

/// <summary>What <see cref="PromptToolCallingChatClient"/> sends to the client under it and returns from its text.</summary>
public class PromptToolCallingChatClientTests
{
    private const string QwenId = "Qwen/Qwen2.5-7B-Instruct";
    private const string RavenId = "Nexusflow/NexusRaven-V2-13B";
    private const string WeatherCall = "<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}\n</tool_call>";

    [Fact]
    public async Task InvalidArgs_Throw()
    {
        using var model = new ScriptedModel(static _ => "ok");
        using var client = new PromptToolCallingChatClient(model);

        Assert.Throws<ArgumentNullException>("innerClient", () => new PromptToolCallingChatClient(null!));
        Assert.Throws<ArgumentNullException>("builder", () => ((ChatClientBuilder)null!).UsePromptToolCalling());
        await Assert.ThrowsAsync<ArgumentNullException>("messages", () => client.GetResponseAsync((IEnumerable<ChatMessage>)null!));
        Assert.Throws<ArgumentNullException>("messages", () => client.GetStreamingResponseAsync((IEnumerable<ChatMessage>)null!));
    }

    [Fact]
    public async Task Without_tools_or_tool_history_the_request_passes_through_untouched()
    {
        IChatClient inner = Substitute.For<IChatClient>();
        List<ChatMessage> messages = [new(ChatRole.User, "Hello")];
        var plain = new ChatOptions { StopSequences = ["END"] };
        var none = new ChatOptions { Tools = [TestTools.GetWeather], ToolMode = ChatToolMode.None };
        var expected = new ChatResponse(new ChatMessage(ChatRole.Assistant, "<tool_call>not parsed</tool_call>"));
        inner.GetResponseAsync(messages, Arg.Any<ChatOptions?>(), Arg.Any<CancellationToken>()).Returns(expected);
        using IChatClient client = new ChatClientBuilder(inner).UsePromptToolCalling().Build();

        Assert.Same(expected, await client.GetResponseAsync(messages, plain));
        Assert.Same(expected, await client.GetResponseAsync(messages, none));

        // The very same messages and options objects, unchanged.
        await inner.Received(1).GetResponseAsync(messages, plain, Arg.Any<CancellationToken>());
        await inner.Received(1).GetResponseAsync(messages, none, Arg.Any<CancellationToken>());
        Assert.Equal(["END"], plain.StopSequences);
        Assert.NotNull(none.Tools);
    }

    [Fact]
    public async Task Without_tools_or_tool_history_the_stream_is_the_inner_clients_own()
    {
        IChatClient inner = Substitute.For<IChatClient>();
        List<ChatMessage> messages = [new(ChatRole.User, "Hello")];
        var options = new ChatOptions { StopSequences = ["END"] };
        ChatResponseUpdate[] updates = [new(ChatRole.Assistant, "<tool_call>not parsed"), new(ChatRole.Assistant, "</tool_call>")];
        IAsyncEnumerable<ChatResponseUpdate> stream = updates.ToAsyncEnumerable();
        inner.GetStreamingResponseAsync(messages, options, Arg.Any<CancellationToken>()).Returns(stream);
        using IChatClient client = new ChatClientBuilder(inner).UsePromptToolCalling().Build();

        IAsyncEnumerable<ChatResponseUpdate> received = client.GetStreamingResponseAsync(messages, options);

        Assert.Same(stream, received);
        Assert.Equal(updates, await received.ToListAsync());
    }

    [Fact]
    public async Task A_refused_streaming_call_throws_when_the_stream_is_read_not_when_it_is_asked_for()
    {
        using var model = new ScriptedModel(static _ => "ok", QwenId);
        using var client = new PromptToolCallingChatClient(model);
        ChatMessage withImage = new(ChatRole.User, [new TextContent("What is this?"), new DataContent(new byte[] { 1, 2, 3 }, "image/png")]);

        IAsyncEnumerable<ChatResponseUpdate> stream = client.GetStreamingResponseAsync([withImage], new ChatOptions { Tools = [TestTools.GetWeather] });

        var ex = await Assert.ThrowsAsync<NotSupportedException>(async () => await stream.ToListAsync());
        Assert.Contains("message 0 cannot hold DataContent", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_inner_client_gets_text_without_tools_and_the_formats_stop_sequences_after_the_callers(bool streaming)
    {
        var model = new ScriptedModel(static _ => "Call: get_time()<bot_end>", RavenId);
        using var client = new PromptToolCallingChatClient(model);
        var options = new ChatOptions { Tools = [TestTools.GetTime], StopSequences = ["END"], Temperature = 0.5f, AdditionalProperties = new() { ["top_k"] = 3 } };

        ChatResponse response = await Run(client, [new(ChatRole.User, "What time is it?")], options, streaming);

        ModelRequest request = Assert.Single(model.Requests);
        Assert.Null(request.Options!.Tools);
        Assert.Null(request.Options.ToolMode);
        Assert.Equal(["END", PythonicToolCallFormat.BotEnd], request.Options.StopSequences);
        Assert.Equal(0.5f, request.Options.Temperature);
        Assert.Equal(3, request.Options.AdditionalProperties!["top_k"]);
        Assert.Equal(["END"], options.StopSequences);
        Assert.Equal("get_time", Assert.IsType<FunctionCallContent>(Assert.Single(response.Messages.Single().Contents)).Name);
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
    }

    [Fact]
    public async Task A_raw_prompt_format_sends_one_marked_user_message_that_a_client_ignoring_the_marker_still_understands()
    {
        var model = new ScriptedModel(static _ => "Call: get_time()<bot_end>", RavenId);
        using var client = new PromptToolCallingChatClient(model);

        await client.GetResponseAsync("What time is it?", new ChatOptions { Tools = [TestTools.GetTime] });

        ChatMessage sent = Assert.Single(Assert.Single(model.Requests).Messages);
        Assert.Equal(ChatRole.User, sent.Role);
        Assert.Equal(true, sent.AdditionalProperties![RawPromptMessage.PropertyName]);
        Assert.StartsWith("\nFunction:\ndef get_time():", sent.Text, StringComparison.Ordinal);
        Assert.EndsWith("User Query: What time is it?<human_end>\n", sent.Text, StringComparison.Ordinal);
        Assert.True(RawPromptMessage.TryGetPrompt([sent], out string? prompt));
        Assert.Equal(sent.Text, prompt);
        Assert.False(RawPromptMessage.TryGetPrompt([sent, sent], out _));
        Assert.False(RawPromptMessage.TryGetPrompt([new ChatMessage(ChatRole.User, sent.Text)], out _));
    }

    [Theory]
    [InlineData(null, QwenId, "hermes")]
    [InlineData(RavenId, QwenId, "pythonic")]
    [InlineData(null, "meta-llama/Llama-3.1-8B-Instruct", "llama3")]
    [InlineData(null, null, "hermes")]
    public async Task The_format_comes_from_the_options_model_id_else_the_inner_clients_default(string? optionsModelId, string? innerModelId, string expected)
    {
        var model = new ScriptedModel(static _ => "It is noon.", innerModelId);
        using var client = new PromptToolCallingChatClient(model);

        await client.GetResponseAsync("What time is it?", new ChatOptions { Tools = [TestTools.GetTime], ModelId = optionsModelId });

        ModelRequest request = Assert.Single(model.Requests);
        string sent = request.RawPrompt ?? string.Join("\n", request.Messages.Select(m => m.Text));
        Assert.Contains(expected switch
        {
            "hermes" => "<tools>",
            "pythonic" => "Function:\ndef get_time():",
            _ => "Given the following functions",
        }, sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_explicit_format_wins_and_configure_sets_the_client()
    {
        var model = new ScriptedModel(static _ => "[TOOL_CALLS] [{\"name\": \"get_time\", \"arguments\": {}}]", QwenId);
        PromptToolCallingChatClient? configured = null;
        using IChatClient client = new ChatClientBuilder(model)
            .UsePromptToolCalling(ToolCallFormats.Mistral, c => configured = c)
            .Build();

        ChatResponse response = await client.GetResponseAsync("What time is it?", new ChatOptions { Tools = [TestTools.GetTime] });

        Assert.Same(ToolCallFormats.Mistral, configured!.Format);
        Assert.Same(configured, client.GetService<PromptToolCallingChatClient>());
        Assert.StartsWith("[AVAILABLE_TOOLS]", model.Requests[0].LastText, StringComparison.Ordinal);
        Assert.Matches("^[A-Za-z0-9]{9}$", Assert.IsType<FunctionCallContent>(Assert.Single(response.Messages.Single().Contents)).CallId);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_formats_stop_sequence_is_enforced_even_when_the_server_ignores_it(bool streaming)
    {
        var model = new ScriptedModel(static _ => "Call: get_time()<bot_end>\nCall: get_weather(city='Oslo')", RavenId);
        using var client = new PromptToolCallingChatClient(model);

        ChatResponse response = await Run(client, [new(ChatRole.User, "What time is it?")], new ChatOptions { Tools = [TestTools.GetTime, TestTools.GetWeather] }, streaming);

        Assert.Equal("get_time", Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>()).Name);
    }

    [Fact]
    public async Task A_response_keeps_the_inner_ids_model_usage_and_other_contents()
    {
        var inner = new ScriptedModel(static _ => "Let me look.\n" + WeatherCall, QwenId);
        using var client = new PromptToolCallingChatClient(inner);

        ChatResponse response = await client.GetResponseAsync("Weather in Paris?", new ChatOptions { Tools = [TestTools.GetWeather] });

        ChatMessage message = Assert.Single(response.Messages);
        Assert.Equal("resp_1", response.ResponseId);
        Assert.Equal("resp_1", message.MessageId);
        Assert.Equal(QwenId, response.ModelId);
        Assert.Equal(12, response.Usage?.TotalTokenCount);
        Assert.Equal("T:Let me look.\n|C:get_weather{\"city\":\"Paris\"}", ContentDescriber.Describe(message.Contents));
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
    }

    [Fact]
    public async Task A_stream_keeps_one_response_id_emits_complete_calls_only_and_ends_with_an_empty_finish_update()
    {
        var inner = new ScriptedModel(static _ => "Let me look.\n" + WeatherCall, QwenId, streamChunkSize: 2);
        using var client = new PromptToolCallingChatClient(inner);

        List<ChatResponseUpdate> updates = await client.GetStreamingResponseAsync("Weather in Paris?", new ChatOptions { Tools = [TestTools.GetWeather] }).ToListAsync();

        Assert.All(updates, u => Assert.DoesNotContain("<", u.Text, StringComparison.Ordinal));
        Assert.All(updates, u => Assert.Equal("resp_1", u.ResponseId));
        Assert.Equal("T:Let me look.\n|C:get_weather{\"city\":\"Paris\"}", ContentDescriber.Describe(updates.SelectMany(u => u.Contents)));
        Assert.Equal(ChatFinishReason.ToolCalls, updates[^1].FinishReason);
        Assert.Empty(updates[^1].Contents);
        Assert.Single(updates, u => u.FinishReason is not null);
    }

    [Fact]
    public async Task Media_cannot_be_rendered_and_is_refused_before_any_request()
    {
        var model = new ScriptedModel(static _ => "unused", QwenId);
        using var client = new PromptToolCallingChatClient(model);

        var ex = await Assert.ThrowsAsync<NotSupportedException>(() => client.GetResponseAsync(
            [new(ChatRole.User, [new TextContent("Weather here?"), new DataContent(new byte[] { 1 }, "image/png")])],
            new ChatOptions { Tools = [TestTools.GetWeather] }));

        Assert.Contains("image/png", ex.Message, StringComparison.Ordinal);
        Assert.Empty(model.Requests);
    }

    [Fact]
    public async Task A_required_function_that_was_not_declared_is_refused_before_any_request()
    {
        var model = new ScriptedModel(static _ => "unused", QwenId);
        using var client = new PromptToolCallingChatClient(model);

        await Assert.ThrowsAsync<ArgumentException>(() => client.GetResponseAsync(
            "Weather?", new ChatOptions { Tools = [TestTools.GetWeather], ToolMode = ChatToolMode.RequireSpecific("get_time") }));

        Assert.Empty(model.Requests);
    }

    [Fact]
    public async Task Calls_and_results_in_the_history_are_rendered_even_without_tools()
    {
        var model = new ScriptedModel(static _ => "It is 15 degrees.", QwenId);
        using var client = new PromptToolCallingChatClient(model);

        ChatResponse response = await client.GetResponseAsync(
        [
            new(ChatRole.User, "What's the weather in Paris?"),
            new(ChatRole.Assistant, [new FunctionCallContent("call_1", "get_weather", new Dictionary<string, object?> { ["city"] = "Paris" })]),
            new(ChatRole.Tool, [new FunctionResultContent("call_1", "15 degrees and cloudy")]),
        ]);

        ModelRequest request = Assert.Single(model.Requests);
        Assert.Equal(["user", "assistant", "user"], request.Messages.Select(m => m.Role.Value));
        Assert.Equal("<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}\n</tool_call>", request.Messages[1].Text);
        Assert.Equal("<tool_response>\n15 degrees and cloudy\n</tool_response>", request.Messages[2].Text);
        Assert.Equal("It is 15 degrees.", response.Text);
    }

    [Fact]
    public async Task GetService_reaches_the_inner_client_through_the_middleware()
    {
        using var model = new ScriptedModel(static _ => "ok", QwenId);
        using IChatClient client = new ChatClientBuilder(model).UseFunctionInvocation().UsePromptToolCalling().Build();

        Assert.Equal(QwenId, client.GetService<ChatClientMetadata>()?.DefaultModelId);
        Assert.Same(model, client.GetService<ScriptedModel>());
        Assert.NotNull(client.GetService<PromptToolCallingChatClient>());
        await Task.CompletedTask;
    }

    [Fact]
    public async Task DisposeAsync_disposes_an_async_disposable_inner_client_asynchronously()
    {
        IChatClient inner = Substitute.For<IChatClient, IAsyncDisposable>();
        var client = new PromptToolCallingChatClient(inner);

        await client.DisposeAsync();

        await ((IAsyncDisposable)inner).Received(1).DisposeAsync();
        inner.DidNotReceive().Dispose();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AllowMultipleToolCalls_false_keeps_the_first_call_and_drops_the_others(bool streaming)
    {
        const string ThreeCalls = "Checking.\n" + WeatherCall
            + "\n<tool_call>{\"name\": \"get_time\", \"arguments\": {}}</tool_call>"
            + "\n<tool_call>{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Rome\"}}</tool_call>";
        var model = new ScriptedModel(static _ => ThreeCalls, QwenId);
        using var client = new PromptToolCallingChatClient(model);
        var options = new ChatOptions { Tools = [TestTools.GetWeather, TestTools.GetTime], AllowMultipleToolCalls = false };

        ChatResponse response = await Run(client, [new(ChatRole.User, "Weather in Paris and Rome, and the time?")], options, streaming);

        Assert.Equal("T:Checking.\n|C:get_weather{\"city\":\"Paris\"}", ContentDescriber.Describe(response.Messages.SelectMany(m => m.Contents)));
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AllowMultipleToolCalls_false_drops_a_later_cut_off_call_and_its_Length_finish(bool streaming)
    {
        var model = new ScriptedModel(static _ => WeatherCall + "\n<tool_call>{\"name\": \"get_time\", \"argu", QwenId);
        using var client = new PromptToolCallingChatClient(model);
        var options = new ChatOptions { Tools = [TestTools.GetWeather, TestTools.GetTime], AllowMultipleToolCalls = false };

        ChatResponse response = await Run(client, [new(ChatRole.User, "Weather in Paris?")], options, streaming);

        var call = Assert.IsType<FunctionCallContent>(Assert.Single(response.Messages.SelectMany(m => m.Contents), c => c is not TextContent));
        Assert.Equal("get_weather", call.Name);
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(true)]
    public async Task Several_calls_stay_when_AllowMultipleToolCalls_is_not_false(bool? allow)
    {
        var model = new ScriptedModel(static _ => WeatherCall + "\n<tool_call>{\"name\": \"get_time\", \"arguments\": {}}</tool_call>", QwenId);
        using var client = new PromptToolCallingChatClient(model);
        var options = new ChatOptions { Tools = [TestTools.GetWeather, TestTools.GetTime], AllowMultipleToolCalls = allow };

        ChatResponse response = await client.GetResponseAsync([new(ChatRole.User, "Weather and time?")], options);

        Assert.Equal(2, response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Count());
    }

    private static async Task<ChatResponse> Run(IChatClient client, List<ChatMessage> messages, ChatOptions options, bool streaming) =>
        streaming
            ? await client.GetStreamingResponseAsync(messages, options).ToChatResponseAsync()
            : await client.GetResponseAsync(messages, options);
}
