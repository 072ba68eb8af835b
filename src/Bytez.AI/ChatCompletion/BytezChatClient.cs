using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Bytez.AI.ChatCompletion;
using Bytez.AI.Lifecycle;
using Bytez.AI.Validation;
using Microsoft.Extensions.AI;

namespace Bytez.AI;

/// <summary>
/// An <see cref="IChatClient"/> backed by a Bytez chat or text-generation model. The model's instance is loaded on first
/// use and, by default, stopped when the client is disposed (see <see cref="BytezInstanceOptions"/>).
/// </summary>
/// <remarks>
/// <para><b>Input.</b> <see cref="BytezChatClientOptions.InputMode"/> chooses how the conversation is sent:</para>
/// <list type="bullet">
/// <item><description><see cref="BytezChatInputMode.Messages"/>: <c>"input": [{"role", "content"}, ...]</c>; the reply
/// is the last message of the conversation the model returns.</description></item>
/// <item><description><see cref="BytezChatInputMode.Prompt"/>: one prompt (system text, then <c>User: ...</c> /
/// <c>Assistant: ...</c> turns ending with <c>Assistant:</c>; a lone user message is sent as its raw text so a
/// completion model continues it). The reply is <c>generated_text</c> without the echoed prompt, removed only if the
/// output really starts with it.</description></item>
/// <item><description><see cref="BytezChatInputMode.Auto"/>: decided once per <see cref="BytezClient"/> and model from the
/// model's task in <see cref="BytezClient.ListModelsAsync"/>: <c>chat</c> and <c>*-text-to-text</c> tasks take messages,
/// <c>text2text-generation</c> a prompt, <c>text-generation</c> messages when the id looks like a chat model (a name
/// segment <c>instruct</c>, <c>chat</c> or <c>it</c>, or a Hermes, Phi-3 or Qwen3 model; NexusRaven is a completion
/// model) and a prompt otherwise; any other task throws <see cref="NotSupportedException"/> naming the adapter to use.
/// If the listing fails or does not include the model, the id alone decides.</description></item>
/// </list>
/// <para>Only text is sent: text contents of a message are concatenated, messages with no text are skipped, and media
/// contents (images, audio, files) throw <see cref="NotSupportedException"/> before any network call.</para>
/// <para><b>Options</b> become Hugging Face generation <c>params</c>:</para>
/// <list type="bullet">
/// <item><description><see cref="ChatOptions.Temperature"/> &gt; 0: <c>temperature</c> and <c>do_sample: true</c>;
/// 0: <c>do_sample: false</c> (greedy) and no temperature.</description></item>
/// <item><description><see cref="ChatOptions.TopP"/>: <c>top_p</c>; <see cref="ChatOptions.TopK"/>: <c>top_k</c>;
/// <see cref="ChatOptions.MaxOutputTokens"/>: <c>max_new_tokens</c>; <see cref="ChatOptions.Seed"/>: <c>seed</c>.</description></item>
/// <item><description><see cref="ChatOptions.StopSequences"/>: <c>stop_strings</c>, and also enforced by this client
/// (the reply is cut before the first stop sequence, streamed or not), because not every container honours it.</description></item>
/// <item><description><see cref="ChatOptions.FrequencyPenalty"/>: <c>repetition_penalty = 1 + FrequencyPenalty</c>.
/// <see cref="ChatOptions.PresencePenalty"/> maps the same way, but only when FrequencyPenalty is not set (Hugging Face has
/// a single penalty). A result of 0 or less throws <see cref="ArgumentOutOfRangeException"/>.</description></item>
/// <item><description><see cref="ChatOptions.Instructions"/>: a system message, merged in front of the text of the first
/// message when that is a system message, otherwise inserted first.</description></item>
/// <item><description><see cref="ChatOptions.ResponseFormat"/> JSON: a system instruction asks for JSON only (with the
/// schema, its name and description when given) and a surrounding <c>```json</c> fence is removed from a non-streamed
/// reply. The reply is not validated: <c>GetResponseAsync&lt;T&gt;</c> parses it and reports invalid JSON itself.</description></item>
/// <item><description><see cref="ChatOptions.ModelId"/>: when it names another model, that model runs the call through
/// its own instance lease (loaded on first use, released when this client is disposed).</description></item>
/// <item><description>Precedence: a <see cref="JsonObject"/> returned by <see cref="ChatOptions.RawRepresentationFactory"/>
/// is the base of <c>params</c>; typed options fill only keys it lacks; <see cref="ChatOptions.AdditionalProperties"/>
/// are copied verbatim into keys still unset.</description></item>
/// <item><description><see cref="ChatOptions.ConversationId"/> is ignored: Bytez is stateless.</description></item>
/// </list>
/// <para><b>Responses</b> hold one assistant message, stamped with the time of the client's
/// <see cref="BytezClientOptions.TimeProvider"/>. <see cref="ChatResponse.ResponseId"/> and
/// <see cref="ChatMessage.MessageId"/> are one generated <c>chatcmpl-</c> id; <see cref="ChatResponse.ModelId"/> is the
/// model that ran; <see cref="ChatResponse.FinishReason"/> is <see cref="ChatFinishReason.Length"/> when the reply has
/// at least <c>max_new_tokens</c> words (Bytez reports no token counts; words approximate tokens) and
/// <see cref="ChatFinishReason.Stop"/> otherwise; <see cref="ChatResponse.RawRepresentation"/> is the
/// <see cref="BytezRunResult"/>. <see cref="ChatResponse.Usage"/> is never set because Bytez reports no token counts.</para>
/// <para><b>Streaming</b> yields text as it arrives, with one response and message id, the assistant role, the model id
/// and the creation time on every update, and the finish reason on a final update with no text. Text is held back only
/// while it may still be the echoed prompt or the start of a stop sequence. JSON fences are not removed from streams.</para>
/// </remarks>
public sealed class BytezChatClient : IChatClient, IAsyncDisposable
{
    private readonly BytezModel _model;
    private readonly BytezChatInputMode _inputMode;
    private readonly TimeProvider _timeProvider;
    private readonly ChatClientMetadata _metadata;
    private readonly BytezChatLeases _leases;

