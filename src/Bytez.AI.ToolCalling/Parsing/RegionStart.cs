namespace Bytez.AI.ToolCalling;

/// <summary>How a call region began (see <see cref="CallRegionReader.Begin"/>).</summary>
/// <param name="Marker">The marker that opened it (one of <see cref="CallRegionReader.Markers"/>), or empty for a bare start character.</param>
/// <param name="AtOutputStart">Whether nothing but white space (or a reasoning block) came before it in the output.</param>
public readonly record struct RegionStart(string Marker, bool AtOutputStart)
{
    /// <summary>Gets a value indicating whether a marker opened the region (false: a bare start character did).</summary>
    public bool HasMarker => !string.IsNullOrEmpty(Marker);
}
