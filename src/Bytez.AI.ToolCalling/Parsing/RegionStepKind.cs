namespace Bytez.AI.ToolCalling;

/// <summary>What a <see cref="CallRegionReader"/> decided about the buffered text of a call region.</summary>
public enum RegionStepKind
{
    /// <summary>Undecidable yet; wait for more text.</summary>
    NeedMore,

    /// <summary>Consumed some text (emitting contents) and the region goes on.</summary>
    Progress,

    /// <summary>Consumed some text (emitting contents) and the region is over; back to prose.</summary>
    End,

    /// <summary>The call list is over and the rest of the output is not for the user (e.g. NexusRaven's <c>Thought:</c>).</summary>
    DiscardRest,

    /// <summary>The region was not a call after all: the consumed text (after the marker) is prose.</summary>
    NotACall,
}
