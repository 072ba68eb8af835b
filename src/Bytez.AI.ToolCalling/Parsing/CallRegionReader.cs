namespace Bytez.AI.ToolCalling;

/// <summary>
/// The format-specific half of a streaming tool-call parser: which markers open a call region, and how the text after a
/// marker is read into calls. The shared engine (created by
/// <see cref="ToolCallFormat.CreateStreamParser(IReadOnlyList{Microsoft.Extensions.AI.AIFunctionDeclaration}, ToolCallParseOptions?, Func{ToolCallParseContext, CallRegionReader})"/>)
/// does the buffering, holds back text that may still become a marker, releases prose, and keeps whole-text and streamed
/// parsing identical. A reader is stateful and belongs to one parser (one response).
/// </summary>
/// <remarks>
/// <para>The engine calls <see cref="Begin"/> after a marker (or at a bare start character), then <see cref="Read"/> with
/// everything buffered after it, as often as text arrives, until a step ends the region. <see cref="Read"/> sees the whole
/// unconsumed buffer each time: return <see cref="RegionStep.NeedMore"/> until it can decide, then consume what it used.
/// With <c>final</c> set the output has ended and the reader must decide (a call still open is cut off:
/// <see cref="RegionStep.Truncate"/>).</para>
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

    /// <summary>Gets the explicit markers that open a call region (e.g. <c>&lt;tool_call&gt;</c>).</summary>
    public abstract IReadOnlyList<string> Markers { get; }

    /// <summary>Gets the characters that open a call region when they start the output (bare JSON calls, e.g. <c>{</c>), if any.</summary>
    public virtual string BareStartCharacters => string.Empty;

    /// <summary>Gets a value indicating whether the marker is shown as text when what follows it is not a call.</summary>
    public virtual bool MarkerIsTextWhenNotACall => true;

    /// <summary>Gets the parse context: declared tools, options, call ids and call-object reading.</summary>
    protected ToolCallParseContext Context { get; }

    /// <summary>Whether a marker may start after <paramref name="previous"/> (e.g. NexusRaven's <c>Call:</c> only after white space).</summary>
    /// <param name="marker">The marker found.</param>
    /// <param name="previous">The character before it (<c>'\n'</c> at the start of the output).</param>
    /// <returns>True when it counts as a marker there.</returns>
    public virtual bool IsValidMarkerPosition(string marker, char previous) => true;

    /// <summary>Starts a region, right after a marker or at a bare start character.</summary>
    /// <param name="explicitMarker">True after one of <see cref="Markers"/>; false at a bare start character.</param>
    public abstract void Begin(bool explicitMarker);

    /// <summary>Reads the buffered region text.</summary>
    /// <param name="buffer">Everything after the marker (or from the bare start character) not consumed yet.</param>
    /// <param name="final">True when the output has ended: decide now.</param>
    /// <returns>The decision.</returns>
    public abstract RegionStep Read(string buffer, bool final);
}
