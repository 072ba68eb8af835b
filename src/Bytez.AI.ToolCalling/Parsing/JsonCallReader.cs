namespace Bytez.AI.ToolCalling;

/// <summary>
/// A reader for a JSON-based format: the format's own markers (and bare starts), plus the wrappers of
/// <see cref="WrappedCallRegion"/> that models use when they drift from their trained format.
/// </summary>
internal abstract class JsonCallReader : CallRegionReader
{
    private readonly WrappedCallRegion _wrapped;
    private readonly string[] _markers;
    private bool _inWrapped;

    protected JsonCallReader(ToolCallParseContext context, IReadOnlyList<string> ownMarkers)
        : base(context)
    {
        _wrapped = new WrappedCallRegion(context);
        OwnMarkers = ownMarkers;
        _markers = [.. ownMarkers, .. WrappedCallRegion.Markers.Where(m => !ownMarkers.Contains(m))];
    }

    public sealed override IReadOnlyList<string> Markers => _markers;

    /// <summary>Gets the format's own (trained) markers.</summary>
    protected IReadOnlyList<string> OwnMarkers { get; }

    public sealed override bool IsValidMarkerPosition(string marker, char previous, bool atOutputStart) =>
        OwnMarkers.Contains(marker) || WrappedCallRegion.IsValidPosition(marker, atOutputStart);

    public sealed override bool IsMarkerTextWhenNotACall(string marker) => !OwnMarkers.Contains(marker) || IsOwnMarkerText(marker);

    public sealed override void Begin(RegionStart start)
    {
        _inWrapped = start.HasMarker && !OwnMarkers.Contains(start.Marker);
        if (_inWrapped)
        {
            _wrapped.Begin(start.Marker);
        }
        else
        {
            BeginOwn(start);
        }
    }

    public sealed override RegionStep Read(ReadOnlySpan<char> region, bool final) =>
        _inWrapped ? _wrapped.Read(region, final) : ReadOwn(region, final);

    /// <summary>Whether an own marker is shown as text when no call follows it (false for special tokens).</summary>
    protected virtual bool IsOwnMarkerText(string marker) => true;

    /// <summary>Starts a region of the format's own syntax.</summary>
    protected abstract void BeginOwn(RegionStart start);

    /// <summary>Reads a region of the format's own syntax.</summary>
    protected abstract RegionStep ReadOwn(ReadOnlySpan<char> region, bool final);
}
