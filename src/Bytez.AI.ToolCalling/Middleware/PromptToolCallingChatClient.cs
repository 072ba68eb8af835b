using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>
/// Tool calling for chat clients whose models have no native tool API: a delegating <see cref="IChatClient"/> that
/// writes the tools, earlier calls and results into the conversation in the model's own format, sends the inner client
/// plain text, and turns the text it returns (whole or streamed) back into <see cref="FunctionCallContent"/>s for
/// <c>UseFunctionInvocation()</c>. Add it with <see cref="PromptToolCallingChatClientBuilderExtensions.UsePromptToolCalling"/>.
/// </summary>
/// <remarks>
/// <para><b>When.</b> Tool calling applies when <see cref="ChatOptions.Tools"/> declares <see cref="AIFunctionDeclaration"/>s
/// and <see cref="ChatOptions.ToolMode"/> is not <see cref="ChatToolMode.None"/>, or when the history holds
/// <see cref="FunctionCallContent"/> or <see cref="FunctionResultContent"/> (which only the format can render). Otherwise
/// the request passes through untouched.</para>
/// <para><b>Format.</b> <see cref="Format"/> when set, else <see cref="ToolCallFormats.ForModel"/> of
/// <see cref="ChatOptions.ModelId"/> or of the inner client's <see cref="ChatClientMetadata.DefaultModelId"/>; Hermes when
/// neither is known.</para>
/// <para><b>Request.</b> The format renders the conversation (media cannot be rendered and throws
/// <see cref="NotSupportedException"/> before any request). The inner client gets the rendered messages, or one
/// <see cref="RawPromptMessage"/> for a raw-prompt format, and a copy of the options without
/// <see cref="ChatOptions.Tools"/>, <see cref="ChatOptions.ToolMode"/> and <see cref="ChatOptions.AllowMultipleToolCalls"/>
/// and with the format's stop sequences added after the caller's <see cref="ChatOptions.StopSequences"/>. Everything else (instructions, response format, model id,
/// additional properties) goes through as given.</para>
/// <para><b>Reply.</b> The format's stop sequences are enforced here too (not every server honours them). A reasoning
/// block the format recognises (<see cref="ToolCallFormat.Reasoning"/>) becomes <see cref="TextReasoningContent"/>, and
/// nothing in it is a call. The inner text becomes <see cref="TextContent"/>, <see cref="FunctionCallContent"/> (finish reason
/// <see cref="ChatFinishReason.ToolCalls"/>) and <see cref="ErrorContent"/> for a call that must not run
/// (<see cref="ToolCallErrorCodes"/>; a cut-off call finishes with <see cref="ChatFinishReason.Length"/>); other contents
/// and the response's ids, model, time, usage and raw representation are kept. Streams emit each call once it is
/// complete, never marker fragments, and the finish reason on a last update with no contents.</para>
/// <para><b>One call at a time.</b> With <see cref="ChatOptions.AllowMultipleToolCalls"/> = <see langword="false"/> the
/// reply keeps its first call and drops every later one (whole, invalid or cut off), as a server told
/// <c>parallel_tool_calls: false</c> returns one call and nothing of the others; text is kept, and the reply finishes with
/// <see cref="ChatFinishReason.ToolCalls"/> (the parser does it: <see cref="ToolCallParseOptions.AllowMultipleToolCalls"/>).
/// The prompt is not changed. A nested pythonic call's next layer, returned without a request, is not filtered: its calls
/// are the parts of one call the model already made.</para>
/// <para><b>Nested pythonic calls</b> (<c>f(x=g(y=1))</c>) are returned one layer per round: once the inner calls'
/// results are in the history, the next layer is returned without a request to the inner client.</para>
/// </remarks>
public sealed class PromptToolCallingChatClient : DelegatingChatClient, IAsyncDisposable
{
    /// <summary>Initializes a new instance of the <see cref="PromptToolCallingChatClient"/> class.</summary>
    /// <param name="innerClient">The chat client that runs the model (text in, text out).</param>
    /// <param name="format">The format; null picks one per request by model id.</param>
    /// <exception cref="ArgumentNullException"><paramref name="innerClient"/> is null.</exception>
    public PromptToolCallingChatClient(IChatClient innerClient, ToolCallFormat? format = null)
        : base(innerClient)
    {
        Format = format;
    }

    // The inner client's default model id, asked only when a turn needs a format; one delegate for every call.
    private Func<string?>? _defaultModelId;

