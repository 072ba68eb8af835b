using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>One decision of a <see cref="CallRegionReader"/>: how much of the buffer it used, and what to emit.</summary>
public readonly record struct RegionStep
{
    private RegionStep(RegionStepKind kind, int consumed, IReadOnlyList<AIContent> contents, bool truncated)
    {
        Kind = kind;
        Consumed = consumed;
        Contents = contents;
        Truncated = truncated;
    }

    /// <summary>Gets a step that waits for more text (nothing is consumed).</summary>
    public static RegionStep NeedMore => new(RegionStepKind.NeedMore, 0, [], truncated: false);

    /// <summary>Gets the decision.</summary>
    public RegionStepKind Kind { get; }

    /// <summary>Gets how many characters of the buffer were used.</summary>
    public int Consumed { get; }

    /// <summary>Gets the calls or errors to emit, in output order.</summary>
    public IReadOnlyList<AIContent> Contents { get; }

    /// <summary>Gets a value indicating whether a call was cut off (the finish reason becomes <see cref="ChatFinishReason.Length"/>).</summary>
    public bool Truncated { get; }

    /// <summary>Consumes text, emits contents, and the region goes on.</summary>
    /// <param name="consumed">The characters used.</param>
    /// <param name="contents">The calls or errors read.</param>
    /// <returns>The step.</returns>
    public static RegionStep Progress(int consumed, params AIContent[] contents) => new(RegionStepKind.Progress, consumed, contents, truncated: false);

    /// <summary>Consumes text, emits contents, and the region goes on.</summary>
    /// <param name="consumed">The characters used.</param>
    /// <param name="contents">The calls or errors read.</param>
    /// <returns>The step.</returns>
    public static RegionStep Progress(int consumed, IReadOnlyList<AIContent> contents) => new(RegionStepKind.Progress, consumed, contents, truncated: false);

    /// <summary>Consumes text, emits contents, and ends the region (back to prose).</summary>
    /// <param name="consumed">The characters used.</param>
    /// <param name="contents">The calls or errors read.</param>
    /// <returns>The step.</returns>
    public static RegionStep End(int consumed, params AIContent[] contents) => new(RegionStepKind.End, consumed, contents, truncated: false);

    /// <summary>Consumes text, emits contents, and ends the region (back to prose).</summary>
    /// <param name="consumed">The characters used.</param>
    /// <param name="contents">The calls or errors read.</param>
    /// <returns>The step.</returns>
    public static RegionStep End(int consumed, IReadOnlyList<AIContent> contents) => new(RegionStepKind.End, consumed, contents, truncated: false);

    /// <summary>Ends the region with a cut-off call: an <see cref="ErrorContent"/> (<see cref="ToolCallErrorCodes.TruncatedToolCall"/>) stands in for it.</summary>
    /// <param name="consumed">The characters used.</param>
    /// <param name="raw">The call text as far as it got (the error's <see cref="ErrorContent.Details"/>).</param>
    /// <returns>The step.</returns>
    public static RegionStep Truncate(int consumed, string raw) => new(RegionStepKind.End, consumed, [ToolCallErrors.Truncated(raw)], truncated: true);

    /// <summary>Ends the call list and drops the rest of the output.</summary>
    /// <param name="contents">The calls or errors read.</param>
    /// <returns>The step.</returns>
    public static RegionStep DiscardRest(params AIContent[] contents) => new(RegionStepKind.DiscardRest, 0, contents, truncated: false);

    /// <summary>The region was not a call: the marker (when shown) and the consumed text are prose.</summary>
    /// <param name="consumed">The characters that are prose.</param>
    /// <returns>The step.</returns>
    public static RegionStep NotACall(int consumed) => new(RegionStepKind.NotACall, consumed, [], truncated: false);
}
