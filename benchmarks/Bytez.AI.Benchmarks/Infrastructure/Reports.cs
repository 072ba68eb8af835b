using System.Globalization;
using Bytez.AI.Benchmarks.Measurements;

namespace Bytez.AI.Benchmarks.Infrastructure;

/// <summary>Prints the custom measurements as Markdown tables (pasted into docs/benchmarks.md).</summary>
public static class Reports
{
    /// <summary>Prints the stream timings.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="rows">The timings.</param>
    public static void StreamTimings(TextWriter output, IReadOnlyList<(string Path, Percentiles FirstUpdate, Percentiles Total)> rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        output.WriteLine("### Streamed reply of 200 chunks: time to first update and total (ms)");
        output.WriteLine();
        output.WriteLine("| Path | n | First update median | First update p95 | Total median | Total p95 |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (path, first, total) in rows)
        {
            output.WriteLine(Invariant($"| {path} | {first.Count} | {first.Median:0.000} | {first.P95:0.000} | {total.Median:0.000} | {total.P95:0.000} |"));
        }

        output.WriteLine();
    }

    /// <summary>Prints the chunk-to-caller delays.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="rows">The delays.</param>
    public static void StreamLatency(TextWriter output, IReadOnlyList<(string Path, Percentiles Delay)> rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        output.WriteLine(Invariant($"### Chunk arrival (socket read) to update at the caller (ms), chunks {Measurements.StreamLatency.ChunkSpacing.TotalMilliseconds} ms apart"));
        output.WriteLine();
        output.WriteLine("| Path | Updates | Median | p95 | Max |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var (path, delay) in rows)
        {
            output.WriteLine(Invariant($"| {path} | {delay.Count} | {delay.Median:0.000} | {delay.P95:0.000} | {delay.Max:0.000} |"));
        }

        output.WriteLine();
    }

    /// <summary>Prints the client-only allocations.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="rows">Bytes per call.</param>
    public static void ClientAllocations(TextWriter output, IReadOnlyList<(string Path, long BytesPerCall)> rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        output.WriteLine("### Client-only allocations per call (emulator in another process)");
        output.WriteLine();
        output.WriteLine("| Path | Bytes per call |");
        output.WriteLine("| --- | ---: |");
        foreach (var (path, bytes) in rows)
        {
            output.WriteLine(Invariant($"| {path} | {bytes:N0} |"));
        }

        output.WriteLine();
    }

    /// <summary>Prints the racing first calls.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="loads">The load requests counted in each round.</param>
    /// <param name="callers">Callers per round.</param>
    public static void Racing(TextWriter output, IReadOnlyList<int> loads, int callers)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(loads);
        output.WriteLine(Invariant($"### {callers} racing first calls to a fresh model: load requests per round"));
        output.WriteLine();
        output.WriteLine(Invariant($"Rounds: {loads.Count}; loads per round: {string.Join(", ", loads)}"));
        output.WriteLine();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
