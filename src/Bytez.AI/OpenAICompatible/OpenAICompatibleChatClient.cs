using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Bytez.AI.Adapters;
using Bytez.AI.Http;
using Bytez.AI.Validation;
using Microsoft.Extensions.AI;
using SdkChatClient = OpenAI.Chat.ChatClient;

namespace Bytez.AI.OpenAICompatible;

/// <summary>
/// The OpenAI-compatible chat route: Microsoft.Extensions.AI's OpenAI <see cref="IChatClient"/> over the official SDK,
/// pointed at Bytez (<see cref="OpenAIModelClient"/>), wrapped so what users see stays Bytez: <see cref="ChatClientMetadata"/>
/// with provider <c>bytez</c>, the Bytez endpoint and the model id; errors in the <see cref="BytezException"/> family with
/// keys redacted; <c>GetService</c> finds <see cref="BytezModel"/> and <see cref="BytezClient"/>, then the SDK's
/// <see cref="SdkChatClient"/> and whatever Microsoft.Extensions.AI's client offers. Everything else (native tool calls,
/// usage, JSON-schema response formats, images and audio, log probabilities) is Microsoft.Extensions.AI.OpenAI's own.
/// </summary>
internal sealed class OpenAICompatibleChatClient : BytezAdapter<ChatClientMetadata>, IChatClient
{
    private readonly OpenAIModelClient _bound;

    // One SDK client per model a per-call ChatOptions.ModelId names: each carries that model's provider-key.
    private readonly ConcurrentDictionary<string, OpenAIModelClient> _others = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Initializes a new instance of the <see cref="OpenAICompatibleChatClient"/> class.</summary>
    /// <param name="model">The model, of a v2 client (the route decision checked it).</param>
    /// <param name="options">Instance management; the native-only settings are not read.</param>
    public OpenAICompatibleChatClient(BytezModel model, BytezChatClientOptions options)
        : base(model, options, static (provider, endpoint, modelId) => new ChatClientMetadata(provider, endpoint, modelId))
    {
        _bound = OpenAIModelClient.Create(model);
    }

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        (IReadOnlyList<ChatMessage> history, OpenAIModelClient target) = Begin(messages, options);
        var call = new BytezCall(BytezOperations.OpenAIChat, target.Model.ModelId);
        try
        {
            return await target.Chat.GetResponseAsync(history, OpenAIRequestOptions.Prepare(options), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (OpenAIErrors.Translate(ex, call, target.Model.Client.Transport, started: false, cancellationToken) is { } mapped)
        {
            throw mapped;
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return StreamAsync(messages, options, cancellationToken);
    }

    /// <inheritdoc />
    protected override object? GetInnerService(Type serviceType) =>
        serviceType == typeof(SdkChatClient) ? _bound.Sdk : _bound.Chat.GetService(serviceType);

    private async IAsyncEnumerable<ChatResponseUpdate> StreamAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        (IReadOnlyList<ChatMessage> history, OpenAIModelClient target) = Begin(messages, options);
        var call = new BytezCall(BytezOperations.OpenAIStreamingChat, target.Model.ModelId);
        IAsyncEnumerator<ChatResponseUpdate> updates = target.Chat
            .GetStreamingResponseAsync(history, OpenAIRequestOptions.Prepare(options), cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        await using (updates.ConfigureAwait(false))
        {
            bool started = false;
            while (true)
            {
                // The SDK sends the request on the first MoveNextAsync and reads the stream on the others: its failures
                // are translated here, outside the yield (C# allows no yield inside a try with a catch).
                try
                {
                    if (!await updates.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }
                }
                catch (Exception ex) when (OpenAIErrors.Translate(ex, call, target.Model.Client.Transport, started, cancellationToken) is { } mapped)
                {
                    throw mapped;
                }

                started = true;
                yield return updates.Current;
            }
        }

        // A stream must never end silently on cancellation.
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Validates the call before any request and picks the SDK client of the model that runs it.</summary>
    private (IReadOnlyList<ChatMessage> History, OpenAIModelClient Target) Begin(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        IReadOnlyList<ChatMessage> history = BytezInputValidator.ValidateMessages(messages);
        BytezOptionsValidator.ValidateOpenAICompatible(options);

        // The lease checks the id and that this client is not disposed (serverless on v2: it loads nothing).
        BytezModel model = LeaseFor(options?.ModelId).Model;
        OpenAIModelClient target = string.Equals(model.ModelId, Model.ModelId, StringComparison.OrdinalIgnoreCase)
            ? _bound
            : _others.GetOrAdd(model.ModelId, static (_, m) => OpenAIModelClient.Create(m), model);
        return (history, target);
    }
}
