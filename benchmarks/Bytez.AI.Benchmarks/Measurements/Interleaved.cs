using System.Diagnostics;

namespace Bytez.AI.Benchmarks.Measurements;

/// <summary>One path of an interleaved comparison.</summary>
/// <param name="Name">The path.</param>
/// <param name="Call">One call.</param>
public sealed record InterleavedPath(string Name, Func<Task> Call);

/// <summary>What an interleaved comparison measured for one path.</summary>
/// <param name="Name">The path.</param>
/// <param name="Micros">The mean time per call of each round, in µs.</param>
/// <param name="Ratios">Each round's time per call divided by the baseline's in the same round.</param>
/// <param name="BytesPerCall">The bytes allocated per call of each round.</param>
public sealed record InterleavedResult(string Name, IReadOnlyList<double> Micros, IReadOnlyList<double> Ratios, IReadOnlyList<double> BytesPerCall)
{
    /// <summary>Gets the median time per call.</summary>
    public double MedianMicros => Stats.Median(Micros);

    /// <summary>Gets the median of the per-round ratios to the baseline.</summary>
    public double MedianRatio => Stats.Median(Ratios);

    /// <summary>Gets the median bytes per call.</summary>
    public double MedianBytes => Stats.Median(BytesPerCall);
}

/// <summary>
/// Compares paths on a shared, noisy machine: each round runs a batch of calls of every path, one path after the other
/// (the order rotates each round), and each path's time is divided by the baseline's time in the same round. Load that
/// comes and goes hits neighbouring batches alike, so the per-round ratios are far steadier than two separate runs.
/// </summary>
public static class Interleaved
{
    /// <summary>Runs the comparison.</summary>
    /// <param name="paths">The paths; the first is the baseline.</param>
    /// <param name="rounds">Measured rounds.</param>
    /// <param name="batch">Calls per path per round.</param>
    /// <param name="warmUpRounds">Rounds run first and not counted.</param>
    /// <returns>One result per path, in the order given.</returns>
    public static async Task<IReadOnlyList<InterleavedResult>> RunAsync(IReadOnlyList<InterleavedPath> paths, int rounds, int batch, int warmUpRounds = 2)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var micros = paths.Select(_ => new List<double>()).ToArray();
        var bytes = paths.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < warmUpRounds + rounds; round++)
        {
            for (var k = 0; k < paths.Count; k++)
            {
                var i = (k + round) % paths.Count;
                var call = paths[i].Call;
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var started = Stopwatch.GetTimestamp();
                for (var n = 0; n < batch; n++)
                {
                    await call().ConfigureAwait(false);
                }

                var elapsed = Stopwatch.GetElapsedTime(started);
                var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
                if (round >= warmUpRounds)
                {
                    micros[i].Add(elapsed.TotalMicroseconds / batch);
                    bytes[i].Add((double)allocated / batch);
                }
            }
        }

        return [.. paths.Select((p, i) => new InterleavedResult(
            p.Name, micros[i], [.. micros[i].Select((m, r) => m / micros[0][r])], bytes[i]))];
    }
}
