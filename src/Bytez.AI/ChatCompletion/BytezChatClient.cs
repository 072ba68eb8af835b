using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Bytez.AI.ChatCompletion;
using Bytez.AI.Lifecycle;
using Bytez.AI.ToolCalling;
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
/// model's task in <see cref="BytezClient.ListModelsAsync(string?, CancellationToken)"/>: <c>chat</c> and <c>*-text-to-text</c> tasks take messages,
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
/// <para><b>Tool calling</b> is prompt-based (Bytez models have no tool API). It applies when
/// <see cref="ChatOptions.Tools"/> holds <see cref="AIFunctionDeclaration"/>s and <see cref="ChatOptions.ToolMode"/> is
/// not <see cref="ChatToolMode.None"/>, or when the history holds <see cref="FunctionCallContent"/> or
/// <see cref="FunctionResultContent"/>. The <see cref="ToolCallFormat"/> (<see cref="BytezChatClientOptions.ToolCallFormat"/>,
/// or <see cref="ToolCallFormats.ForModel"/> for the model that runs the call) renders the tools, earlier calls and
/// results into the messages, or into one raw prompt sent as text input (NexusRaven; its echo is removed as in prompt
/// mode). The format's stop sequences are added to <c>stop_strings</c> and enforced by this client. The reply is parsed
/// into <see cref="TextContent"/>, <see cref="FunctionCallContent"/> (finish reason
/// <see cref="ChatFinishReason.ToolCalls"/>) and <see cref="ErrorContent"/>; streams emit each call once it is complete
/// and never emit marker fragments. Use <c>UseFunctionInvocation()</c> to run the calls.</para>
/// <para>A call the model wrote but that cannot be used is never a <see cref="FunctionCallContent"/>, so it is never
/// executed: it is an <see cref="ErrorContent"/> whose <see cref="ErrorContent.ErrorCode"/> is
/// <see cref="ToolCallErrorCodes.InvalidToolCall"/> (not a valid call, e.g. bad JSON or a non-literal argument) or
/// <see cref="ToolCallErrorCodes.TruncatedToolCall"/> (cut off, usually by <see cref="ChatOptions.MaxOutputTokens"/>;
/// the finish reason is then <see cref="ChatFinishReason.Length"/>), with the raw call text in
/// <see cref="ErrorContent.Details"/>. A required tool mode that got no (matching) call adds an <see cref="ErrorContent"/>
/// <see cref="ToolCallErrorCodes.ToolCallRequired"/>. With no call in the response, <c>FunctionInvokingChatClient</c> returns
/// the response, so the caller sees the error in <see cref="ChatResponse.Messages"/>. A call to an undeclared function is
/// a <see cref="FunctionCallContent"/>: the invoking client answers the model that the function was not found.</para>
/// <para>Nested pythonic calls (<c>f(x=g(y=1))</c>) are returned one layer per round: once the inner calls' results are
/// in the history, the next call is returned without a model request (and without loading the model).</para>
/// </remarks>
public sealed class BytezChatClient : IChatClient, IAsyncDisposable
{
    private readonly BytezModel _model;
    private readonly BytezChatInputMode _inputMode;
    private readonly TimeProvider _timeProvider;
    private readonly ChatClientMetadata _metadata;
    private readonly BytezChatLeases _leases;
    private readonly ToolCallFormat? _toolCallFormat;

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
        _toolCallFormat = options.ToolCallFormat;
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

        (IReadOnlyList<ChatMessage> history, BytezModel target, ChatToolSession? tools) = Begin(messages, options);
        if (TryContinueToolPlan(tools, target, out ToolParseResult? planned))
        {
            return BytezChatMapper.ToResponse(
                [.. planned.Contents], target.ModelId, BytezChatMapper.NewResponseId(), _timeProvider.GetUtcNow(), planned.FinishReason ?? ChatFinishReason.ToolCalls, null);
        }

        (BytezChatRequest request, ModelInstanceLease lease) = await PrepareAsync(history, options, target, tools, cancellationToken).ConfigureAwait(false);

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

