using System.Text.Json.Nodes;
using Bytez.AI.ChatCompletion;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Tests.ChatCompletion;

/// <summary>
/// A chat client over a <see cref="CannedV1Handler"/>: no network, no load (LoadOnFirstUse off). <see cref="Chat"/> is
/// what users get (<c>model.AsIChatClient()</c>); <see cref="Bytez"/> is the Bytez client inside it.
/// </summary>
internal sealed class OfflineChat : IAsyncDisposable
{
    private readonly HttpClient _httpClient;

    public OfflineChat(string modelId = TestModels.Chat, BytezChatInputMode mode = BytezChatInputMode.Auto, TimeProvider? timeProvider = null)
    {
        _httpClient = new HttpClient(Handler);
        Client = new BytezClient(new BytezClientOptions
        {
            ApiKey = "test-key",
            ApiVersion = BytezApiVersion.V1, // the v1 wire and lifecycle these tests assert; both generations come with phase 2 of issue 11
            HttpClient = _httpClient,
            TimeProvider = timeProvider ?? TimeProvider.System,
        });
        Model = Client.GetModel(modelId);
        Chat = Model.AsIChatClient(new BytezChatClientOptions
        {
            LoadOnFirstUse = false,
            InputMode = mode,
        });
        Bytez = Chat.GetService<BytezChatClient>()!;
    }

    public CannedV1Handler Handler { get; } = new();

    public BytezClient Client { get; }

    public BytezModel Model { get; }

    public IChatClient Chat { get; }

    public BytezChatClient Bytez { get; }

    public JsonObject LastRun => Handler.Runs.Last().Json!;

    public static string ChatReply(string reply) =>
        new JsonObject
        {
            ["output"] = new JsonArray(new JsonObject
            {
                ["generated_text"] = new JsonArray(
                    new JsonObject { ["role"] = "user", ["content"] = "(input)" },
                    new JsonObject { ["role"] = "assistant", ["content"] = reply }),
            }),
        }.ToJsonString();

    public static string TextReply(string generatedText) =>
        new JsonObject { ["output"] = new JsonArray(new JsonObject { ["generated_text"] = generatedText }) }.ToJsonString();

    public async ValueTask DisposeAsync()
    {
        await Bytez.DisposeAsync();
        Chat.Dispose();
        Client.Dispose();
        _httpClient.Dispose();
    }
}
