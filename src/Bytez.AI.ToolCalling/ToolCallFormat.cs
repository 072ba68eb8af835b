using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>
/// A prompt-based tool-calling format for models without a native tool API: renders tools and history into the model's
/// prompt, parses its output (whole or streamed) into <see cref="FunctionCallContent"/>s, and renders
/// <see cref="FunctionResultContent"/>s back. Built-ins are in <see cref="ToolCallFormats"/>; the chat client picks one by
/// model id unless one is set explicitly. Instances are immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// To write a format, derive from this class: <see cref="Render"/> returns a <see cref="ToolPrompt"/>, and
/// <see cref="CreateStreamParser(IReadOnlyList{AIFunctionDeclaration}, ToolCallParseOptions?)"/> returns
/// <see cref="CreateStreamParser(IReadOnlyList{AIFunctionDeclaration}, ToolCallParseOptions?, Func{ToolCallParseContext, CallRegionReader})"/>
/// with the format's <see cref="CallRegionReader"/>, so streamed and whole-text parsing share the engine.
/// </para>
/// <para>
/// Invalid or cut-off calls are never turned into <see cref="FunctionCallContent"/>: <c>FunctionInvokingChatClient</c>
/// (Microsoft.Extensions.AI 10.x) does not look at <see cref="FunctionCallContent.Exception"/> and would invoke the
/// function with whatever arguments the content holds (an empty dictionary runs a function whose parameters are all
/// optional with made-up defaults). Such calls become <see cref="ErrorContent"/>s instead
/// (<see cref="ToolCallErrorCodes"/>); the response then has no call, so the invoking client returns it to the caller,
/// who sees the error (with the raw call text in <see cref="ErrorContent.Details"/>).
/// </para>
/// <para>
/// A call to an undeclared tool inside an explicit call marker is still a <see cref="FunctionCallContent"/>, so the
/// invoking client answers the model <c>Error: Requested function "x" not found.</c>; JSON that names no declared tool
/// without a marker is prose.
/// </para>
/// </remarks>
public abstract class ToolCallFormat
{
    private readonly ReasoningSyntax _reasoning = ReasoningSyntax.ThinkTags;

