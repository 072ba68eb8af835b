namespace Bytez.AI.ToolCalling;

/// <summary>
/// The format-specific half of a stream parser: which markers open a call region, and how the text after a marker is
/// read into calls. The shared <see cref="ToolCallStreamParser"/> does buffering, hold-back and text emission.
/// A reader is stateful and belongs to one parser.
/// </summary>
internal abstract class CallRegionReader
{
    protected CallRegionReader(ToolCallParseContext context) => Context = context;

    protected ToolCallParseContext Context { get; }

    /// <summary>Gets the explicit markers that open a call region (e.g. <c>&lt;tool_call&gt;</c>).</summary>
    public abstract IReadOnlyList<string> Markers { get; }

    /// <summary>Gets the characters that open a call region when they start the output (bare JSON calls), if any.</summary>
    public virtual string BareStartCharacters => string.Empty;

    /// <summary>Gets a value indicating whether the marker is shown as text when what follows is not a call.</summary>
    public virtual bool MarkerIsTextWhenNotACall => true;

    /// <summary>Whether a marker may start after <paramref name="previous"/> (e.g. NexusRaven's <c>Call:</c> only at a line start).</summary>
    public virtual bool IsValidMarkerPosition(string marker, char previous) => true;

    /// <summary>Starts a region, right after a marker (<paramref name="explicitMarker"/>) or at a bare start character.</summary>
    public abstract void Begin(bool explicitMarker);

    /// <summary>Reads the buffered region text. With <paramref name="final"/>, the output has ended and the reader must decide.</summary>
    public abstract RegionStep Read(string buffer, bool final);
}
