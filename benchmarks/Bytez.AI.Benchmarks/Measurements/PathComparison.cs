using Bytez.AI.Benchmarks.Infrastructure;
using static Bytez.AI.Benchmarks.Infrastructure.Units;

namespace Bytez.AI.Benchmarks.Measurements;

/// <summary>
/// Interleaves any chat paths by name (<see cref="ChatPaths.Names"/>), the first one the baseline:
/// <c>-- --compare raw-memory-v1,protocol-memory-v1,chat-memory-v1 [rounds] [batch]</c>. For trying a change against
/// its baseline in a few seconds; the report's comparisons are the measurement of record.
/// </summary>
public static class PathComparison
{
    /// <summary>Runs the comparison and prints one table.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="names">The paths, baseline first.</param>
    /// <param name="rounds">Measured rounds.</param>
    /// <param name="batch">Calls per path per round.</param>
    /// <returns>A task.</returns>
    public static async Task RunAsync(TextWriter output, IReadOnlyList<string> names, int rounds, int batch)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(names);
        await using var paths = await ChatPaths.StartAsync().ConfigureAwait(false);
        var interleaved = names.Select(name =>
        {
            var call = paths.Get(name);
            return new InterleavedPath(name, call);
        }).ToList();

        var results = await Interleaved.RunAsync(interleaved, rounds, batch, warmUpRounds: 2, warmUp: TimeSpan.FromSeconds(3)).ConfigureAwait(false);
        output.WriteLine(Invariant($"{rounds} rounds of {batch} calls per path, interleaved; medians over rounds."));
        output.WriteLine();
        output.WriteLine("| Path | Time per call | Ratio to first | CPU per call | CPU ratio | Allocated per call |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            output.WriteLine(Invariant($"| {r.Name} | {Time(r.MedianMicros / 1e6)} | {Ratio(r.MedianRatio)} | {Time(r.MedianCpuMicros / 1e6)} | {Ratio(r.MedianCpuRatio)} | {Bytes(r.MedianBytes)} |"));
        }
    }
}
