using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using Bytez.AI.Benchmarks.Infrastructure;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Bytez.AI.Benchmarks.Scenarios;

/// <summary>
/// Every path the benchmarks compare, against one endpoint: raw <see cref="HttpClient"/>, the protocol client, the
/// M.E.AI adapters, and Microsoft.Extensions.AI.OpenAI on the OpenAI-compatible endpoint. Each scenario method makes
/// one call and returns what the caller would use, so tests can check the paths agree.
/// </summary>
public sealed class BenchClients : IAsyncDisposable
{
    private static readonly ChatMessage[] ChatMessages = [new(ChatRole.User, "Tell me something.")];
    private readonly BytezClient _client;
    private readonly BytezClient _clientNoRetry;
    private readonly IChatClient _chat;
    private readonly IChatClient _streamChat;
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embeddings;
    private readonly IImageGenerator _images;

    private BenchClients(Uri endpoint, Func<HttpMessageHandler>? handlers, BytezApiVersion apiVersion)
    {
        Endpoint = endpoint;
        ApiVersion = apiVersion;
        Raw = new RawBytez(endpoint, BenchEmulator.ApiKey, handlers?.Invoke(), apiVersion);
        _client = new BytezClient(new BytezClientOptions
        {
            Endpoint = endpoint,
            ApiKey = BenchEmulator.ApiKey,
            ApiVersion = apiVersion, // the raw floor speaks the same generation
            LoadPollInterval = TimeSpan.FromMilliseconds(5),
            HttpClient = handlers is null ? null : new HttpClient(handlers(), disposeHandler: true),
        });
        ChatModel = _client.GetModel(BenchEmulator.ChatModel);

        // The same protocol client without the retry handler, to show what the retry pipeline costs a call that succeeds.
        _clientNoRetry = new BytezClient(new BytezClientOptions
        {
            Endpoint = endpoint,
            ApiKey = BenchEmulator.ApiKey,
            ApiVersion = apiVersion,
            LoadPollInterval = TimeSpan.FromMilliseconds(5),
            HttpClient = handlers is null ? null : new HttpClient(handlers(), disposeHandler: true),
            Retry = new BytezRetryOptions { Enabled = false },
        });
        ChatModelNoRetry = _clientNoRetry.GetModel(BenchEmulator.ChatModel);
        StreamModel = _client.GetModel(BenchEmulator.StreamModel);
        EmbeddingModel = _client.GetModel(BenchEmulator.EmbeddingModel);
        ImageModel = _client.GetModel(BenchEmulator.ImageModel);

        // Default options, as a user would write it: the input mode is resolved once per client from the model listing.
        _chat = ChatModel.AsIChatClient();
        _streamChat = StreamModel.AsIChatClient();
        _embeddings = EmbeddingModel.AsIEmbeddingGenerator();
        _images = ImageModel.AsIImageGenerator();

        var openAIOptions = new OpenAIClientOptions { Endpoint = new Uri(endpoint, "models/v2/openai/v1") };
        if (handlers is not null)
        {
            openAIOptions.Transport = new HttpClientPipelineTransport(new HttpClient(handlers(), disposeHandler: true));
        }

        var openAI = new OpenAIClient(new ApiKeyCredential(BenchEmulator.ApiKey), openAIOptions);
        OpenAIChat = openAI.GetChatClient(BenchEmulator.ChatModel).AsIChatClient();
        OpenAIStreamChat = openAI.GetChatClient(BenchEmulator.StreamModel).AsIChatClient();
    }

    /// <summary>Gets the endpoint.</summary>
    public Uri Endpoint { get; }

    /// <summary>Gets the API generation every path speaks (the image scenario exists on v1 only: v2 answers links or raw bytes).</summary>
    public BytezApiVersion ApiVersion { get; }

    /// <summary>Gets the raw floor.</summary>
    public RawBytez Raw { get; }

    /// <summary>Gets the protocol handle on the chat model.</summary>
    public BytezModel ChatModel { get; }

    /// <summary>Gets the protocol handle on the chat model through a client with retries off.</summary>
    public BytezModel ChatModelNoRetry { get; }

