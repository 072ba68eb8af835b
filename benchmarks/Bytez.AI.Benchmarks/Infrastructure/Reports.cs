using System.Globalization;
using Bytez.AI.Benchmarks.Measurements;

namespace Bytez.AI.Benchmarks.Infrastructure;

/// <summary>Prints the emulator measurements as Markdown tables.</summary>
public static class Reports
{
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
