using Bytez.AI.Emulator;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Tests.ChatCompletion;

/// <summary>
/// How the chat client learns a model's task (for the input mode and media): one listing per client and model, by id on
/// v2; an answer that would fail the run too (a wrong API generation, a refused key) is thrown, never hidden behind a
/// guess, and asked again next time.
/// </summary>
public sealed class ChatModelLookupTests
{
    [Fact]
    public async Task V2_looks_the_model_up_by_id_once_per_client_and_model()
    {
        await using var emulator = await EmulatorFixture.StartAsync(BytezApiVersion.V2);
        using var first = emulator.Client.GetModel(TestModels.Chat).AsIChatClient();
        using var second = emulator.Client.GetModel(TestModels.Chat).AsIChatClient();

        _ = await first.GetResponseAsync("What is the capital of England?");
        _ = await second.GetResponseAsync("What is the capital of England?");

        var listing = Assert.Single(emulator.Log.Entries, e => e.Kind == EmulatorRequestKind.V2ListModels);
        Assert.Equal("models/v2/list/models?modelId=microsoft%2FPhi-3-mini-4k-instruct", listing.Path.TrimStart('/'));
        Assert.Equal(2, emulator.Log.RunCount(TestModels.Chat));

        // The model is listed as a chat model, so the conversation went as messages.
        Assert.NotNull(emulator.Log.RunBodies(TestModels.Chat)[0]["messages"]);
    }

    [Fact]
    public async Task A_model_whose_task_is_not_chat_is_refused_on_every_call_after_one_listing()
    {
        await using var emulator = await EmulatorFixture.StartAsync(BytezApiVersion.V2);
        using var chat = emulator.Client.GetModel(TestModels.SentenceSimilarity).AsIChatClient();

        var first = await Assert.ThrowsAsync<NotSupportedException>(() => chat.GetResponseAsync("hello"));
        var second = await Assert.ThrowsAsync<NotSupportedException>(() => chat.GetResponseAsync("hello"));

        Assert.Contains("use AsIEmbeddingGenerator()", first.Message, StringComparison.Ordinal);
        Assert.Equal(first.Message, second.Message);
        Assert.Single(emulator.Log.Entries, e => e.Kind == EmulatorRequestKind.V2ListModels);
        Assert.Equal(0, emulator.Log.RunCount());
    }

    [Theory]
    [InlineData(BytezApiVersion.V1)]
    [InlineData(BytezApiVersion.V2)]
    public async Task A_client_of_the_other_generation_gets_the_404_naming_ApiVersion_not_a_guess(BytezApiVersion server)
    {
        var client = server == BytezApiVersion.V1 ? BytezApiVersion.V2 : BytezApiVersion.V1;
        await using var emulator = await EmulatorFixture.StartAsync(server, configureClient: o => o.ApiVersion = client);
        using var chat = emulator.Client.GetModel(TestModels.Chat).AsIChatClient(new BytezChatClientOptions { LoadOnFirstUse = false });

        var ex = await Assert.ThrowsAsync<BytezNotFoundException>(() => chat.GetResponseAsync("hello"));
        await Assert.ThrowsAsync<BytezNotFoundException>(() => chat.GetResponseAsync("hello"));

        Assert.Contains("check BytezClientOptions.ApiVersion", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, emulator.Log.RunCount());

        // Not remembered: each call asks again.
        Assert.Equal(2, emulator.Log.Entries.Count);
        Assert.All(emulator.Log.Entries, e => Assert.Equal(404, e.StatusCode));
    }

    [Fact]
    public async Task A_refused_key_is_thrown_from_the_lookup()
    {
        await using var emulator = await EmulatorFixture.StartAsync(
            BytezApiVersion.V2, e => e.AcceptedApiKeys = ["the-right-key"], c => c.ApiKey = "a-wrong-key");
        using var chat = emulator.Client.GetModel(TestModels.Chat).AsIChatClient();

        await Assert.ThrowsAsync<BytezUnauthorizedException>(() => chat.GetResponseAsync("hello"));

        Assert.Equal(0, emulator.Log.RunCount());
    }
}