    /// <summary>Gets the protocol handle on the streaming model.</summary>
    public BytezModel StreamModel { get; }

    /// <summary>Gets the protocol handle on the embedding model.</summary>
    public BytezModel EmbeddingModel { get; }

    /// <summary>Gets the protocol handle on the image model.</summary>
    public BytezModel ImageModel { get; }

    /// <summary>Gets the OpenAI adapter for the chat model.</summary>
    public IChatClient OpenAIChat { get; }

    /// <summary>Gets the OpenAI adapter for the streaming model.</summary>
    public IChatClient OpenAIStreamChat { get; }

    /// <summary>Gets the embedding inputs.</summary>
    public string[] EmbeddingInputs { get; } = BenchEmulator.EmbeddingInputs();

    /// <summary>
    /// Creates the clients and loads every model (so raw and protocol calls find running instances), then warms each
    /// path once.
    /// </summary>
    /// <param name="endpoint">The emulator's address.</param>
    /// <param name="handlers">Creates the HTTP handler of each client; null for plain <see cref="SocketsHttpHandler"/>s.</param>
    /// <param name="apiVersion">The API generation of every path (raw included); v1 unless said.</param>
    /// <returns>The clients.</returns>
    public static async Task<BenchClients> CreateAsync(Uri endpoint, Func<HttpMessageHandler>? handlers = null, BytezApiVersion apiVersion = BytezApiVersion.V1)
    {
        var clients = new BenchClients(endpoint, handlers, apiVersion);
        foreach (var model in (BytezModel[])[clients.ChatModel, clients.StreamModel, clients.EmbeddingModel, clients.ImageModel])
        {
            await model.LoadAsync().ConfigureAwait(false);
        }

        return clients;
    }

    // (a) One non-streaming chat call.

    /// <summary>Raw floor: one chat call.</summary>
    /// <returns>The reply.</returns>
    public Task<string> RawChatAsync() => Raw.ChatAsync(BenchEmulator.ChatModel, "Tell me something.");

    /// <summary>Protocol client: one chat call.</summary>
    /// <returns>The reply.</returns>
    public Task<string> ProtocolChatAsync() => ProtocolChatAsync(ChatModel);

    /// <summary>Protocol client with retries off (no <see cref="BytezRetryHandler"/>): one chat call.</summary>
    /// <returns>The reply.</returns>
    public Task<string> ProtocolChatNoRetryAsync() => ProtocolChatAsync(ChatModelNoRetry);

    /// <summary>Our IChatClient: one chat call.</summary>
    /// <returns>The reply.</returns>
    public async Task<string> ChatClientAsync() => (await _chat.GetResponseAsync(ChatMessages).ConfigureAwait(false)).Text;

    /// <summary>The OpenAI adapter: one chat call.</summary>
    /// <returns>The reply.</returns>
    public async Task<string> OpenAIChatAsync() => (await OpenAIChat.GetResponseAsync(ChatMessages).ConfigureAwait(false)).Text;

    // (b) A streamed reply of 200 chunks.

    /// <summary>Raw floor: one streamed reply.</summary>
    /// <param name="onUpdate">Called as each update with text reaches the caller.</param>
    /// <returns>The text and timings.</returns>
    public Task<StreamResult> RawStreamAsync(Action? onUpdate = null) => Raw.StreamAsync(BenchEmulator.StreamModel, "Stream something.", onUpdate);

    /// <summary>Protocol client: one streamed reply.</summary>
    /// <param name="onUpdate">Called as each update with text reaches the caller.</param>
    /// <returns>The text and timings.</returns>
    public Task<StreamResult> ProtocolStreamAsync(Action? onUpdate = null) =>
        Collect(StreamModel.RunStreamingAsync(BytezInput.FromMessages([new BytezChatMessage("user", "Stream something.")])), static s => s, onUpdate);