    /// <summary>Gets the format's name (<c>pythonic</c>, <c>hermes</c>, <c>llama3</c>, <c>mistral</c> for the built-ins).</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Gets how the model marks reasoning before its answer. The parser splits that block off before it looks for calls
    /// (it becomes <see cref="TextReasoningContent"/>; nothing inside it is a call). Defaults to
    /// <see cref="ReasoningSyntax.ThinkTags"/> (a <c>&lt;think&gt;</c> block opening the output); set
    /// <see cref="ReasoningSyntax.ThinkTagsPrefilled"/> for a model whose template writes the opening tag (QwQ, DeepSeek-R1
    /// distills) and <see cref="ReasoningSyntax.None"/> to keep such tags as text.
    /// </summary>
    public ReasoningSyntax Reasoning
    {
        get => _reasoning;
        init => _reasoning = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// Renders the conversation with the tools for one model request: tool declarations, earlier calls and results in
    /// the format's syntax. With <see cref="ChatToolMode.None"/> (or no tools) no declarations are rendered.
    /// </summary>
    /// <param name="messages">The conversation.</param>
    /// <param name="tools">The declared tools (usually <c>ChatOptions.Tools.OfType&lt;AIFunctionDeclaration&gt;()</c>).</param>
    /// <param name="mode">The tool mode; null means auto.</param>
    /// <returns>The messages or raw prompt, and the stop sequences.</returns>
    /// <exception cref="ArgumentException">The mode requires a function that is not among <paramref name="tools"/>.</exception>
    public abstract ToolPrompt Render(IReadOnlyList<ChatMessage> messages, IReadOnlyList<AIFunctionDeclaration> tools, ChatToolMode? mode);

    /// <summary>Creates an incremental parser for one streamed response.</summary>
    /// <param name="tools">The declared tools.</param>
    /// <param name="options">Parse options; null for defaults.</param>
    /// <returns>A new parser.</returns>
    public abstract IToolCallStreamParser CreateStreamParser(IReadOnlyList<AIFunctionDeclaration> tools, ToolCallParseOptions? options = null);

    /// <summary>Parses a complete response. Gives the same contents as feeding it to <see cref="CreateStreamParser(IReadOnlyList{AIFunctionDeclaration}, ToolCallParseOptions?)"/> in any chunks.</summary>
    /// <param name="text">The model output.</param>
    /// <param name="tools">The declared tools.</param>
    /// <param name="options">Parse options; null for defaults.</param>
    /// <returns>Text, calls and errors in output order, and the implied finish reason.</returns>
    public virtual ToolParseResult Parse(string text, IReadOnlyList<AIFunctionDeclaration> tools, ToolCallParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = CreateStreamParser(tools, options);
        var contents = new List<AIContent>();
        foreach (var content in parser.Feed(text).Concat(parser.Complete()))
        {
            // Feed and Complete each merge their own pieces; join a piece that spans the two.
            if (contents.Count > 0 && content.GetType() == contents[^1].GetType() && content is TextContent or TextReasoningContent)
            {
                contents[^1] = content is TextContent next
                    ? new TextContent(((TextContent)contents[^1]).Text + next.Text)
                    : new TextReasoningContent(((TextReasoningContent)contents[^1]).Text + ((TextReasoningContent)content).Text);
            }
            else
            {
                contents.Add(content);
            }
        }

        return new ToolParseResult(contents, parser.FinishReason);
    }

    /// <summary>
    /// Whether the next step of the conversation can be answered without the model: the next layer of a nested call
    /// (pythonic <c>f(x=g(y=1))</c>: once <c>g</c>'s result is in <paramref name="messages"/>, <c>f</c> is called with it).
    /// Call this before <see cref="Render"/>; when it returns true, respond with <paramref name="continuation"/>'s contents
    /// (and its finish reason, <see cref="ChatFinishReason.ToolCalls"/>) and do not send a request.
    /// </summary>
    /// <param name="messages">The conversation, including the results of the previous calls.</param>
    /// <param name="tools">The declared tools.</param>
    /// <param name="options">Parse options (call ids); null for defaults.</param>
    /// <param name="continuation">The calls to return.</param>
    /// <returns>True when <paramref name="continuation"/> holds calls to return instead of asking the model.</returns>
    public virtual bool TryContinuePlan(
        IReadOnlyList<ChatMessage> messages,
        IReadOnlyList<AIFunctionDeclaration> tools,
        ToolCallParseOptions? options,
        [NotNullWhen(true)] out ToolParseResult? continuation)
    {
        continuation = null;
        return false;
    }

    /// <summary>Creates a call id for a call the model gave none (distinct across a conversation).</summary>
    /// <returns>A new id; by default <c>call_</c> plus 24 hex digits.</returns>
    protected virtual string CreateCallId() => "call_" + Guid.NewGuid().ToString("N")[..24];

    /// <inheritdoc/>
    public override string ToString() => Name;

    /// <summary>
    /// Creates a stream parser on the shared engine: the engine splits off <see cref="Reasoning"/>, buffers, holds back
    /// what may become a marker, releases prose and enforces the tool mode; <paramref name="createReader"/> supplies the
    /// format's <see cref="CallRegionReader"/>. With <see cref="ChatToolMode.None"/> the answer is all text and no reader
    /// is created. Implement <see cref="CreateStreamParser(IReadOnlyList{AIFunctionDeclaration}, ToolCallParseOptions?)"/> with it.
    /// </summary>
    /// <param name="tools">The declared tools.</param>
    /// <param name="options">Parse options; null for defaults.</param>
    /// <param name="createReader">Creates the format's reader for one response.</param>
    /// <returns>A new parser.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tools"/> or <paramref name="createReader"/> is null.</exception>
    protected IToolCallStreamParser CreateStreamParser(
        IReadOnlyList<AIFunctionDeclaration> tools,
        ToolCallParseOptions? options,
        Func<ToolCallParseContext, CallRegionReader> createReader)
    {
        ArgumentNullException.ThrowIfNull(tools);
        ArgumentNullException.ThrowIfNull(createReader);
        options ??= new ToolCallParseOptions();
        var context = new ToolCallParseContext(tools, options, CreateCallId);
        CallRegionReader? reader = options.ToolMode is NoneChatToolMode ? null : createReader(context);
        return new ToolCallStreamParser(reader, context, Reasoning);
    }

    /// <summary>Whether tool declarations are rendered for this request: tools are declared and the mode is not <see cref="ChatToolMode.None"/>.</summary>
    /// <param name="tools">The declared tools.</param>
    /// <param name="mode">The tool mode.</param>
    /// <returns>True when the declarations belong in the prompt.</returns>
    protected static bool ShouldRenderTools(IReadOnlyList<AIFunctionDeclaration> tools, ChatToolMode? mode)
    {
        ArgumentNullException.ThrowIfNull(tools);
        return tools.Count > 0 && mode is not NoneChatToolMode;
    }
}
