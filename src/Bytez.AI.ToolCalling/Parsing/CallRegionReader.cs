namespace Bytez.AI.ToolCalling;

/// <summary>
/// The format-specific half of a streaming tool-call parser: which markers open a call region, and how the text after a
/// marker is read into calls. The shared engine (created by
/// <see cref="ToolCallFormat.CreateStreamParser(IReadOnlyList{Microsoft.Extensions.AI.AIFunctionDeclaration}, ToolCallParseOptions?, Func{ToolCallParseContext, CallRegionReader})"/>)
/// separates a reasoning block, finds the markers, holds back text that may still become one, releases prose with its
/// white space, enforces the tool mode, and keeps whole-text and streamed parsing identical. A reader is stateful and
/// belongs to one parser (one response).
/// </summary>
/// <remarks>
/// <para>The engine calls <see cref="Begin"/> after a marker (or at a bare start character), then <see cref="Read"/> with
/// the text buffered after it, as text arrives, until a step ends the region. Each <see cref="Read"/> sees the region
/// from the same start, longer by what arrived, until the reader consumes: return <see cref="RegionStep.NeedMore"/>
/// until it can decide, keeping what it learnt (e.g. a <see cref="JsonValueScanner"/>) so that each character is
/// looked at once and a long call costs time linear in its length. After a step that consumes, the next
/// <see cref="Read"/> starts where it stopped. With <c>final</c> set the output has ended and the reader must decide (a
/// call still open is cut off: <see cref="RegionStep.Truncate"/>).</para>
/// <para>Never turn unusable call text into a <see cref="Microsoft.Extensions.AI.FunctionCallContent"/>: emit
/// <see cref="ToolCallErrors.Invalid"/> instead, so the invoking client never runs a call with made-up arguments.</para>
/// </remarks>
public abstract class CallRegionReader
{
    /// <summary>Initializes a new instance of the <see cref="CallRegionReader"/> class.</summary>
    /// <param name="context">The parse context of the response.</param>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is null.</exception>
    protected CallRegionReader(ToolCallParseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Context = context;
    }

    /// <summary>Gets the markers that open a call region (e.g. <c>&lt;tool_call&gt;</c>).</summary>
    public abstract IReadOnlyList<string> Markers { get; }

    /// <summary>Gets the characters that open a call region when they start the output (bare JSON calls, e.g. <c>{</c>), if any.</summary>
    public virtual string BareStartCharacters => string.Empty;

    /// <summary>
    /// Gets a value indicating whether a <see cref="BareStartCharacters"/> character that begins a line after prose opens
    /// a region too (Llama 3 writes its JSON call after a line of prose now and then).
    /// </summary>
    public virtual bool BareStartsAfterProse => false;

    /// <summary>Gets the parse context: declared tools, options, call ids and call-object reading.</summary>
    protected ToolCallParseContext Context { get; }

    /// <summary>Whether the marker is shown as text when what follows it is not a call (<see cref="RegionStep.NotACall"/>).</summary>
    /// <param name="marker">The marker that opened the region.</param>
    /// <returns>True (the default) for markers that are ordinary text; false for special tokens such as <c>&lt;|python_tag|&gt;</c>.</returns>
    public virtual bool IsMarkerTextWhenNotACall(string marker) => true;

    /// <summary>Whether a marker counts where it was found (e.g. NexusRaven's <c>Call:</c> only after white space).</summary>
    /// <param name="marker">The marker found.</param>
    /// <param name="previous">The character before it (<c>'\n'</c> at the start of the output).</param>
    /// <param name="atOutputStart">Whether nothing but white space (or a reasoning block) comes before it.</param>
    /// <returns>True when it counts as a marker there.</returns>
    public virtual bool IsValidMarkerPosition(string marker, char previous, bool atOutputStart) => true;

    /// <summary>Starts a region, right after a marker or at a bare start character.</summary>
    /// <param name="start">What opened it, and where.</param>
    public abstract void Begin(RegionStart start);

    /// <summary>Reads the buffered region text.</summary>
    /// <param name="region">Everything after the marker (or from the bare start character) not consumed yet.</param>
    /// <param name="final">True when the output has ended: decide now.</param>
    /// <returns>The decision.</returns>
    public abstract RegionStep Read(ReadOnlySpan<char> region, bool final);
}
