using Bytez.AI.Benchmarks.Infrastructure;
using Bytez.AI.Benchmarks.Measurements;

namespace Bytez.AI.Benchmarks.Report;

/// <summary>The measurements that need the emulator: chunk-to-caller latency (paced chunks) and racing first calls (load counting).</summary>
public static class EmulatorSection
{
    /// <summary>Measures and prints the stream latency.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="runs">Streams per path.</param>
    /// <returns>The delays per path.</returns>
    public static async Task<IReadOnlyList<(string Path, Percentiles Delay)>> LatencyAsync(TextWriter output, int runs)
    {
        var rows = await StreamLatency.MeasureAsync(runs).ConfigureAwait(false);
        Reports.StreamLatency(output, rows);
        return rows;
    }

    /// <summary>Races 100 first calls on fresh models and prints the load requests per round.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="rounds">Rounds.</param>
    /// <param name="problems">Receives failures (more than one load, or a wrong reply).</param>
    /// <returns>The loads per round.</returns>
    public static async Task<IReadOnlyList<int>> RacingAsync(TextWriter output, int rounds, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        await using var emulator = await BenchEmulator.StartAsync().ConfigureAwait(false);
        var loads = new List<int>();
        for (var round = 0; round < rounds; round++)
        {
            var (count, replies) = await RacingFirstCalls.RunAsync(emulator).ConfigureAwait(false);
            loads.Add(count);
            if (count != 1)
            {
                problems.Add($"racing first calls: {count} loads");
            }

            if (replies.Any(r => r != BenchEmulator.ChatReply))
            {
                problems.Add("racing first calls: a wrong reply");
            }
        }

        Reports.Racing(output, loads, 100);
        return loads;
    }
}
