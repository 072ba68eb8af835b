using Bytez.AI.Benchmarks.Infrastructure;
using static Bytez.AI.Benchmarks.Infrastructure.Units;

namespace Bytez.AI.Benchmarks.Sweeps;

/// <summary>Prints the size sweeps as Markdown: one table per sweep, and a summary of the exponents against the goal.</summary>
public static class SweepReport
{
    /// <summary>The goal: every path's fitted time exponent at most this.</summary>
    public const double ExponentGoal = 1.1;

    /// <summary>Prints one table per sweep.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="results">The results.</param>
    /// <param name="sizes">The sizes in KB.</param>
    public static void Tables(TextWriter output, IReadOnlyList<SweepPathResult> results, IReadOnlyList<int> sizes)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(sizes);
        foreach (var sweep in results.GroupBy(r => r.Sweep))
        {
            output.WriteLine($"#### {sweep.Key.Title}");
            output.WriteLine();
            output.WriteLine(sweep.Key.Description + " Median time per call (over rounds); exponent k of time ∝ size^k fitted per round (median, range).");
            output.WriteLine();
            output.WriteLine($"| Path | {string.Join(" | ", sizes.Select(Size))} | Exponent k | Top slope | Allocated per call at {Size(sizes[^1])} | Alloc. exponent |");
            output.WriteLine($"| --- |{string.Concat(sizes.Select(_ => " ---: |"))} ---: | ---: | ---: | ---: |");
            foreach (var path in sweep)
            {
                var cells = sizes.Select(kb => path.Sizes.Contains(kb) ? Time(path.Seconds(kb)) : path.StoppedAfterKb is { } s && kb > s ? "not run" : "–");
                output.WriteLine($"| {path.Path.Name} | {string.Join(" | ", cells)} | {Exponent(path)} | {Number(path.TopSlope)} | {Allocated(path, sizes[^1])} | {Number(path.AllocationExponent)} |");
            }

            output.WriteLine();
            var stoppedPaths = sweep.Where(p => p.StoppedAfterKb is not null).ToList();
            foreach (var path in stoppedPaths)
            {
                output.WriteLine(Invariant($"- {path.Path.Name}: not run above {Size(path.StoppedAfterKb!.Value)}: a call at the next size was predicted to take longer than the budget (the exponent is fitted on the sizes run)."));
            }

            if (stoppedPaths.Count > 0)
            {
                output.WriteLine();
            }
        }
    }

    /// <summary>Prints the exponent of every path against the goal.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="results">The results.</param>
    public static void Summary(TextWriter output, IReadOnlyList<SweepPathResult> results)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(results);
        var failing = results.Where(r => Stats(r).Median > ExponentGoal).ToList();
        output.WriteLine(Invariant($"Paths whose fitted exponent is at most {ExponentGoal}: {results.Count - failing.Count} of {results.Count}."));
        foreach (var path in failing)
        {
            output.WriteLine(Invariant($"- over the goal: {path.Sweep.Title} / {path.Path.Name}: k = {Exponent(path)}, top slope {Number(path.TopSlope)}"));
        }

        output.WriteLine();
    }

    /// <summary>Gets the median and range of a path's per-round exponents.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The median, lowest and highest.</returns>
    public static (double Median, double Min, double Max) Stats(SweepPathResult path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var values = path.TimeExponents.Where(v => !double.IsNaN(v)).ToList();
        return values.Count == 0 ? (double.NaN, double.NaN, double.NaN) : (Measurements.Stats.Median(values), values.Min(), values.Max());
    }

    private static string Allocated(SweepPathResult path, int largest) =>
        path.Sizes.Count == 0 ? "–" :
        path.Sizes[^1] == largest ? Bytes(path.Bytes(largest)) :
        $"{Bytes(path.Bytes(path.Sizes[^1]))} at {Size(path.Sizes[^1])}";

    private static string Exponent(SweepPathResult path)
    {
        var (median, min, max) = Stats(path);
        return double.IsNaN(median) ? "–" : path.TimeExponents.Count == 1 ? Number(median) : $"{Number(median)} ({Number(min)}–{Number(max)})";
    }
}
