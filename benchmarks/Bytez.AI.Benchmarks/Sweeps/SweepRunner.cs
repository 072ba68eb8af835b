using System.Diagnostics;
using System.Globalization;

namespace Bytez.AI.Benchmarks.Sweeps;

/// <summary>How long each point is measured and when a path is too slow to go on.</summary>
/// <param name="Rounds">Full passes over every size and path; each gives its own exponent, so the spread shows the noise.</param>
/// <param name="PointSeconds">Calls are repeated until this much time has passed (and <paramref name="MinCalls"/> calls were made).</param>
/// <param name="MinCalls">The fewest calls per point, unless one call alone takes more than three times <paramref name="PointSeconds"/>.</param>
/// <param name="MaxCalls">The most calls per point.</param>
/// <param name="StopAboveSeconds">
/// A path is not measured at a size above <paramref name="AlwaysUpToKb"/> when its call there is predicted to take
/// longer than this (from the growth between its last two sizes, between linear and an exponent of 2.2).
/// </param>
/// <param name="AlwaysUpToKb">Sizes up to this one are measured on every path (the goals name 256 KB) unless a call is predicted to take over a minute.</param>
public sealed record SweepBudget(int Rounds, double PointSeconds, int MinCalls, int MaxCalls, double StopAboveSeconds, int AlwaysUpToKb = 256)
{
    /// <summary>The longest predicted call that is still made at a size up to <see cref="AlwaysUpToKb"/>.</summary>
    public const double HardLimitSeconds = 60;

    /// <summary>Gets the budget of a full run.</summary>
    public static SweepBudget Full { get; } = new(Rounds: 3, PointSeconds: 0.15, MinCalls: 3, MaxCalls: 40, StopAboveSeconds: 5.0);

    /// <summary>Gets the budget of the CI smoke run: one call per point, one round.</summary>
    public static SweepBudget Quick { get; } = new(Rounds: 1, PointSeconds: 0, MinCalls: 1, MaxCalls: 1, StopAboveSeconds: 5.0);
}

/// <summary>
/// Runs sweeps: round after round, size after size, every path of every sweep in turn (the order of the paths rotates
/// each round), so load on the shared machine falls on all paths alike. Each point checks the result first.
/// </summary>
public static class SweepRunner
{
    /// <summary>Runs the sweeps.</summary>
    /// <param name="sweeps">The sweeps.</param>
    /// <param name="sizes">The sizes in KB, ascending.</param>
    /// <param name="budget">The measuring budget.</param>
    /// <param name="problems">Receives the paths that returned a wrong result.</param>
    /// <param name="progress">Receives a line per round, or null.</param>
    /// <returns>The results, per sweep and path.</returns>
    public static async Task<IReadOnlyList<SweepPathResult>> RunAsync(
        IReadOnlyList<SweepDefinition> sweeps, IReadOnlyList<int> sizes, SweepBudget budget, ICollection<string> problems, TextWriter? progress = null)
    {
        ArgumentNullException.ThrowIfNull(sweeps);
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(problems);
        var all = sweeps.SelectMany(s => s.Paths.Select(p => (Sweep: s, Path: p))).ToList();
        var points = all.ToDictionary(x => x, _ => Enumerable.Range(0, budget.Rounds).Select(_ => new List<SweepPoint>()).ToArray());
        var stopped = new Dictionary<(SweepDefinition, SweepPath), int>();

        // Warm-up (JIT, connections, first loads) at the smallest size, checked.
        foreach (var (sweep, path) in all)
        {
            await CheckedCallAsync(sweep, path, sizes[0], path.Prepare(sizes[0]), problems).ConfigureAwait(false);
        }

        for (var round = 0; round < budget.Rounds; round++)
        {
            var started = Stopwatch.GetTimestamp();
            foreach (var kb in sizes)
            {
                for (var i = 0; i < all.Count; i++)
                {
                    var key = all[(i + round) % all.Count];
                    if (stopped.TryGetValue(key, out var stopAfter) && kb > stopAfter)
                    {
                        continue;
                    }

                    var point = await MeasureAsync(key.Sweep, key.Path, kb, budget, problems).ConfigureAwait(false);
                    var previous = points[key][round].LastOrDefault();
                    points[key][round].Add(point);
                    var next = sizes.FirstOrDefault(s => s > kb);
                    var predicted = next > 0 ? PredictedSeconds(previous, point, next) : 0;
                    if (next > 0 && !stopped.ContainsKey(key) &&
                        ((next > budget.AlwaysUpToKb && predicted > budget.StopAboveSeconds) || predicted > SweepBudget.HardLimitSeconds))
                    {
                        stopped[key] = kb;
                    }
                }
            }

            progress?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"<!-- sweep round {round + 1}/{budget.Rounds}: {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s -->"));
        }

        return [.. all.Select(key => new SweepPathResult(
            key.Sweep, key.Path, [.. points[key].Select(r => (IReadOnlyList<SweepPoint>)[.. r.OrderBy(p => p.Kilobytes)])], stopped.TryGetValue(key, out var s) ? s : null))];
    }

    /// <summary>
    /// Predicts the time at the next size from the growth between the last two points, taken as at least linear and at
    /// most 2.2 (one noisy point on a shared machine must not stop a path, nor let a quadratic one run for minutes).
    /// </summary>
    private static double PredictedSeconds(SweepPoint? previous, SweepPoint last, int nextKb)
    {
        var exponent = previous is null ? 1 : Math.Clamp(Math.Log(last.Seconds / previous.Seconds) / Math.Log((double)last.Kilobytes / previous.Kilobytes), 1, 2.2);
        return last.Seconds * Math.Pow((double)nextKb / last.Kilobytes, exponent);
    }

    private static async Task<SweepPoint> MeasureAsync(SweepDefinition sweep, SweepPath path, int kb, SweepBudget budget, ICollection<string> problems)
    {
        var call = path.Prepare(kb);
        var times = new List<double>();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var elapsed = 0.0;
        do
        {
            var started = Stopwatch.GetTimestamp();
            var result = await call().ConfigureAwait(false);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            times.Add(seconds);
            elapsed += seconds;
            if (times.Count == 1)
            {
                Check(sweep, path, kb, result, problems);
            }
        }
        while (times.Count < budget.MaxCalls &&
            (elapsed < budget.PointSeconds || (times.Count < budget.MinCalls && elapsed < 3 * budget.PointSeconds)));

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return new SweepPoint(kb, Measurements.Stats.Median(times), (double)allocated / times.Count, times.Count);
    }

    private static async Task CheckedCallAsync(SweepDefinition sweep, SweepPath path, int kb, Func<Task<string>> call, ICollection<string> problems) =>
        Check(sweep, path, kb, await call().ConfigureAwait(false), problems);

    private static void Check(SweepDefinition sweep, SweepPath path, int kb, string result, ICollection<string> problems)
    {
        if (!string.Equals(result, sweep.Expected(kb), StringComparison.Ordinal))
        {
            var problem = string.Create(CultureInfo.InvariantCulture, $"sweep '{sweep.Title}', {path.Name}, {kb} KB: the result differs from the expected one");
            if (!problems.Contains(problem))
            {
                problems.Add(problem);
            }
        }
    }
}
