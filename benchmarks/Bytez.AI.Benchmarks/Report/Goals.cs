using Bytez.AI.Benchmarks.Measurements;
using Bytez.AI.Benchmarks.Sweeps;
using static Bytez.AI.Benchmarks.Infrastructure.Units;

namespace Bytez.AI.Benchmarks.Report;

/// <summary>The goals of issue 15, judged from what this run measured (only the sections that ran).</summary>
public static class Goals
{
    /// <summary>IChatClient allocations per chat call when the issue was filed (client only).</summary>
    public const int IssueChatCallBytes = 10_496;

    /// <summary>Prints the goals table.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="comparisons">The comparisons, if run.</param>
    /// <param name="sweeps">The sweeps, if run.</param>
    /// <param name="memory">The streaming-memory results, if run.</param>
    /// <param name="latency">The stream latency, if run.</param>
    /// <param name="judge">Whether to judge (false in the quick run, whose one-call timings mean nothing).</param>
    public static void Print(
        TextWriter output, IReadOnlyList<Comparison>? comparisons, IReadOnlyList<SweepPathResult>? sweeps,
        IReadOnlyList<StreamingMemoryResult>? memory, IReadOnlyList<(string Path, Percentiles Delay)>? latency, bool judge = true)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("### Goals (issue 15)");
        output.WriteLine();
        if (!judge)
        {
            output.WriteLine("Quick run: one call per point, so nothing below is judged.");
            output.WriteLine();
        }

        output.WriteLine("| Goal | This run | Met? |");
        output.WriteLine("| --- | --- | --- |");

        if (comparisons?.FirstOrDefault(c => c.Key == ComparisonSection.ChatKey) is { } chat)
        {
            var ours = chat["Bytez IChatClient"];
            Row(output, "Chat call ≤ 1.10× raw HttpClient (fixed-reply server)",
                $"IChatClient {Ratio(ours.MedianRatio)} wall time (IQR {Number(Stats.Quantile(ours.Ratios, 0.25))}–{Number(Stats.Quantile(ours.Ratios, 0.75))}), {Ratio(ours.MedianCpuRatio)} CPU time; protocol {Ratio(chat["Protocol RunAsync"].MedianRatio)} wall, {Ratio(chat["Protocol RunAsync"].MedianCpuRatio)} CPU",
                ours.MedianRatio <= 1.10, judge);
            var openAI = chat["OpenAI IChatClient (M.E.AI.OpenAI)"];
            Row(output, "Chat call no slower and no more allocating than M.E.AI.OpenAI (same server)",
                $"time {Ratio(ours.MedianMicros / openAI.MedianMicros)}, allocated {Ratio(ours.MedianBytes / openAI.MedianBytes)} ({Bytes(ours.MedianBytes)} vs {Bytes(openAI.MedianBytes)})",
                ours.MedianMicros <= openAI.MedianMicros && ours.MedianBytes <= openAI.MedianBytes, judge);
            Row(output, "Allocations per chat call no worse than when the issue was filed",
                $"IChatClient {Bytes(ours.MedianBytes)} per call (issue: {Bytes(IssueChatCallBytes)}; process-wide against the allocation-free fixed-reply server)",
                ours.MedianBytes <= IssueChatCallBytes, judge);
        }

        if (comparisons?.FirstOrDefault(c => c.Key == ComparisonSection.ChatV1Key) is { } chatV1)
        {
            var ours = chatV1["Bytez IChatClient (v1)"];
            var protocol = chatV1["Protocol RunAsync (v1)"];
            Row(output, "The same on API v1 (the previous generation): chat call ≤ 1.10× raw v1",
                $"IChatClient {Ratio(ours.MedianRatio)} wall time (IQR {Number(Stats.Quantile(ours.Ratios, 0.25))}–{Number(Stats.Quantile(ours.Ratios, 0.75))}), {Ratio(ours.MedianCpuRatio)} CPU time, {Bytes(ours.MedianBytes)} per call; protocol {Ratio(protocol.MedianRatio)} wall, {Ratio(protocol.MedianCpuRatio)} CPU",
                ours.MedianRatio <= 1.10, judge);
        }