    /// <summary>
    /// Gets or sets the format. Null (the default) picks one per request with <see cref="ToolCallFormats.ForModel"/>:
    /// set it for a model whose training format its id does not reveal, or to a custom <see cref="ToolCallFormat"/>.
    /// </summary>
    public ToolCallFormat? Format { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether JSON calls are parsed leniently (single quotes, Python literals, trailing
    /// commas); see <see cref="ToolCallParseOptions.LenientJson"/>. Defaults to <see langword="true"/>.
    /// </summary>
    public bool LenientJson { get; set; } = true;

    /// <summary>
    /// Disposes the inner client, asynchronously when it supports it (a client that stops a model instance on dispose
    /// should not block a thread on it), else synchronously.
    /// </summary>
    /// <returns>A task that completes when the inner client is disposed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (InnerClient is IAsyncDisposable inner)
        {
            await inner.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            InnerClient.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    public override Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        // No tool declared and none in the history: the call passes straight through (no state machine of this layer).
        // What is refused still faults the returned task, as it did when this method was async.
        ToolCallingTurn? turn;
        try
        {
            ArgumentNullException.ThrowIfNull(messages);
            turn = CreateTurn(messages, options);
        }
#pragma warning disable CA1031 // Not handled: handed to the caller in the task, as an async method would.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Task.FromException<ChatResponse>(ex);
        }

        return turn is null ? base.GetResponseAsync(messages, options, cancellationToken) : GetToolResponseAsync(turn, cancellationToken);
    }

    private async Task<ChatResponse> GetToolResponseAsync(ToolCallingTurn turn, CancellationToken cancellationToken)
    {
        if (turn.TryContinuePlan(out ToolParseResult? planned))
        {
            return PlannedResponse(planned, turn.ModelId);
        }

        (List<ChatMessage> rendered, ChatOptions innerOptions, IReadOnlyList<string> stops) = turn.Render();
        ChatResponse response = await base.GetResponseAsync(rendered, innerOptions, cancellationToken).ConfigureAwait(false);

        List<AIContent> contents = [.. response.Messages.SelectMany(static m => m.Contents)];
        string text = StopSequenceFilter.Apply(ReplyContents.Text(contents), stops, out bool stopped);
        ToolParseResult parsed = turn.Parse(text);

        ChatMessage message = response.Messages.LastOrDefault() ?? new ChatMessage { Role = ChatRole.Assistant };
        message.Contents = ReplyContents.Replace(contents, parsed.Contents);
        response.Messages = [message];
        response.FinishReason = parsed.FinishReason ?? (stopped ? ChatFinishReason.Stop : response.FinishReason);
        return response;
    }

    /// <inheritdoc />
    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);

        // As GetResponseAsync: with no tool declared and none in the history, the stream is the inner client's own (no
        // iterator of this layer for every update to pass through on its way out). What is refused is still thrown when
        // the stream is read, as it was when the whole method was an iterator.
        ToolCallingTurn? turn;
        try
        {
            turn = CreateTurn(messages, options);
        }
#pragma warning disable CA1031 // Not handled: handed to the caller when the stream is read, as an iterator would.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Refused(ex);
        }

        return turn is null ? base.GetStreamingResponseAsync(messages, options, cancellationToken) : StreamAsync(turn, cancellationToken);
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> Refused(Exception refusal)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        ExceptionDispatchInfo.Throw(refusal);
        yield break;
    }

    private async IAsyncEnumerable<ChatResponseUpdate> StreamAsync(ToolCallingTurn turn, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (turn.TryContinuePlan(out ToolParseResult? planned))
        {
            ChatResponse response = PlannedResponse(planned, turn.ModelId);
            var like = new ChatResponseUpdate
            {
                ResponseId = response.ResponseId,
                MessageId = response.ResponseId,
                ModelId = response.ModelId,
                CreatedAt = response.CreatedAt,
            };
            yield return ReplyContents.Update(like, [.. planned.Contents], turn.ModelId);
            ChatResponseUpdate final = ReplyContents.Update(like, [], turn.ModelId);
            final.FinishReason = response.FinishReason;
            yield return final;
            yield break;
        }

        (List<ChatMessage> rendered, ChatOptions innerOptions, IReadOnlyList<string> stops) = turn.Render();
        IToolCallStreamParser parser = turn.CreateStreamParser();
        var stop = new StopSequenceFilter(stops);
        ChatResponseUpdate? last = null;
        ChatFinishReason? innerFinishReason = null;

        await foreach (ChatResponseUpdate update in base.GetStreamingResponseAsync(rendered, innerOptions, cancellationToken).ConfigureAwait(false))
        {
            last = update;
            innerFinishReason = update.FinishReason ?? innerFinishReason;
            string text = ReplyContents.Text(update.Contents);
            IReadOnlyList<AIContent> parsed = text.Length == 0 ? [] : parser.Feed(stop.Push(text));
            if (parsed.Count > 0 || !ReplyContents.IsTextOnly(update.Contents))
            {
                yield return ReplyContents.Update(update, ReplyContents.Replace(update.Contents, parsed), turn.ModelId);
            }

            if (stop.Stopped)
            {
                // Leaving the loop disposes the inner stream: nothing after a stop sequence is needed.
                break;
            }
        }

        // A stream must never end silently on cancellation.
        cancellationToken.ThrowIfCancellationRequested();

        List<AIContent> rest = [.. parser.Feed(stop.Flush()), .. parser.Complete()];
        if (rest.Count > 0)
        {
            yield return ReplyContents.Update(last, rest, turn.ModelId);
        }

        if ((parser.FinishReason ?? (stop.Stopped ? ChatFinishReason.Stop : innerFinishReason)) is { } finishReason)
        {
            ChatResponseUpdate final = ReplyContents.Update(last, [], turn.ModelId);
            final.FinishReason = finishReason;
            yield return final;
        }
    }

    private ToolCallingTurn? CreateTurn(IEnumerable<ChatMessage> messages, ChatOptions? options) =>
        ToolCallingTurn.Create(messages, options, Format, _defaultModelId ??= () => InnerClient.GetService<ChatClientMetadata>()?.DefaultModelId, LenientJson);

    /// <summary>The response for the next layer of a nested call, which needed no request: one id, now, finish reason ToolCalls.</summary>
    private static ChatResponse PlannedResponse(ToolParseResult planned, string? modelId)
    {
        string id = "chatcmpl-" + Guid.NewGuid().ToString("N");
        DateTimeOffset now = DateTimeOffset.UtcNow;
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, [.. planned.Contents]) { MessageId = id, CreatedAt = now })
        {
            ResponseId = id,
            ModelId = modelId,
            CreatedAt = now,
            FinishReason = planned.FinishReason ?? ChatFinishReason.ToolCalls,
        };
    }
}