    /// <summary>Our IChatClient: one streamed reply.</summary>
    /// <param name="onUpdate">Called as each update with text reaches the caller.</param>
    /// <returns>The text and timings.</returns>
    public Task<StreamResult> ChatClientStreamAsync(Action? onUpdate = null) =>
        Collect(_streamChat.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "Stream something.")]), static u => u.Text, onUpdate);

    /// <summary>The OpenAI adapter: one streamed reply.</summary>
    /// <param name="onUpdate">Called as each update with text reaches the caller.</param>
    /// <returns>The text and timings.</returns>
    public Task<StreamResult> OpenAIStreamAsync(Action? onUpdate = null) =>
        Collect(OpenAIStreamChat.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "Stream something.")]), static u => u.Text, onUpdate);

    // (c) An embeddings batch of 256 inputs.

    /// <summary>Raw floor: 256 embeddings.</summary>
    /// <returns>The vectors.</returns>
    public Task<float[][]> RawEmbeddingsAsync() => Raw.EmbedManyAsync(BenchEmulator.EmbeddingModel, EmbeddingInputs);

    /// <summary>Protocol client: 256 embeddings.</summary>
    /// <returns>The vectors.</returns>
    public async Task<float[][]> ProtocolEmbeddingsAsync()
    {
        var vectors = new float[EmbeddingInputs.Length][];
        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i] = (await EmbeddingModel.RunAsync(EmbeddingInputs[i]).ConfigureAwait(false)).GetEmbedding();
        }

        return vectors;
    }

    /// <summary>Our IEmbeddingGenerator: 256 embeddings.</summary>
    /// <returns>The vectors.</returns>
    public async Task<float[][]> GeneratorEmbeddingsAsync()
    {
        var embeddings = await _embeddings.GenerateAsync(EmbeddingInputs).ConfigureAwait(false);
        return [.. embeddings.Select(e => e.Vector.ToArray())];
    }

    // (d) A text-to-image call returning a ~1 MB PNG.

    /// <summary>Raw floor: one image.</summary>
    /// <returns>The PNG.</returns>
    public Task<byte[]> RawImageAsync() => Raw.ImageAsync(BenchEmulator.ImageModel, "a lighthouse at dusk");

    /// <summary>Protocol client: one image.</summary>
    /// <returns>The PNG.</returns>
    public async Task<byte[]> ProtocolImageAsync() => (await ImageModel.RunAsync("a lighthouse at dusk").ConfigureAwait(false)).GetPngBytes();

    /// <summary>Our IImageGenerator: one image.</summary>
    /// <returns>The PNG.</returns>
    public async Task<byte[]> ImageGeneratorAsync()
    {
        var response = await _images.GenerateAsync(new ImageGenerationRequest("a lighthouse at dusk")).ConfigureAwait(false);
        return response.Contents.OfType<DataContent>().Single().Data.ToArray();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Disposal.DisposeAllAsync(_chat, _streamChat, _embeddings, _images, OpenAIChat, OpenAIStreamChat, Raw, _client, _clientNoRetry).ConfigureAwait(false);
    }

    /// <summary>Protocol client: one chat call to a model, the reply read as the last message of the conversation.</summary>
    /// <param name="model">The model.</param>
    /// <returns>The reply.</returns>
    public static async Task<string> ProtocolChatAsync(BytezModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var result = await model.RunAsync(BytezInput.FromMessages([new BytezChatMessage("user", "Tell me something.")])).ConfigureAwait(false);
        return result.GetAssistantMessage().Content;
    }

    private static async Task<StreamResult> Collect<T>(IAsyncEnumerable<T> updates, Func<T, string> text, Action? onUpdate)
    {
        var started = Stopwatch.GetTimestamp();
        long firstUpdate = 0;
        var count = 0;
        var builder = new System.Text.StringBuilder();
        await foreach (var update in updates.ConfigureAwait(false))
        {
            var piece = text(update);
            if (piece.Length > 0)
            {
                onUpdate?.Invoke();
                firstUpdate = firstUpdate == 0 ? Stopwatch.GetTimestamp() : firstUpdate;
                count++;
                builder.Append(piece);
            }
        }

        return new StreamResult(builder.ToString(), count, Stopwatch.GetElapsedTime(started, firstUpdate), Stopwatch.GetElapsedTime(started));
    }
}