        (List<AIContent> contents, ChatFinishReason? toolFinishReason) = MapReplyText(text, request.Tools);
        ChatFinishReason finishReason = toolFinishReason ?? BytezChatMapper.ToFinishReason(text, request.MaxNewTokens, stop.Stopped);

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
        (IReadOnlyList<ChatMessage> history, BytezModel target, ChatToolSession? tools) = Begin(messages, options);
        string responseId = BytezChatMapper.NewResponseId();
        if (TryContinueToolPlan(tools, target, out ToolParseResult? planned))
        {
            DateTimeOffset plannedAt = _timeProvider.GetUtcNow();
            yield return BytezChatMapper.ToUpdate([.. planned.Contents], target.ModelId, responseId, plannedAt);
            yield return BytezChatMapper.ToUpdate([], target.ModelId, responseId, plannedAt, planned.FinishReason ?? ChatFinishReason.ToolCalls);
            yield break;
        }

        (BytezChatRequest request, ModelInstanceLease lease) = await PrepareAsync(history, options, target, tools, cancellationToken).ConfigureAwait(false);

        DateTimeOffset createdAt = _timeProvider.GetUtcNow();
        var reply = new StreamedReply();

        IAsyncEnumerable<string> text = StreamReplyTextAsync(request, lease, reply, cancellationToken);
        await foreach (List<AIContent> contents in MapStreamingReplyAsync(text, request.Tools, reply, cancellationToken).ConfigureAwait(false))
        {
            yield return BytezChatMapper.ToUpdate(contents, request.ModelId, responseId, createdAt);
        }

        // A stream must never end silently on cancellation.
        cancellationToken.ThrowIfCancellationRequested();

        ChatFinishReason finishReason = reply.ToolFinishReason
            ?? BytezChatMapper.ToFinishReason(reply.Text.ToString(), request.MaxNewTokens, reply.Stopped);
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

    /// <summary>
    /// Starts one call: the messages as a list, the model that runs it (the bound one, or <see cref="ChatOptions.ModelId"/>)
    /// and the tool-calling session when tool calling applies (media is rejected here, before any network call).
    /// </summary>
    private (IReadOnlyList<ChatMessage> History, BytezModel Target, ChatToolSession? Tools) Begin(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        IReadOnlyList<ChatMessage> history = BytezOptionsValidator.ValidateMessages(messages);
        BytezOptionsValidator.Validate(options);

        BytezModel target = options?.ModelId is { Length: > 0 } modelId &&
            !string.Equals(modelId, _model.ModelId, StringComparison.OrdinalIgnoreCase)
                ? _model.Client.GetModel(modelId)
                : _model;

        ChatToolSession? tools = ChatToolSession.Create(history, options, _toolCallFormat, target.ModelId);
        if (tools is not null)
        {
            BytezChatMapper.ThrowIfMedia(history, target.ModelId);
            ChatLog.ToolFormatChosen(target.Client.Logger, target.ModelId, tools.Format.Name, tools.Tools.Count);
        }

        return (history, target, tools);
    }

    /// <summary>
    /// Tool calling, before any model request: when the next layer of a nested call is ready (its inner results are in
    /// the history), it is the answer, and the model is neither asked nor loaded.
    /// </summary>
    private static bool TryContinueToolPlan(ChatToolSession? tools, BytezModel target, [NotNullWhen(true)] out ToolParseResult? planned)
    {
        planned = null;
        if (tools is null || !tools.TryContinuePlan(out planned))
        {
            return false;
        }

        ChatLog.ToolPlanContinued(target.Client.Logger, target.ModelId, planned.ToolCalls.Count);
        return true;
    }

