namespace Bytez.AI.Benchmarks.Sweeps;

/// <summary>One path of a sweep: given a size in KB, prepares the call (inputs resolved outside the timing).</summary>
/// <param name="Name">The path, such as <c>Raw HttpClient</c>.</param>
/// <param name="Prepare">Returns the call for a size; the call returns the result signature every path must agree on.</param>
public sealed record SweepPath(string Name, Func<int, Func<Task<string>>> Prepare);

/// <summary>One sweep: what grows, the result every path must return at each size, and the paths.</summary>
/// <param name="Title">The sweep, such as <c>Reply size, streamed</c>.</param>
/// <param name="Description">What grows and how, one sentence.</param>
/// <param name="Expected">The signature every path must return for a size.</param>
/// <param name="Paths">The paths; the first is the floor when there is one.</param>
public sealed record SweepDefinition(string Title, string Description, Func<int, string> Expected, IReadOnlyList<SweepPath> Paths);

/// <summary>One measured point.</summary>
/// <param name="Kilobytes">The size.</param>
/// <param name="Seconds">The median time per call.</param>
/// <param name="BytesPerCall">Bytes allocated per call (process-wide; the fixed-reply server allocates nothing per request).</param>
/// <param name="Calls">The calls measured.</param>
public sealed record SweepPoint(int Kilobytes, double Seconds, double BytesPerCall, int Calls);

/// <summary>What one path of one sweep measured, round by round.</summary>
/// <param name="Sweep">The sweep.</param>
/// <param name="Path">The path.</param>
/// <param name="Rounds">The points of each round.</param>
/// <param name="StoppedAfterKb">The size after which the path was no longer measured (a call took too long), or null.</param>
public sealed record SweepPathResult(SweepDefinition Sweep, SweepPath Path, IReadOnlyList<IReadOnlyList<SweepPoint>> Rounds, int? StoppedAfterKb)
{
    /// <summary>Gets the sizes measured in every round.</summary>
    public IReadOnlyList<int> Sizes => Rounds.Count == 0 ? [] : [.. Rounds.Select(r => r.Select(p => p.Kilobytes)).Aggregate((a, b) => a.Intersect(b)).Order()];

    /// <summary>Gets the median over rounds of the time per call at a size.</summary>
    /// <param name="kb">The size.</param>
    /// <returns>Seconds, NaN when not measured.</returns>
    public double Seconds(int kb) => Measurements.Stats.Median([.. Rounds.SelectMany(r => r).Where(p => p.Kilobytes == kb).Select(p => p.Seconds)]);

    /// <summary>Gets the median over rounds of the bytes allocated per call at a size.</summary>
    /// <param name="kb">The size.</param>
    /// <returns>Bytes, NaN when not measured.</returns>
    public double Bytes(int kb) => Measurements.Stats.Median([.. Rounds.SelectMany(r => r).Where(p => p.Kilobytes == kb).Select(p => p.BytesPerCall)]);

    /// <summary>Gets the fitted time exponent of each round (over the sizes measured in every round).</summary>
    public IReadOnlyList<double> TimeExponents => [.. Rounds.Select(r => Measurements.Stats.LogLogSlope([.. r.Where(p => Sizes.Contains(p.Kilobytes)).Select(p => ((double)p.Kilobytes, p.Seconds))]))];

    /// <summary>Gets the fitted exponent of the allocated bytes (from the medians).</summary>
    public double AllocationExponent => Measurements.Stats.LogLogSlope([.. Sizes.Select(kb => ((double)kb, Bytes(kb)))]);

    /// <summary>Gets the local exponent between the two largest sizes measured (from the medians): the growth where it matters most.</summary>
    public double TopSlope => Sizes.Count < 2 ? double.NaN : Measurements.Stats.LogLogSlope([.. Sizes.TakeLast(2).Select(kb => ((double)kb, Seconds(kb)))]);
}
