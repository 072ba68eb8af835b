using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Bytez.AI.Benchmarks.Infrastructure;

/// <summary>
/// The run configuration: in-process (no per-class project build, which on a shared 2-core machine costs more than the
/// measurements), 5 warm-ups and 15 measured iterations, MemoryDiagnoser, ratios to the raw baseline.
/// </summary>
public static class BenchConfig
{
    /// <summary>Creates the configuration.</summary>
    /// <returns>The configuration.</returns>
    public static IConfig Create() => DefaultConfig.Instance
        .AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithWarmupCount(5)
            .WithIterationCount(15)
            .WithId("Short"))
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddColumn(StatisticColumn.Median, StatisticColumn.P95)
        .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Value))
        .WithOptions(ConfigOptions.DisableLogFile);
}