    /// <summary>Translates one call: text turns (or the tool format's rendering), params, input mode, then the run input.</summary>
    private async Task<(BytezChatRequest Request, ModelInstanceLease Lease)> PrepareAsync(
        IReadOnlyList<ChatMessage> messages, ChatOptions? options, BytezModel target, ChatToolSession? tools, CancellationToken cancellationToken)
    {
        // Everything that can be rejected locally is checked before any network call (listing, load, run).
        ToolPrompt? toolPrompt = tools?.Render(BytezChatMapper.SystemInstructions(options));
        List<BytezChatMessage>? turns = RenderConversation(messages, options, target.ModelId, toolPrompt);
        if (turns is { Count: 0 })
        {
            throw new ArgumentException("None of the messages has any text to send: add a message with text, such as new ChatMessage(ChatRole.User, \"<prompt>\").", nameof(messages));
        }

        JsonObject parameters = BytezChatMapper.ToParameters(options, this);
        if (toolPrompt is not null)
        {
            BytezChatMapper.AddStopSequences(parameters, toolPrompt.StopSequences);
        }

        ModelInstanceLease lease = _leases.Get(target);

        BytezChatInputMode mode;
        BytezInput input;
        string? prompt = null;
        bool isTemplate = false;
        if (turns is null)
        {
            // A raw prompt of the tool format (NexusRaven) is the whole input, whatever the model's input mode; the
            // text-generation model echoes it, so it is removed from the output as in prompt mode.
            mode = BytezChatInputMode.Prompt;
            prompt = toolPrompt!.Prompt!;
            input = BytezInput.FromText(prompt);
        }
        else
        {
            mode = await BytezChatInputModeResolver.ResolveAsync(target, _inputMode, cancellationToken).ConfigureAwait(false);
            if (mode == BytezChatInputMode.Messages)
            {
                input = BytezInput.FromMessages(turns);
            }
            else
            {
                prompt = BytezPromptTemplate.Render(turns, out isTemplate);
                input = BytezInput.FromText(prompt);
            }
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
            options?.ResponseFormat is ChatResponseFormatJson,
            tools);
        return (request, lease);
    }

    /// <summary>
    /// Renders the conversation as text turns. Without tool calling, the text of each message (function calls and
    /// results cannot occur then). With tool calling, the format's messages (tool declarations, earlier calls and
    /// results in its syntax); null when the format rendered a raw prompt instead.
    /// </summary>
    private static List<BytezChatMessage>? RenderConversation(
        IReadOnlyList<ChatMessage> messages, ChatOptions? options, string modelId, ToolPrompt? toolPrompt) =>
        toolPrompt is null ? BytezChatMapper.ToTurns(messages, options, modelId) :
        toolPrompt.IsRawPrompt ? null :
        [.. toolPrompt.Messages!.Select(static m => new BytezChatMessage(m.Role, m.Content))];

    /// <summary>
    /// Maps a complete reply. With tool calling, the format parses it into text, calls and errors in output order and
    /// implies the finish reason (<see cref="ChatFinishReason.ToolCalls"/>, or <see cref="ChatFinishReason.Length"/> for a
    /// cut-off call); otherwise the reply is one text and the finish reason is left to the caller.
    /// </summary>
    private static (List<AIContent> Contents, ChatFinishReason? FinishReason) MapReplyText(string text, ChatToolSession? tools)
    {
        if (tools is null)
        {
            return ([new TextContent(text)], null);
        }

        ToolParseResult parsed = tools.Parse(text);
        return ([.. parsed.Contents], parsed.FinishReason);
    }

    /// <summary>
    /// Maps a streamed reply. With tool calling, the format's stream parser holds back only what may be a call marker,
    /// yields each call once complete, and at the end flushes held text, turns a cut-off call into an error and records
    /// the implied finish reason in <paramref name="reply"/>. Otherwise each text piece is one <see cref="TextContent"/>.
    /// </summary>
    private static async IAsyncEnumerable<List<AIContent>> MapStreamingReplyAsync(
        IAsyncEnumerable<string> text, ChatToolSession? tools, StreamedReply reply, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        IToolCallStreamParser? parser = tools?.CreateStreamParser();
        await foreach (string piece in text.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (parser is null)
            {
                yield return [new TextContent(piece)];
                continue;
            }

            IReadOnlyList<AIContent> contents = parser.Feed(piece);
            if (contents.Count > 0)
            {
                yield return [.. contents];
            }
        }

        if (parser is not null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            IReadOnlyList<AIContent> rest = parser.Complete();
            reply.ToolFinishReason = parser.FinishReason;
            if (rest.Count > 0)
            {
                yield return [.. rest];
            }
        }
    }

    /// <summary>What a stream produced, for the finish reason of its last update.</summary>
    private sealed class StreamedReply
    {
        public System.Text.StringBuilder Text { get; } = new();

        public bool Stopped { get; set; }

        /// <summary>Gets or sets the finish reason the tool-call parser implies (null without tool calling, or when it implies none).</summary>
        public ChatFinishReason? ToolFinishReason { get; set; }
    }
}
