using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bytez.AI.ChatCompletion;
using Bytez.AI.ToolCalling;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Bytez.AI.Tests.ChatCompletion;

/// <summary>Offline tests in the manner of M.E.AI's OpenAIChatClientTests: exact request JSON against canned replies.</summary>
public class BytezChatClientTests
{
    [Fact]
    public async Task InvalidArgs_Throw()
    {
        await using var offline = new OfflineChat();

        Assert.Throws<ArgumentNullException>("model", () => new BytezChatClient(null!));
        await Assert.ThrowsAsync<ArgumentNullException>("messages", () => offline.Chat.GetResponseAsync((IEnumerable<ChatMessage>)null!));
        Assert.Throws<ArgumentNullException>("messages", () => offline.Chat.GetStreamingResponseAsync((IEnumerable<ChatMessage>)null!));
        Assert.Throws<ArgumentNullException>("serviceType", () => offline.Chat.GetService(null!));
    }

    [Fact]
    public async Task ProducesExpectedMetadata()
    {
        await using var offline = new OfflineChat();

        var metadata = offline.Chat.GetService<ChatClientMetadata>();

        Assert.NotNull(metadata);
        Assert.Equal("bytez", metadata.ProviderName);
        Assert.Equal(offline.Client.Endpoint, metadata.ProviderUri);
        Assert.Equal(TestModels.Chat, metadata.DefaultModelId);
        Assert.Same(metadata, offline.Chat.GetService<ChatClientMetadata>());
    }

