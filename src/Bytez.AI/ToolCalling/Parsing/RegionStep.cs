using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>One decision of a <see cref="CallRegionReader"/>.</summary>
/// <param name="Kind">The decision.</param>
/// <param name="Consumed">How many characters of the buffer were used.</param>
/// <param name="Contents">Calls or errors to emit.</param>
/// <param name="Truncated">Whether a call was cut off (finish reason Length).</param>
internal readonly record struct RegionStep(RegionStepKind Kind, int Consumed, IReadOnlyList<AIContent> Contents, bool Truncated = false)
{
    public static RegionStep NeedMore => new(RegionStepKind.NeedMore, 0, []);

    public static RegionStep Progress(int consumed, params AIContent[] contents) => new(RegionStepKind.Progress, consumed, contents);

    public static RegionStep End(int consumed, params AIContent[] contents) => new(RegionStepKind.End, consumed, contents);

    public static RegionStep Truncate(int consumed, string raw) => new(RegionStepKind.End, consumed, [ToolCallErrors.Truncated(raw)], Truncated: true);

    public static RegionStep DiscardRest(params AIContent[] contents) => new(RegionStepKind.DiscardRest, 0, contents);

    public static RegionStep NotACall(int consumed) => new(RegionStepKind.NotACall, consumed, []);
}
