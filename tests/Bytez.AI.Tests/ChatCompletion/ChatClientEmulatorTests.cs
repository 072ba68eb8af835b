using System.Text;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Tests.ChatCompletion;

/// <summary>Bytez-specific chat behaviour over HTTP against the emulator on each API generation, and the acceptance program of issue 3.</summary>
public sealed class ChatClientEmulatorTests
{
    [Theory]
    [BothApiVersions]
    public async Task Acceptance_PipelineGetsResponsesAndStreams_AndDisposeStopsTheInstanceItLoaded(BytezApiVersion api)
    {
        await using var emulator = await EmulatorFixture.StartAsync(api);
        BytezModel model = emulator.Client.GetModel(TestModels.Chat);

        IChatClient client = new ChatClientBuilder(model.AsIChatClient())
            .UseFunctionInvocation()
            .UseOpenTelemetry()
            .Build();

        ChatResponse response = await client.GetResponseAsync("What is the capital of England?");
        Assert.Equal("The capital of England is London.", response.Text);

        var streamed = new StringBuilder();
        await foreach (ChatResponseUpdate update in client.GetStreamingResponseAsync("What is the capital of England?"))
        {
            streamed.Append(update.Text);
        }

        Assert.Equal(response.Text, streamed.ToString());

        // v1 loads once and stops what it loaded on dispose; v2 is serverless and sends neither.
        int lifecycle = api == BytezApiVersion.V1 ? 1 : 0;
        Assert.Equal(lifecycle, emulator.Emulator.RequestLog.LoadCount(TestModels.Chat));
        Assert.Equal(0, emulator.Emulator.RequestLog.StopCount(TestModels.Chat));

        client.Dispose();

        Assert.Equal(lifecycle, emulator.Emulator.RequestLog.StopCount(TestModels.Chat));
        Assert.Equal(2, emulator.Emulator.RequestLog.RunCount(TestModels.Chat));
    }

    [Theory]
    [BothApiVersions]
    public async Task PromptMode_CompletionModel_EchoRemoved_NonStreamingAndStreaming(BytezApiVersion api)
    {
        await using var emulator = await EmulatorFixture.StartAsync(api);
        using var chat = emulator.CreateChat(TestModels.TextGeneration);
        emulator.Script(TestModels.TextGeneration).Reply(" there was a little cottage.").Reply(" there was a little cottage.");

        ChatResponse response = await chat.GetResponseAsync("Once upon a time");

        Assert.Equal(" there was a little cottage.", response.Text);
        Assert.Equal(TestModels.TextGeneration, response.ModelId);
        Assert.Equal("Once upon a time", emulator.Log.RunBodies(TestModels.TextGeneration)[0].InputOf()!.GetValue<string>()); // text (v2) or input (v1)

        var streamed = new StringBuilder();
        await foreach (ChatResponseUpdate update in chat.GetStreamingResponseAsync("Once upon a time"))
        {
            streamed.Append(update.Text);
        }

        Assert.Equal(" there was a little cottage.", streamed.ToString());
    }

    [Theory]
    [BothApiVersions]
    public async Task Streaming_MultiByteCharactersSplitAcrossChunks(BytezApiVersion api)
    {
        await using var emulator = await EmulatorFixture.StartAsync(api);
        using var chat = emulator.CreateChat();
        byte[] bytes = Encoding.UTF8.GetBytes("Grüße aus 東京 🌍");
        int split1 = Array.IndexOf(bytes, (byte)0xC3) + 1;
        int split2 = Array.IndexOf(bytes, (byte)0xF0) + 3;
        emulator.Script().StreamBytes(bytes[..split1], bytes[split1..split2], bytes[split2..]);

        var text = new StringBuilder();
        await foreach (ChatResponseUpdate update in chat.GetStreamingResponseAsync("Greet me"))
        {
            text.Append(update.Text);
        }

        Assert.Equal("Grüße aus 東京 🌍", text.ToString());
    }