    [Fact]
    public async Task GetService_ReturnsUnderlyingObjects_AlsoThroughAPipeline()
    {
        await using var offline = new OfflineChat();
        using IChatClient pipeline = new ChatClientBuilder(offline.Chat)
            .UseFunctionInvocation()
            .UseOpenTelemetry()
            .UseDistributedCache(new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())))
            .Build();

        foreach (IChatClient client in new IChatClient[] { offline.Chat, pipeline })
        {
            Assert.Same(offline.Model, client.GetService<BytezModel>());
            Assert.Same(offline.Client, client.GetService<BytezClient>());
            Assert.Same(offline.Bytez, client.GetService<BytezChatClient>());
            Assert.Equal("bytez", client.GetService<ChatClientMetadata>()?.ProviderName);
        }

        Assert.Same(offline.Chat, offline.Chat.GetService<IChatClient>());
        Assert.Null(offline.Chat.GetService(typeof(BytezModel), "key"));
        Assert.Null(offline.Chat.GetService(typeof(ChatClientMetadata), "key"));
        Assert.Null(offline.Chat.GetService<string>());
        Assert.NotNull(pipeline.GetService<FunctionInvokingChatClient>());
        Assert.NotNull(pipeline.GetService<DistributedCachingChatClient>());
    }

    [Fact]
    public async Task BasicRequestResponse_NonStreaming()
    {
        var now = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
        await using var offline = new OfflineChat(timeProvider: new FixedTimeProvider(now));
        offline.Handler.RunReply = _ => """
            {"output":[{"generated_text":[
              {"role":"system","content":"You are a friendly chatbot"},
              {"role":"user","content":"What is the capital of England?"},
              {"role":"assistant","content":"The capital of England is London."}]}]}
            """;

        ChatResponse response = await offline.Chat.GetResponseAsync(
        [
            new(ChatRole.System, "You are a friendly chatbot"),
            new(ChatRole.User, "What is the capital of England?"),
        ]);

        AssertJson("""
            {"model":"microsoft/Phi-3-mini-4k-instruct","stream":false,"params":{},
             "input":[{"role":"system","content":"You are a friendly chatbot"},{"role":"user","content":"What is the capital of England?"}]}
            """, offline.LastRun);

        Assert.Equal("The capital of England is London.", response.Text);
        ChatMessage message = Assert.Single(response.Messages);
        Assert.Equal(ChatRole.Assistant, message.Role);
        Assert.IsType<TextContent>(Assert.Single(message.Contents));
        Assert.StartsWith("chatcmpl-", response.ResponseId, StringComparison.Ordinal);
        Assert.Equal(response.ResponseId, message.MessageId);
        Assert.Equal(TestModels.Chat, response.ModelId);
        Assert.Equal(now, response.CreatedAt);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.IsType<BytezRunResult>(response.RawRepresentation);
        Assert.Null(response.Usage);
    }

    [Fact]
    public async Task BasicRequestResponse_Streaming()
    {
        var now = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
        await using var offline = new OfflineChat(timeProvider: new FixedTimeProvider(now));
        offline.Handler.StreamChunks = CannedV1Handler.Utf8Chunks("The capital ", "of England ", "is London.");

        List<ChatResponseUpdate> updates = [];
        await foreach (ChatResponseUpdate update in offline.Chat.GetStreamingResponseAsync("What is the capital of England?"))
        {
            updates.Add(update);
        }

        AssertJson("""
            {"model":"microsoft/Phi-3-mini-4k-instruct","stream":true,"params":{},
             "input":[{"role":"user","content":"What is the capital of England?"}]}
            """, offline.LastRun);

        Assert.Equal("The capital of England is London.", string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(["The capital ", "of England ", "is London.", ""], updates.Select(u => u.Text));
        string responseId = updates[0].ResponseId!;
        Assert.StartsWith("chatcmpl-", responseId, StringComparison.Ordinal);
        Assert.All(updates, u =>
        {
            Assert.Equal(responseId, u.ResponseId);
            Assert.Equal(responseId, u.MessageId);
            Assert.Equal(ChatRole.Assistant, u.Role);
            Assert.Equal(TestModels.Chat, u.ModelId);
            Assert.Equal(now, u.CreatedAt);
        });
        Assert.All(updates.SkipLast(1), u => Assert.Null(u.FinishReason));
        Assert.Equal(ChatFinishReason.Stop, updates[^1].FinishReason);

        ChatResponse combined = updates.ToChatResponse();
        Assert.Equal("The capital of England is London.", Assert.IsType<TextContent>(Assert.Single(Assert.Single(combined.Messages).Contents)).Text);
    }

    [Fact]
    public async Task StronglyTypedOptions_AllSent()
    {
        await using var offline = new OfflineChat();
        offline.Handler.RunReply = _ => OfflineChat.ChatReply("ok");

        await offline.Chat.GetResponseAsync("hello", new ChatOptions
        {
            Temperature = 0.5f,
            TopP = 0.25f,
            TopK = 40,
            MaxOutputTokens = 64,
            StopSequences = ["###"],
            Seed = 42,
            FrequencyPenalty = 0.5f,
            PresencePenalty = 0.75f,
        });

        AssertJson("""
            {"model":"microsoft/Phi-3-mini-4k-instruct","stream":false,
             "params":{"temperature":0.5,"do_sample":true,"top_p":0.25,"top_k":40,"max_new_tokens":64,"stop_strings":["###"],"seed":42,"repetition_penalty":1.5},
             "input":[{"role":"user","content":"hello"}]}
            """, offline.LastRun);
    }

    [Fact]
    public async Task ChatOptions_DoNotOverwrite_NotNullPropertiesInRawRepresentation()
    {
        await using var offline = new OfflineChat();
        offline.Handler.RunReply = _ => OfflineChat.ChatReply("ok");

        await offline.Chat.GetResponseAsync("hello", new ChatOptions
        {
            RawRepresentationFactory = _ => new JsonObject { ["temperature"] = 0.1, ["max_new_tokens"] = 5, ["num_beams"] = 2 },
            Temperature = 0.9f,
            MaxOutputTokens = 50,
            TopK = 3,
            AdditionalProperties = new() { ["num_beams"] = 8, ["top_k"] = 9, ["min_new_tokens"] = 1 },
        });

        // The raw object first, then keys written by name in AdditionalProperties (top_k 9 over TopK 3), then typed options.
        AssertJson("""{"temperature":0.1,"max_new_tokens":5,"num_beams":2,"top_k":9,"min_new_tokens":1,"do_sample":true}""", offline.LastRun["params"]!);
    }

    [Fact]
    public async Task AdditionalProperties_PassedThroughToParams()
    {
        await using var offline = new OfflineChat();
        offline.Handler.RunReply = _ => OfflineChat.ChatReply("ok");

        await offline.Chat.GetResponseAsync("hello", new ChatOptions
        {
            AdditionalProperties = new()
            {
                ["num_beams"] = 4,
                ["early_stopping"] = true,
                ["bad_words_ids"] = new[] { new[] { 1, 2 } },
                ["custom"] = JsonDocument.Parse("""{"a":[1,"b"]}""").RootElement,
            },
        });

        AssertJson("""{"num_beams":4,"early_stopping":true,"bad_words_ids":[[1,2]],"custom":{"a":[1,"b"]}}""", offline.LastRun["params"]!);
    }

    [Fact]
    public async Task Instructions_BecomeASystemMessage()
    {
        await using var offline = new OfflineChat();
        offline.Handler.RunReply = _ => OfflineChat.ChatReply("ok");

        await offline.Chat.GetResponseAsync("hello", new ChatOptions { Instructions = "Answer in French." });

        AssertJson("""[{"role":"system","content":"Answer in French."},{"role":"user","content":"hello"}]""", offline.LastRun["input"]!);
    }

    [Fact]
    public async Task ModelId_OverridesClientModel_ForThatCall()
    {
        await using var offline = new OfflineChat();
        offline.Handler.RunReply = _ => OfflineChat.ChatReply("ok");

        ChatResponse response = await offline.Chat.GetResponseAsync("hello", new ChatOptions { ModelId = "Qwen/Qwen2.5-1.5B-Instruct" });

        Assert.Equal("Qwen/Qwen2.5-1.5B-Instruct", offline.LastRun["model"]!.GetValue<string>());
        Assert.Equal("Qwen/Qwen2.5-1.5B-Instruct", response.ModelId);
        Assert.Equal(TestModels.Chat, offline.Chat.GetService<ChatClientMetadata>()!.DefaultModelId);

        response = await offline.Chat.GetResponseAsync("hello", new ChatOptions { ModelId = "microsoft/phi-3-mini-4k-instruct" });
        Assert.Equal(TestModels.Chat, offline.LastRun["model"]!.GetValue<string>());
        Assert.Equal(TestModels.Chat, response.ModelId);
    }

    [Fact]
    public async Task ModelId_Streaming_OverridesClientModel()
    {
        await using var offline = new OfflineChat();
        offline.Handler.StreamChunks = CannedV1Handler.Utf8Chunks("ok");

        List<ChatResponseUpdate> updates = [];
        await foreach (var update in offline.Chat.GetStreamingResponseAsync("hello", new ChatOptions { ModelId = "Qwen/Qwen2.5-1.5B-Instruct" }))
        {
            updates.Add(update);
        }

        Assert.Equal("Qwen/Qwen2.5-1.5B-Instruct", offline.LastRun["model"]!.GetValue<string>());
        Assert.All(updates, u => Assert.Equal("Qwen/Qwen2.5-1.5B-Instruct", u.ModelId));
    }

    [Fact]
    public async Task PromptMode_Auto_CompletionModel_SendsRawTextAndStripsEcho()
    {
        await using var offline = new OfflineChat(TestModels.TextGeneration);
        offline.Handler.RunReply = body => OfflineChat.TextReply(body["input"]!.GetValue<string>() + " there was a little cottage.");

        ChatResponse response = await offline.Chat.GetResponseAsync("Once upon a time");

        AssertJson("""{"model":"openai-community/gpt2","stream":false,"params":{},"input":"Once upon a time"}""", offline.LastRun);
        Assert.Equal(" there was a little cottage.", response.Text);
        Assert.Single(offline.Handler.Requests, r => r.Path == "model/list");
    }

    [Fact]
    public async Task PromptMode_Conversation_UsesTemplateAndTrimsTheAnswer()
    {
        await using var offline = new OfflineChat(TestModels.TextGeneration);
        offline.Handler.RunReply = body => OfflineChat.TextReply(body["input"]!.GetValue<string>() + " Jakarta.\nUser: more");

        ChatResponse response = await offline.Chat.GetResponseAsync(
            [new(ChatRole.User, "Pick a city"), new(ChatRole.Assistant, "Seattle"), new(ChatRole.User, "Another")],
            new ChatOptions { Instructions = "Be terse.", StopSequences = ["\nUser:"] });

        Assert.Equal("Be terse.\n\nUser: Pick a city\nAssistant: Seattle\nUser: Another\nAssistant:", offline.LastRun["input"]!.GetValue<string>());
        Assert.Equal("Jakarta.", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
    }

    [Fact]
    public async Task PromptMode_OutputNotStartingWithPrompt_IsKeptWhole()
    {
        await using var offline = new OfflineChat(TestModels.TextGeneration, BytezChatInputMode.Prompt);
        offline.Handler.RunReply = _ => OfflineChat.TextReply("A different story.");

        ChatResponse response = await offline.Chat.GetResponseAsync("Once upon a time");

        Assert.Equal("A different story.", response.Text);
        Assert.DoesNotContain(offline.Handler.Requests, r => r.Path == "model/list");
    }

    [Fact]
    public async Task PromptMode_Streaming_StripsEchoSplitAcrossChunks()
    {
        await using var offline = new OfflineChat(TestModels.TextGeneration);
        offline.Handler.StreamChunks = CannedV1Handler.Utf8Chunks("Once up", "on a ti", "me there", " was");

        List<string> texts = [];
        await foreach (var update in offline.Chat.GetStreamingResponseAsync("Once upon a time"))
        {
            texts.Add(update.Text);
        }

        Assert.Equal([" there", " was", ""], texts);
    }

    [Fact]
    public async Task Auto_ListingFails_FallsBackToIdHeuristic()
    {
        await using var offline = new OfflineChat("acme/Fancy-7B-Instruct");
        offline.Handler.ListModelsBody = null;
        offline.Handler.RunReply = _ => OfflineChat.ChatReply("ok");

        ChatResponse response = await offline.Chat.GetResponseAsync("hello");

        Assert.Equal("ok", response.Text);
        Assert.IsType<JsonArray>(offline.LastRun["input"]);
    }

    [Fact]
    public async Task Auto_ListsModelsOncePerClientAndModel()
    {
        await using var offline = new OfflineChat();
        offline.Handler.RunReply = _ => OfflineChat.ChatReply("ok");
        using var second = new BytezChatClient(offline.Model, new BytezChatClientOptions { LoadOnFirstUse = false });

        await offline.Chat.GetResponseAsync("one");
        await offline.Chat.GetResponseAsync("two");
        await second.GetResponseAsync("three");

        Assert.Single(offline.Handler.Requests, r => r.Path == "model/list");
    }

    [Fact]
    public async Task Auto_NonChatTask_ThrowsNotSupportedWithoutRunning()
    {
        await using var offline = new OfflineChat("facebook/bart-large-mnli");

        var ex = await Assert.ThrowsAsync<NotSupportedException>(() => offline.Chat.GetResponseAsync("hello"));

        Assert.Contains("zero-shot-classification", ex.Message, StringComparison.Ordinal);
        Assert.Empty(offline.Handler.Runs);
    }

    [Fact]
    public async Task ImageContent_ThrowsNotSupportedBeforeAnyNetworkCall()
    {
        await using var offline = new OfflineChat();

        await Assert.ThrowsAsync<NotSupportedException>(() => offline.Chat.GetResponseAsync(
            [new ChatMessage(ChatRole.User, [new TextContent("What is it?"), new UriContent("https://example.com/a.png", "image/png")])]));

        Assert.Empty(offline.Handler.Requests);
    }

    [Fact]
    public async Task StopSequences_EnforcedClientSide_NonStreaming()
    {
        await using var offline = new OfflineChat();
        offline.Handler.RunReply = _ => OfflineChat.ChatReply("London.### and more");

        ChatResponse response = await offline.Chat.GetResponseAsync("capital?", new ChatOptions { StopSequences = ["###"], MaxOutputTokens = 2 });

        Assert.Equal("London.", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
    }

    [Fact]
    public async Task FinishReason_Length_WhenReplyReachesMaxNewTokens()
    {
        await using var offline = new OfflineChat();
        offline.Handler.RunReply = _ => OfflineChat.ChatReply("one two three");

        ChatResponse response = await offline.Chat.GetResponseAsync("count", new ChatOptions { MaxOutputTokens = 3 });

        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
    }

    [Fact]
    public async Task StopSequences_EnforcedInStream_AcrossChunks()
    {
        await using var offline = new OfflineChat();
        offline.Handler.StreamChunks = CannedV1Handler.Utf8Chunks("Lon", "don.\nUs", "er: ignored", " more ignored");

        List<ChatResponseUpdate> updates = [];
        await foreach (var update in offline.Chat.GetStreamingResponseAsync("capital?", new ChatOptions { StopSequences = ["\nUser:"] }))
        {
            updates.Add(update);
        }

        Assert.Equal(["Lon", "don.", ""], updates.Select(u => u.Text));
        Assert.Equal(ChatFinishReason.Stop, updates[^1].FinishReason);
        Assert.Equal(1, offline.Handler.DisposedStreams);
    }

    [Fact]
    public async Task Streaming_MultiByteCharacterSplitAcrossChunks_DecodesCorrectly()
    {
        await using var offline = new OfflineChat();
        byte[] bytes = Encoding.UTF8.GetBytes("Grüße, 東京 🌍!");
        int umlaut = Array.IndexOf(bytes, (byte)0xC3) + 1; // inside 'ü'
        int emoji = Array.IndexOf(bytes, (byte)0xF0) + 2; // inside the globe
        offline.Handler.StreamChunks = [bytes[..umlaut], bytes[umlaut..emoji], bytes[emoji..]];

        var text = new StringBuilder();
        await foreach (var update in offline.Chat.GetStreamingResponseAsync("hello"))
        {
            text.Append(update.Text);
        }

        Assert.Equal("Grüße, 東京 🌍!", text.ToString());
    }

    [Fact]
    public async Task Streaming_FirstUpdateYieldedBeforeTheStreamEnds()
    {
        await using var offline = new OfflineChat();
        offline.Handler.StreamChunks = CannedV1Handler.Utf8Chunks("first");
        offline.Handler.StreamHangsAfterChunks = true;
        using var cts = new CancellationTokenSource();

        await using IAsyncEnumerator<ChatResponseUpdate> updates = offline.Chat.GetStreamingResponseAsync("hi", cancellationToken: cts.Token).GetAsyncEnumerator();

        Assert.True(await updates.MoveNextAsync());
        Assert.Equal("first", updates.Current.Text);

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await updates.MoveNextAsync());
    }

    [Fact]
    public async Task Streaming_CancelledMidStream_ThrowsAndReleasesTheResponse()
    {
        await using var offline = new OfflineChat();
        offline.Handler.StreamChunks = CannedV1Handler.Utf8Chunks("The ", "capital ");
        offline.Handler.StreamHangsAfterChunks = true;
        using var cts = new CancellationTokenSource();

        var received = new StringBuilder();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in offline.Chat.GetStreamingResponseAsync("capital?", cancellationToken: cts.Token))
            {
                received.Append(update.Text);
                if (received.ToString() == "The capital ")
                {
                    await cts.CancelAsync();
                }
            }
        });

        Assert.Equal("The capital ", received.ToString());
        Assert.Equal(1, offline.Handler.DisposedStreams);
    }

    [Fact]
    public async Task ResponseFormatJson_InstructsAndStripsFences_StructuredOutputParses()
    {
        await using var offline = new OfflineChat();
        offline.Handler.RunReply = _ => OfflineChat.ChatReply("```json\n{\"data\":15}\n```");

        ChatResponse<int> response = await offline.Chat.GetResponseAsync<int>("There were 14 abstractions; we added one. How many now?");

        Assert.Equal(15, response.Result);
        JsonArray input = offline.LastRun["input"]!.AsArray();
        Assert.Equal("system", input[0]!["role"]!.GetValue<string>());
        Assert.Contains("JSON schema", input[0]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyMessages_AreSkipped()
    {
        await using var offline = new OfflineChat();
        offline.Handler.RunReply = _ => OfflineChat.ChatReply("3");

        ChatResponse response = await offline.Chat.GetResponseAsync(
        [
            new(ChatRole.System, []),
            new(ChatRole.User, []),
            new(ChatRole.Assistant, []),
            new(ChatRole.User, "What is 1 + 2? Reply with a single number."),
        ]);

        Assert.Equal("3", response.Text);
        AssertJson("""[{"role":"user","content":"What is 1 + 2? Reply with a single number."}]""", offline.LastRun["input"]!);
    }

    [Fact]
    public async Task RawPromptMessage_IsSentAsTextWhateverTheInputMode_WithItsEchoRemoved()
    {
        // Phi-3 takes messages; the raw-prompt contract (a tool format's completion prompt) overrides that, without a listing.
        await using var offline = new OfflineChat();
        const string Prompt = "\nFunction:\ndef f():\n    pass\n\nUser Query: go<human_end>\n";
        offline.Handler.RunReply = body => OfflineChat.TextReply(body["input"]!.GetValue<string>() + "Call: f()<bot_end>");

        ChatResponse response = await offline.Bytez.GetResponseAsync([RawPromptMessage.Create(Prompt)], new ChatOptions { StopSequences = ["<bot_end>"] });

        Assert.Equal(Prompt, offline.LastRun["input"]!.GetValue<string>());
        Assert.Equal("Call: f()", response.Text);
        Assert.DoesNotContain(offline.Handler.Requests, r => r.Path == "model/list");
    }

    [Fact]
    public async Task PromptToolCalling_Off_GivesThePlainTextClient()
    {
        await using var offline = new OfflineChat();
        using IChatClient plain = offline.Model.AsIChatClient(new BytezChatClientOptions { LoadOnFirstUse = false, PromptToolCalling = false });
        offline.Handler.RunReply = _ => OfflineChat.ChatReply("<tool_call>{\"name\": \"f\", \"arguments\": {}}</tool_call>");

        ChatResponse response = await plain.GetResponseAsync("hi", new ChatOptions { Tools = [AIFunctionFactory.Create(() => 1, "f")] });

        Assert.IsType<BytezChatClient>(plain);
        Assert.NotNull(offline.Chat.GetService<PromptToolCallingChatClient>());
        AssertJson("""[{"role":"user","content":"hi"}]""", offline.LastRun["input"]!);
        Assert.IsType<TextContent>(Assert.Single(response.Messages.Single().Contents));
    }

    [Fact]
    public async Task AfterDispose_CallsThrowObjectDisposed()
    {
        await using var offline = new OfflineChat();
        await offline.Bytez.DisposeAsync();
        offline.Chat.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => offline.Chat.GetResponseAsync("hello"));
    }

    private static void AssertJson(string expected, JsonNode actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"Expected {expected} but got {actual.ToJsonString()}");
}