    /// <summary>Initializes a new instance of the <see cref="BytezChatClient"/> class.</summary>
    /// <param name="model">The chat or text-generation model.</param>
    /// <param name="options">Instance management and input mode; defaults when null. Read once, here.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public BytezChatClient(BytezModel model, BytezChatClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);

        options ??= new BytezChatClientOptions();
        _model = model;
        _inputMode = options.InputMode;
        _timeProvider = model.Client.Options.TimeProvider;
        _metadata = new ChatClientMetadata("bytez", model.Client.Endpoint, model.ModelId);
        _leases = new BytezChatLeases(new BytezInstanceOptions
        {
            LoadOnFirstUse = options.LoadOnFirstUse,
            StopOnDispose = options.StopOnDispose,
            LoadOptions = options.LoadOptions,
            LoadProgress = options.LoadProgress,
        });
    }

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);

        (BytezChatRequest request, ModelInstanceLease lease) = await PrepareAsync(messages, options, cancellationToken).ConfigureAwait(false);

        BytezRunResult result = await lease.ExecuteAsync(
            (model, token) => model.RunAsync(request.Input, (JsonObject)request.Parameters.DeepClone(), token),
            cancellationToken).ConfigureAwait(false);

        string text = BytezChatMapper.ReadReplyText(result, request.Mode);
        if (request.Prompt is not null)
        {
            text = PromptEchoStripper.Strip(text, request.Prompt, request.TrimLeadingWhitespace);
        }

        var stop = new StopSequenceFilter(request.StopSequences);
        text = stop.Push(text) + stop.Flush();
        if (request.JsonResponse)
        {
            text = BytezChatMapper.StripJsonFences(text);
        }

        List<AIContent> contents = MapReplyText(text, options);
        ChatFinishReason finishReason = contents.Exists(c => c is FunctionCallContent)
            ? ChatFinishReason.ToolCalls
            : BytezChatMapper.ToFinishReason(text, request.MaxNewTokens, stop.Stopped);

        return BytezChatMapper.ToResponse(contents, request.ModelId, BytezChatMapper.NewResponseId(), _timeProvider.GetUtcNow(), finishReason, result);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);

        return StreamAsync(messages, options, cancellationToken);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);

        return
            serviceKey is not null ? null :
            serviceType == typeof(ChatClientMetadata) ? _metadata :
            serviceType == typeof(BytezModel) ? _model :
            serviceType == typeof(BytezClient) ? _model.Client :
            serviceType.IsInstanceOfType(this) ? this :
            null;
    }

    /// <summary>Releases the instance leases: an instance this client loaded is stopped if <see cref="BytezInstanceOptions.StopOnDispose"/> is set. Never throws.</summary>
    public void Dispose() => _leases.Dispose();

    /// <summary>Releases the instance leases without blocking on the stop requests. Never throws.</summary>
    /// <returns>A task that completes when the leases are released.</returns>
    public ValueTask DisposeAsync() => _leases.DisposeAsync();

    private async IAsyncEnumerable<ChatResponseUpdate> StreamAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        (BytezChatRequest request, ModelInstanceLease lease) = await PrepareAsync(messages, options, cancellationToken).ConfigureAwait(false);

        string responseId = BytezChatMapper.NewResponseId();
        DateTimeOffset createdAt = _timeProvider.GetUtcNow();
        var reply = new StreamedReply();
        bool sawFunctionCall = false;

        IAsyncEnumerable<string> text = StreamReplyTextAsync(request, lease, reply, cancellationToken);
        await foreach (List<AIContent> contents in MapStreamingReplyAsync(text, options, cancellationToken).ConfigureAwait(false))
        {
            sawFunctionCall |= contents.Exists(c => c is FunctionCallContent);
            yield return BytezChatMapper.ToUpdate(contents, request.ModelId, responseId, createdAt);
        }

        // A stream must never end silently on cancellation.
        cancellationToken.ThrowIfCancellationRequested();

        ChatFinishReason finishReason = sawFunctionCall
            ? ChatFinishReason.ToolCalls
            : BytezChatMapper.ToFinishReason(reply.Text.ToString(), request.MaxNewTokens, reply.Stopped);
        yield return BytezChatMapper.ToUpdate([], request.ModelId, responseId, createdAt, finishReason);
    }

    /// <summary>
    /// Streams the reply text: the raw pieces with the echoed prompt and everything from a stop sequence on removed,
    /// released as soon as they can no longer be part of either.
    /// </summary>
    private static async IAsyncEnumerable<string> StreamReplyTextAsync(
        BytezChatRequest request, ModelInstanceLease lease, StreamedReply reply, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var echo = request.Prompt is null ? null : new PromptEchoStripper(request.Prompt, request.TrimLeadingWhitespace);
        var stop = new StopSequenceFilter(request.StopSequences);

        IAsyncEnumerable<string> pieces = lease.ExecuteStreamingAsync(
            (model, token) => model.RunStreamingAsync(request.Input, (JsonObject)request.Parameters.DeepClone(), token),
            cancellationToken);

        await foreach (string piece in pieces.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            string text = stop.Push(echo is null ? piece : echo.Push(piece));
            if (text.Length > 0)
            {
                reply.Text.Append(text);
                yield return text;
            }

            if (stop.Stopped)
            {
                // Leaving the loop disposes the enumerator, which releases the HTTP response.
                reply.Stopped = true;
                yield break;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();

        string rest = stop.Push(echo?.Flush() ?? string.Empty) + stop.Flush();
        reply.Stopped = stop.Stopped;
        if (rest.Length > 0)
        {
            reply.Text.Append(rest);
            yield return rest;
        }
    }

    /// <summary>Translates one call: target model, text turns, params, input mode, then the run input.</summary>
    private async Task<(BytezChatRequest Request, ModelInstanceLease Lease)> PrepareAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        IReadOnlyList<ChatMessage> checkedMessages = BytezOptionsValidator.ValidateMessages(messages);
        BytezOptionsValidator.Validate(options);

        BytezModel target = options?.ModelId is { Length: > 0 } modelId &&
            !string.Equals(modelId, _model.ModelId, StringComparison.OrdinalIgnoreCase)
                ? _model.Client.GetModel(modelId)
                : _model;

        // Everything that can be rejected locally is checked before any network call (listing, load, run).
        List<BytezChatMessage> turns = RenderConversation(checkedMessages, options, target.ModelId);
        if (turns.Count == 0)
        {
            throw new ArgumentException("None of the messages has any text to send: add a message with text, such as new ChatMessage(ChatRole.User, \"<prompt>\").", nameof(messages));
        }

        JsonObject parameters = BytezChatMapper.ToParameters(options, this);
        ModelInstanceLease lease = _leases.Get(target);

        BytezChatInputMode mode = await BytezChatInputModeResolver.ResolveAsync(target, _inputMode, cancellationToken).ConfigureAwait(false);

        BytezInput input;
        string? prompt = null;
        bool isTemplate = false;
        if (mode == BytezChatInputMode.Messages)
        {
            input = BytezInput.FromMessages(turns);
        }
        else
        {
            prompt = BytezPromptTemplate.Render(turns, out isTemplate);
            input = BytezInput.FromText(prompt);
        }

        var request = new BytezChatRequest(
            target.ModelId,
            mode,
            input,
            parameters,
            prompt,
            isTemplate,
            BytezChatMapper.ReadStopSequences(parameters),
            BytezChatMapper.ReadMaxNewTokens(parameters),
            options?.ResponseFormat is ChatResponseFormatJson);
        return (request, lease);
    }

    // Tool calling: rendered by ToolCalling (issue 4). When options.Tools is non-empty and options.ToolMode is not
    // ChatToolMode.None, the tool-calling format renders the tool list and the FunctionCallContent /
    // FunctionResultContent of the history into the turns here. Until it is wired, tools are treated as absent and those
    // contents are left out of the turns.
    private static List<BytezChatMessage> RenderConversation(IEnumerable<ChatMessage> messages, ChatOptions? options, string modelId) =>
        BytezChatMapper.ToTurns(messages, options, modelId);

    // Tool calling: parsed by ToolCalling (issue 4). With tools active, the reply text is parsed into TextContent and
    // FunctionCallContent here (the response's finish reason then becomes ToolCalls). Until it is wired, the reply is
    // plain text.
    private static List<AIContent> MapReplyText(string text, ChatOptions? options)
    {
        _ = options;
        return [new TextContent(text)];
    }

    // Tool calling: parsed by ToolCalling (issue 4), streaming. With tools active, a stateful parser consumes the reply
    // text stream here, holds back what may be a tool call and yields complete FunctionCallContent only (the final
    // update then carries finish reason ToolCalls). Until it is wired, each text piece is one TextContent.
    private static async IAsyncEnumerable<List<AIContent>> MapStreamingReplyAsync(
        IAsyncEnumerable<string> text, ChatOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        _ = options;
        await foreach (string piece in text.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return [new TextContent(piece)];
        }
    }

    /// <summary>What a stream produced, for the finish reason of its last update.</summary>
    private sealed class StreamedReply
    {
        public System.Text.StringBuilder Text { get; } = new();

        public bool Stopped { get; set; }
    }
}
