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
/// <param name="CpuMicros">The process CPU time (user and system, all threads) per call of each round, in µs.</param>
/// <param name="CpuRatios">Each round's CPU time per call divided by the baseline's in the same round.</param>
public sealed record InterleavedResult(
    string Name, IReadOnlyList<double> Micros, IReadOnlyList<double> Ratios, IReadOnlyList<double> BytesPerCall, IReadOnlyList<double> CpuMicros, IReadOnlyList<double> CpuRatios)
{
    /// <summary>Gets the median time per call.</summary>
    public double MedianMicros => Stats.Median(Micros);

    /// <summary>Gets the median of the per-round ratios to the baseline.</summary>
    public double MedianRatio => Stats.Median(Ratios);

    /// <summary>Gets the median bytes per call.</summary>
    public double MedianBytes => Stats.Median(BytesPerCall);

    /// <summary>Gets the median CPU time per call.</summary>
    public double MedianCpuMicros => Stats.Median(CpuMicros);

    /// <summary>Gets the median of the per-round CPU-time ratios to the baseline.</summary>
    public double MedianCpuRatio => Stats.Median(CpuRatios);
}

/// <summary>
/// Compares paths on a shared, noisy machine: each round runs a batch of calls of every path, one path after the other
/// (the order rotates each round), and each path's time is divided by the baseline's time in the same round. Load that
/// comes and goes hits neighbouring batches alike, so the per-round ratios are far steadier than two separate runs.
/// The process's CPU time is recorded too: on a machine shared with other work it does not count the time this process
/// waited for a core, so it is steadier still (it includes the in-process server's and the GC's threads).
/// </summary>
public static class Interleaved
{
    /// <summary>Runs the comparison.</summary>
    /// <param name="paths">The paths; the first is the baseline.</param>
    /// <param name="rounds">Measured rounds.</param>
    /// <param name="batch">Calls per path per round.</param>
    /// <param name="warmUpRounds">Rounds run first and not counted.</param>
    /// <param name="warmUp">
    /// How long each path runs (in batches, the paths in turn) before the warm-up rounds: until the JIT has compiled its
    /// code at the final tier. A path with more methods reaches it later, and on a loaded machine the background
    /// compiler can take seconds: measured earlier, the client looked up to 2× slower than it is.
    /// </param>
    /// <returns>One result per path, in the order given.</returns>
    public static async Task<IReadOnlyList<InterleavedResult>> RunAsync(IReadOnlyList<InterleavedPath> paths, int rounds, int batch, int warmUpRounds, TimeSpan warmUp)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var warmed = new TimeSpan[paths.Count];
        while (warmed.Any(w => w < warmUp))
        {
            for (var i = 0; i < paths.Count; i++)
            {
                var started = Stopwatch.GetTimestamp();
                for (var n = 0; n < batch; n++)
                {
                    await paths[i].Call().ConfigureAwait(false);
                }

                warmed[i] += Stopwatch.GetElapsedTime(started);
            }
        }

        return await RunAsync(paths, rounds, batch, warmUpRounds).ConfigureAwait(false);
    }

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
        var cpu = paths.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < warmUpRounds + rounds; round++)
        {
            for (var k = 0; k < paths.Count; k++)
            {
                var i = (k + round) % paths.Count;
                var call = paths[i].Call;
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var cpuBefore = Environment.CpuUsage.TotalTime;
                var started = Stopwatch.GetTimestamp();
                for (var n = 0; n < batch; n++)
                {
                    await call().ConfigureAwait(false);
                }

                var elapsed = Stopwatch.GetElapsedTime(started);
                var cpuTime = Environment.CpuUsage.TotalTime - cpuBefore;
                var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
                if (round >= warmUpRounds)
                {
                    micros[i].Add(elapsed.TotalMicroseconds / batch);
                    bytes[i].Add((double)allocated / batch);
                    cpu[i].Add(cpuTime.TotalMicroseconds / batch);
                }
            }
        }

        return [.. paths.Select((p, i) => new InterleavedResult(
            p.Name, micros[i], [.. micros[i].Select((m, r) => m / micros[0][r])], bytes[i], cpu[i], [.. cpu[i].Select((c, r) => c / cpu[0][r])]))];
    }
}
