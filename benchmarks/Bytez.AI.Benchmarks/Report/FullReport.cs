using System.Diagnostics;
using Bytez.AI.Benchmarks.Measurements;
using Bytez.AI.Benchmarks.Sweeps;

namespace Bytez.AI.Benchmarks.Report;

/// <summary>The sections a report can run (<c>--only</c> picks some).</summary>
public static class Sections
{
    /// <summary>Interleaved comparisons with raw HttpClient.</summary>
    public const string Comparisons = "comparisons";

    /// <summary>Size sweeps.</summary>
    public const string Sweeps = "sweeps";

    /// <summary>Streaming memory.</summary>
    public const string Memory = "memory";

    /// <summary>Chunk-to-caller latency (emulator).</summary>
    public const string Latency = "latency";

    /// <summary>Racing first calls (emulator).</summary>
    public const string Racing = "racing";

    /// <summary>Gets every section, in report order.</summary>
    public static IReadOnlyList<string> All { get; } = [Comparisons, Sweeps, Memory, Latency, Racing];
}

/// <summary>
/// Runs the report: every section (or those asked for) with the full budgets, or the CI smoke run (<c>--quick</c>:
/// every scenario once, tiny sizes, results checked, timings printed but never judged). Prints Markdown to paste into
/// docs/benchmarks.md.
/// </summary>
public static class FullReport
{
    /// <summary>Runs the report.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="quick">Whether this is the CI smoke run.</param>
    /// <param name="sections">The sections to run.</param>
    /// <param name="command">The command line, for the header.</param>
    /// <returns>The problems found: paths that disagree or failed checks (never timings).</returns>
    public static async Task<IReadOnlyList<string>> RunAsync(TextWriter output, bool quick, IReadOnlyCollection<string> sections, string command)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sections);
        var started = Stopwatch.GetTimestamp();
        var problems = new List<string>();
        output.WriteLine(quick ? "## Benchmarks quick run (CI smoke: results checked, timings not judged)" : "## Benchmark report");
        output.WriteLine();
        MachineInfo.Print(output, command);

        IReadOnlyList<Comparison>? comparisons = null;
        IReadOnlyList<SweepPathResult>? sweeps = null;
        IReadOnlyList<StreamingMemoryResult>? memory = null;
        IReadOnlyList<(string, Percentiles)>? latency = null;
        if (sections.Contains(Sections.Comparisons))
        {
            comparisons = await ComparisonSection.RunAsync(output, quick ? ComparisonBudget.Quick : ComparisonBudget.Full, problems).ConfigureAwait(false);
        }

        if (sections.Contains(Sections.Sweeps))
        {
            sweeps = await SweepSection.RunAsync(output, quick ? [1, 16] : SizeSweeps.FullSizes, quick ? SweepBudget.Quick : SweepBudget.Full, problems).ConfigureAwait(false);
        }

        if (sections.Contains(Sections.Memory))
        {
            memory = await MemorySection.RunAsync(output, megabytes: quick ? 1 : 50, runs: quick ? 1 : 3, problems).ConfigureAwait(false);
        }

        if (sections.Contains(Sections.Latency))
        {
            latency = await EmulatorSection.LatencyAsync(output, runs: quick ? 1 : 3).ConfigureAwait(false);
        }

        if (sections.Contains(Sections.Racing))
        {
            await EmulatorSection.RacingAsync(output, rounds: quick ? 1 : 5, problems).ConfigureAwait(false);
        }

        Goals.Print(output, comparisons, sweeps, memory, latency, judge: !quick);
        output.WriteLine($"Load average at the end: {MachineInfo.LoadAverage()}; duration {Stopwatch.GetElapsedTime(started):mm\\:ss}.");
        output.WriteLine();
        foreach (var problem in problems)
        {
            output.WriteLine("FAILED: " + problem);
        }

        output.WriteLine(problems.Count == 0 ? "Every scenario ran and the paths agree." : $"{problems.Count} problem(s).");
        return problems;
    }
}
