using System.Text.Json.Nodes;

namespace Bytez.AI.Extensions.AI.Tests.ChatClient;

/// <summary>A chat client over a <see cref="RecordingHandler"/>: no network, no load (LoadOnFirstUse off).</summary>
internal sealed class OfflineChat : IAsyncDisposable
{
    public const string Phi3 = "microsoft/Phi-3-mini-4k-instruct";
    public const string Gpt2 = "openai-community/gpt2";

    private readonly HttpClient _httpClient;

    public OfflineChat(string modelId = Phi3, BytezChatInputMode mode = BytezChatInputMode.Auto, TimeProvider? timeProvider = null)
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
        Chat = new BytezChatClient(Model, new BytezChatClientOptions
        {
            LoadOnFirstUse = false,
            InputMode = mode,
        });
    }

    public RecordingHandler Handler { get; } = new();

    public BytezClient Client { get; }

    public BytezModel Model { get; }

    public BytezChatClient Chat { get; }

    public JsonObject LastRun => Handler.Runs.Last().Body!;

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
        await Chat.DisposeAsync();
        Client.Dispose();
        _httpClient.Dispose();
    }
}
