using Bytez.AI.Benchmarks.Infrastructure;
using Bytez.AI.Benchmarks.Server;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Benchmarks.Scenarios;

/// <summary>
/// The chat call through an in-memory handler (<see cref="InMemoryReplyHandler"/>): raw, the protocol client with and
/// without <see cref="BytezRetryHandler"/>, and the IChatClient. What differs between the paths is client code only.
/// </summary>
public sealed class InMemoryChat : IAsyncDisposable
{
    private static readonly Uri Endpoint = new("http://127.0.0.1:9/");
    private static readonly ChatMessage[] Messages = [new(ChatRole.User, "Tell me something.")];
    private readonly RawBytez _raw;
    private readonly HttpClient _httpWithRetries;
    private readonly HttpClient _httpWithoutRetries;
    private readonly BytezClient _withRetries;
    private readonly BytezClient _withoutRetries;
    private readonly BytezModel _model;
    private readonly BytezModel _modelWithoutRetries;
    private readonly IChatClient _chat;
    private readonly BytezApiVersion _apiVersion;

    /// <summary>Initializes a new instance of the <see cref="InMemoryChat"/> class.</summary>
    /// <param name="apiVersion">The API generation every path speaks.</param>
    public InMemoryChat(BytezApiVersion apiVersion = BytezApiVersion.V2)
    {
        (string, byte[])[] replies =
        [
            ("model/run", Server.BenchReplies.Chat([("user", "Tell me something."), ("assistant", BenchEmulator.ChatReply)])),
            ("model/load", Server.BenchReplies.LoadStarted),
            ("model/status", Server.BenchReplies.StatusRunning),
            ("model/delete", Server.BenchReplies.Stopped),
            (FixedBench.V2RunPath(BenchEmulator.ChatModel), Server.BenchReplies.V2Chat(BenchEmulator.ChatReply)),
        ];
        _apiVersion = apiVersion;
        _raw = new RawBytez(Endpoint, BenchEmulator.ApiKey, new InMemoryReplyHandler(replies), apiVersion);

        // As the client builds its own: the retry handler over the transport (here the in-memory one).
        _httpWithRetries = new HttpClient(new BytezRetryHandler { InnerHandler = new InMemoryReplyHandler(replies) }, disposeHandler: true);
        _httpWithoutRetries = new HttpClient(new InMemoryReplyHandler(replies), disposeHandler: true);
        _withRetries = Create(_httpWithRetries);
        _withoutRetries = Create(_httpWithoutRetries);
        _model = _withRetries.GetModel(BenchEmulator.ChatModel);
        _modelWithoutRetries = _withoutRetries.GetModel(BenchEmulator.ChatModel);
        _chat = _model.AsIChatClient(new BytezChatClientOptions { InputMode = BytezChatInputMode.Messages });
    }

    /// <summary>Raw floor: one chat call.</summary>
    /// <returns>The reply.</returns>
    public Task<string> RawAsync() => _raw.ChatAsync(BenchEmulator.ChatModel, "Tell me something.");

    /// <summary>Protocol client with the retry handler: one chat call.</summary>
    /// <returns>The reply.</returns>
    public Task<string> ProtocolAsync() => BenchClients.ProtocolChatAsync(_model);

    /// <summary>Protocol client without the retry handler: one chat call.</summary>
    /// <returns>The reply.</returns>
    public Task<string> ProtocolWithoutRetriesAsync() => BenchClients.ProtocolChatAsync(_modelWithoutRetries);

    /// <summary>IChatClient (over the client with the retry handler): one chat call.</summary>
    /// <returns>The reply.</returns>
    public async Task<string> ChatClientAsync() => (await _chat.GetResponseAsync(Messages).ConfigureAwait(false)).Text;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Disposal.DisposeAllAsync(_chat, _raw, _withRetries, _withoutRetries, _httpWithRetries, _httpWithoutRetries).ConfigureAwait(false);
    }

    private BytezClient Create(HttpClient http) =>
        new(new BytezClientOptions { Endpoint = Endpoint, ApiKey = BenchEmulator.ApiKey, ApiVersion = _apiVersion, HttpClient = http, LoadPollInterval = TimeSpan.FromMilliseconds(5) });
}
