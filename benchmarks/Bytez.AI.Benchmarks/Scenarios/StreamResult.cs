namespace Bytez.AI.Benchmarks.Scenarios;

/// <summary>What one streamed call produced.</summary>
/// <param name="Text">The whole text.</param>
/// <param name="Updates">The number of updates (pieces) the caller received.</param>
/// <param name="FirstUpdate">The time from the call to the first update with text.</param>
/// <param name="Total">The time from the call to the end of the stream.</param>
public sealed record StreamResult(string Text, int Updates, TimeSpan FirstUpdate, TimeSpan Total);