    [Theory]
    [BothApiVersions]
    public async Task Streaming_UpdateInvariants_AndFinishReasonLast(BytezApiVersion api)
    {
        await using var emulator = await EmulatorFixture.StartAsync(api);
        using var chat = emulator.CreateChat();
        emulator.Script().StreamChunks("one ", "two ", "three");

        List<ChatResponseUpdate> updates = [];
        await foreach (ChatResponseUpdate update in chat.GetStreamingResponseAsync("count", new ChatOptions { MaxOutputTokens = 3 }))
        {
            updates.Add(update);
        }

        Assert.True(updates.Count >= 2);
        Assert.Single(updates.Select(u => u.ResponseId).Distinct());
        Assert.Single(updates.Select(u => u.MessageId).Distinct());
        Assert.All(updates, u => Assert.Equal(ChatRole.Assistant, u.Role));
        Assert.All(updates, u => Assert.Equal(TestModels.Chat, u.ModelId));
        Assert.All(updates, u => Assert.NotNull(u.CreatedAt));
        Assert.All(updates.SkipLast(1), u => Assert.Null(u.FinishReason));
        Assert.Equal(ChatFinishReason.Length, updates[^1].FinishReason);
    }

    [Theory]
    [BothApiVersions]
    public async Task Streaming_Cancelled_ThrowsOperationCanceled(BytezApiVersion api)
    {
        await using var emulator = await EmulatorFixture.StartAsync(api, o => o.StreamChunkDelay = TimeSpan.FromMilliseconds(200));
        using var chat = emulator.CreateChat();
        emulator.Script().StreamChunks([.. Enumerable.Range(0, 50).Select(i => $"word{i} ")]);
        using var cts = new CancellationTokenSource();

        int received = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (ChatResponseUpdate update in chat.GetStreamingResponseAsync("talk", cancellationToken: cts.Token))
            {
                received++;
                await cts.CancelAsync();
            }
        });

        Assert.Equal(1, received);
    }

    [Theory]
    [BothApiVersions]
    public async Task StopSequences_EnforcedAndSentAsStopStrings(BytezApiVersion api)
    {
        await using var emulator = await EmulatorFixture.StartAsync(api);
        using var chat = emulator.CreateChat();
        emulator.Script().Reply("London.\nUser: and Paris?");

        ChatResponse response = await chat.GetResponseAsync("Capital of England?", new ChatOptions { StopSequences = ["\nUser:"] });

        Assert.Equal("London.", response.Text);
        Assert.Contains("\"stop_strings\":[\"\\nUser:\"]", emulator.Log.RunBodyTexts(TestModels.Chat).Single(), StringComparison.Ordinal);
    }

    [Theory]
    [BothApiVersions]
    public async Task ModelError_SurfacesAsTypedBytezException(BytezApiVersion api)
    {
        await using var emulator = await EmulatorFixture.StartAsync(api);
        using var chat = emulator.CreateChat();
        emulator.Script().Fail(422, "CUDA out of memory").Fail(422, "CUDA out of memory");

        var ex = await Assert.ThrowsAnyAsync<BytezException>(() => chat.GetResponseAsync("hello"));
        Assert.Contains("CUDA out of memory", ex.Message, StringComparison.Ordinal);

        await Assert.ThrowsAnyAsync<BytezException>(async () =>
        {
            await foreach (ChatResponseUpdate update in chat.GetStreamingResponseAsync("hello"))
            {
                Assert.Fail("No update expected before the error.");
            }
        });
    }

    [Theory]
    [BothApiVersions]
    public async Task Auto_NonChatModel_ThrowsNotSupportedNamingTheTask(BytezApiVersion api)
    {
        await using var emulator = await EmulatorFixture.StartAsync(api);
        using var chat = emulator.CreateChat("sentence-transformers/all-MiniLM-L6-v2");

        var ex = await Assert.ThrowsAsync<NotSupportedException>(() => chat.GetResponseAsync("hello"));

        Assert.Contains("sentence-similarity", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AsIEmbeddingGenerator", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, emulator.Emulator.RequestLog.RunCount());
    }

    [Theory]
    [BothApiVersions]
    public async Task ModelId_Override_RunsAndStopsTheOtherModel(BytezApiVersion api)
    {
        await using var emulator = await EmulatorFixture.StartAsync(api);
        var chat = emulator.CreateChat();
        emulator.Script("Qwen/Qwen2-7B-Instruct").Reply("Hi from Qwen.");

        ChatResponse response = await chat.GetResponseAsync("hello", new ChatOptions { ModelId = "Qwen/Qwen2-7B-Instruct" });

        Assert.Equal("Hi from Qwen.", response.Text);
        Assert.Equal("Qwen/Qwen2-7B-Instruct", response.ModelId);
        Assert.Equal(0, emulator.Emulator.RequestLog.RunCount(TestModels.Chat));

        chat.Dispose();
        Assert.Equal(api == BytezApiVersion.V1 ? 1 : 0, emulator.Emulator.RequestLog.StopCount("Qwen/Qwen2-7B-Instruct"));
    }
}