        if (comparisons?.FirstOrDefault(c => c.Key == ComparisonSection.InMemoryKey) is { } inMemory)
        {
            var with = inMemory["Protocol RunAsync (with BytezRetryHandler)"];
            var without = inMemory["Protocol RunAsync, no retry handler"];
            output.WriteLine(Invariant(
                $"| Retry pipeline costs close to nothing on a first attempt that succeeds | {Bytes(with.MedianBytes - without.MedianBytes)}, {Time((with.MedianCpuMicros - without.MedianCpuMicros) / 1e6)} CPU and {Time((with.MedianMicros - without.MedianMicros) / 1e6)} wall time per call (in memory, with vs without the handler; the times are within noise) | (no number set) |"));
        }

        if (sweeps is not null)
        {
            var within = sweeps.Count(s => SweepReport.Stats(s).Median <= SweepReport.ExponentGoal);
            Row(output, "Every path's cost linear in size: fitted exponent ≤ 1.1 (1 KB → 1 MB)",
                $"{within} of {sweeps.Count} paths" + (within < sweeps.Count
                    ? "; over: " + string.Join("; ", sweeps.Where(s => SweepReport.Stats(s).Median > SweepReport.ExponentGoal).Select(s => $"{s.Sweep.Title} / {s.Path.Name} ({Number(SweepReport.Stats(s).Median)})"))
                    : string.Empty),
                within == sweeps.Count, judge);

            var tools = sweeps.Where(s => s.Sweep.Title.StartsWith("Tool-call", StringComparison.Ordinal)).ToList();
            var raw = tools.FirstOrDefault(s => s.Path.Name.StartsWith("Raw HttpClient (streamed", StringComparison.Ordinal));
            var ours = tools.FirstOrDefault(s => s.Path.Name == "Bytez IChatClient (streamed)");
            if (raw is not null && ours is not null && raw.Sizes.Contains(256) && ours.Sizes.Contains(256))
            {
                var ratio = ours.Seconds(256) / raw.Seconds(256);
                Row(output, "A 256 KB streamed Hermes tool call within 5× raw reading",
                    $"{Time(ours.Seconds(256))} vs {Time(raw.Seconds(256))}: {Ratio(ratio)}", ratio <= 5, judge);
            }
            else if (raw is not null && ours is not null)
            {
                Row(output, "A 256 KB streamed Hermes tool call within 5× raw reading",
                    $"not measured at 256 KB (the IChatClient path stopped after {(ours.StoppedAfterKb is { } kb ? Size(kb) : "a smaller size")}: predicted over the sweep's time budget)", met: false, judge);
            }
        }

        if (memory is { Count: > 1 })
        {
            var worst = memory.Skip(1).MaxBy(m => m.PeakHeapBytes)!;
            var over = worst.PeakHeapBytes - memory[0].PeakHeapBytes;
            Row(output, "Streaming memory within raw + 5 MB (peak heap)",
                $"worst: {worst.Path} {Bytes(over)} over raw ({string.Join("; ", memory.Skip(1).Select(m => $"{m.Path}: {Bytes(m.PeakHeapBytes - memory[0].PeakHeapBytes)}"))})",
                over <= MemorySection.GoalBytesOverRaw, judge);
        }

        if (latency?.FirstOrDefault(l => l.Path == "Bytez IChatClient") is { Path: not null } ours2)
        {
            output.WriteLine(Invariant(
                $"| Stream latency no worse (chunk arrival to caller) | IChatClient median {ours2.Delay.Median:0.000} ms, p95 {ours2.Delay.P95:0.000} ms (issue: p95 under 0.02 ms on a quieter machine) | see the latency table |"));
        }

        output.WriteLine();
    }

    private static void Row(TextWriter output, string goal, string result, bool met, bool judge) =>
        output.WriteLine($"| {goal} | {result} | {(!judge ? "not judged" : met ? "yes" : "**no**")} |");
}
