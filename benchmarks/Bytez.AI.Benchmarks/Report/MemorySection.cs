using Bytez.AI.Benchmarks.Measurements;
using static Bytez.AI.Benchmarks.Infrastructure.Units;

namespace Bytez.AI.Benchmarks.Report;

/// <summary>The streaming-memory section: a long stream consumed on every path, peak heap, live memory, allocations.</summary>
public static class MemorySection
{
    /// <summary>The goal: every path's peak within this of raw's.</summary>
    public const double GoalBytesOverRaw = 5 * 1024 * 1024;

    /// <summary>Measures and prints.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="megabytes">The stream's length in MB.</param>
    /// <param name="runs">Runs of each kind per path.</param>
    /// <param name="problems">Receives disagreements.</param>
    /// <returns>The results; the first is raw.</returns>
    public static async Task<IReadOnlyList<StreamingMemoryResult>> RunAsync(TextWriter output, int megabytes, int runs, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(output);
        var results = await StreamingMemory.MeasureAsync(megabytes, runs, problems).ConfigureAwait(false);
        output.WriteLine(Invariant($"### Streaming memory: a {megabytes} MB streamed reply consumed and not kept (fixed-reply server)"));
        output.WriteLine();
        output.WriteLine(Invariant($"The text arrives in pieces of {Sweeps.SweepInputs.StreamChunkChars} characters ({megabytes * 1024 * 1024 / Sweeps.SweepInputs.StreamChunkChars:N0} pieces). Peak heap: the highest GC.GetTotalMemory(false) seen during the stream (sampled every millisecond and every 256 pieces), above the baseline after a full collection: what the managed heap reached, uncollected garbage included; median of {runs} run(s), range. Live: the most still reachable at a full blocking collection every 5 MB and at the final update (separate runs): what the client holds. Allocated: bytes allocated by the call (exact). The goal is on the peak heap: within raw + 5 MB."));
        output.WriteLine();
        output.WriteLine("| Path | Peak heap | Range | Over raw | Live (max) | Allocated | Time | Within raw + 5 MB? |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        var raw = results[0].PeakHeapBytes;
        foreach (var r in results)
        {
            var over = r.PeakHeapBytes - raw;
            output.WriteLine(Invariant(
                $"| {r.Path} | {Bytes(r.PeakHeapBytes)} | {Bytes(r.PeakHeapMin)} – {Bytes(r.PeakHeapMax)} | {(r == results[0] ? "–" : Bytes(over))} | {Bytes(r.PeakLiveBytes)} | {Bytes(r.AllocatedBytes)} | {Time(r.Seconds)} | {(r == results[0] ? "(floor)" : over <= GoalBytesOverRaw ? "yes" : "**no**")} |"));
        }

        output.WriteLine();
        return results;
    }
}
