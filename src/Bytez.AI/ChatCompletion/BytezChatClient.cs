using System.Runtime.CompilerServices;
using Bytez.AI.Adapters;
using Bytez.AI.Lifecycle;
using Bytez.AI.Validation;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ChatCompletion;

/// <summary>
/// The native chat adapter: text in, text out. Messages and options become a Bytez run (a message list or a prompt, and
/// Hugging Face <c>params</c>); the run's output becomes one assistant message, whole or streamed. It knows nothing of
/// tools: <see cref="BytezModelExtensions.AsIChatClient"/> puts the prompt tool-calling middleware on top of it. The
/// behaviour users see is documented there.
/// </summary>
/// <remarks>
/// The two protocol-facing steps are each in one place, so a protocol generation can switch them without touching the
/// rest: <see cref="BytezChatRequest.CreateAsync"/> (turns and options to the run input and params) and
/// <see cref="BytezChatReply"/> and <see cref="ReplyStream"/> (run output to reply text, whole or streamed).
/// </remarks>
internal sealed class BytezChatClient : BytezAdapter<ChatClientMetadata>, IChatClient
{
    private readonly BytezChatInputMode _inputMode;
    private readonly BytezChatInputModes _inputModes;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new instance of the <see cref="BytezChatClient"/> class.</summary>
    /// <param name="model">The chat or text-generation model.</param>
    /// <param name="options">Instance management and input mode; defaults when null. Read once, here.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public BytezChatClient(BytezModel model, BytezChatClientOptions? options = null)
        : base(model, options ??= new BytezChatClientOptions(), static (provider, endpoint, modelId) => new ChatClientMetadata(provider, endpoint, modelId))
    {
        _inputMode = options.InputMode;

        // Shared by every chat client of the BytezClient (per-call model ids come from the same client); fetched once
        // here rather than under the client's lock on every call.
        _inputModes = model.Client.GetLayerState(static _ => new BytezChatInputModes());
        _timeProvider = model.Client.Options.TimeProvider;
    }

    /// <inheritdoc />
    public Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        // One state machine per call once the request is ready (as it is at once after a model's first call): the lease's,
        // which runs the call and then maps its result. Bad input fails the returned task, as from an async method.
        ValueTask<(BytezChatRequest, ModelInstanceLease)> prepared = PrepareAsync(messages, options, cancellationToken);
        if (!prepared.IsCompletedSuccessfully)
        {
            return RunWhenPreparedAsync(prepared, cancellationToken);
        }

        (BytezChatRequest request, ModelInstanceLease lease) = prepared.Result;
        return Run(request, lease, cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);

        return StreamAsync(messages, options, cancellationToken);
    }

    private async IAsyncEnumerable<ChatResponseUpdate> StreamAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        (BytezChatRequest request, ModelInstanceLease lease) = await PrepareAsync(messages, options, cancellationToken).ConfigureAwait(false);
        string responseId = BytezChatMapper.NewResponseId();
        DateTimeOffset createdAt = _timeProvider.GetUtcNow();
        var reply = new ReplyStream(request);
        IAsyncEnumerable<string> pieces = lease.ExecuteStreamingAsync(
            (model, token) => model.RunStreamingAsync(request.Input, request.Parameters, token),
            cancellationToken);

        await foreach (string piece in pieces.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            string text = reply.Push(piece);
            if (text.Length > 0)
            {
                yield return BytezChatMapper.ToUpdate([new TextContent(text)], request.ModelId, responseId, createdAt);
            }

            if (reply.Stopped)
            {
                // Leaving the loop disposes the enumerator, which releases the HTTP response.
                break;
            }
        }

        // A stream must never end silently on cancellation.
        cancellationToken.ThrowIfCancellationRequested();

        if (!reply.Stopped)
        {
            string rest = reply.Finish();
            if (rest.Length > 0)
            {
                yield return BytezChatMapper.ToUpdate([new TextContent(rest)], request.ModelId, responseId, createdAt);
            }
        }

        ChatFinishReason finishReason = BytezChatMapper.ToFinishReason(reply.Words, request.MaxNewTokens, reply.Stopped);
        yield return BytezChatMapper.ToUpdate([], request.ModelId, responseId, createdAt, finishReason);
    }

    private async Task<ChatResponse> RunWhenPreparedAsync(ValueTask<(BytezChatRequest, ModelInstanceLease)> prepared, CancellationToken cancellationToken)
    {
        (BytezChatRequest request, ModelInstanceLease lease) = await prepared.ConfigureAwait(false);
        return await Run(request, lease, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<(BytezChatRequest, ModelInstanceLease)> PrepareAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        (IReadOnlyList<ChatMessage> history, ModelInstanceLease lease) = Begin(messages, options);
        return (await BytezChatRequest.CreateAsync(history, options, lease.Model, _inputModes, _inputMode, this, cancellationToken).ConfigureAwait(false), lease);
    }

    private Task<ChatResponse> Run(BytezChatRequest request, ModelInstanceLease lease, CancellationToken cancellationToken) =>
        lease.ExecuteAsync(
            (Client: this, Request: request),
            static (model, s, token) => model.RunAsync(s.Request.Input, s.Request.Parameters, token),
            static (result, s) => s.Client.ToResponse(result, s.Request),
            cancellationToken);

    private ChatResponse ToResponse(BytezRunResult result, BytezChatRequest request)
    {
        (string text, bool stopped) = BytezChatReply.Read(result, request);
        ChatFinishReason finishReason = BytezChatMapper.ToFinishReason(text, request.MaxNewTokens, stopped);
        return BytezChatMapper.ToResponse([new TextContent(text)], request.ModelId, BytezChatMapper.NewResponseId(), _timeProvider.GetUtcNow(), finishReason, result);
    }

    /// <summary>
    /// Starts one call: the messages as a list and the options are validated (before any network call), and the lease of
    /// the model that runs it is taken (the bound one, or <see cref="ChatOptions.ModelId"/>'s).
    /// </summary>
    private (IReadOnlyList<ChatMessage> History, ModelInstanceLease Lease) Begin(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        IReadOnlyList<ChatMessage> history = BytezInputValidator.ValidateMessages(messages);
        BytezOptionsValidator.Validate(options);
        return (history, LeaseFor(options?.ModelId));
    }
}
