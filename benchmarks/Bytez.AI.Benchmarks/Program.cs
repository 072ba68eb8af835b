using BenchmarkDotNet.Running;
using Bytez.AI.Benchmarks.Benchmarks;
using Bytez.AI.Benchmarks.Infrastructure;
using Bytez.AI.Benchmarks.Report;

// dotnet run -c Release --project benchmarks/Bytez.AI.Benchmarks                      the report (Markdown): comparisons, sweeps, memory, latency, racing
// dotnet run -c Release --project benchmarks/Bytez.AI.Benchmarks -- --only sweeps,memory   some sections of the report
// dotnet run -c Release --project benchmarks/Bytez.AI.Benchmarks -- --quick           CI smoke: every scenario once, results checked, timings never judged
// dotnet run -c Release --project benchmarks/Bytez.AI.Benchmarks -- --profile chat 20     one chat path in a loop, for dotnet-trace
// dotnet run -c Release --project benchmarks/Bytez.AI.Benchmarks -- --compare raw-v1,chat-v1 30 100   chat paths interleaved by name
// dotnet run -c Release --project benchmarks/Bytez.AI.Benchmarks -- --layers             where a chat call's cost goes, one layer at a time
// dotnet run -c Release --project benchmarks/Bytez.AI.Benchmarks -- --bdn --filter '*Chat*'   BenchmarkDotNet (any of its arguments)
var command = "dotnet run -c Release --project benchmarks/Bytez.AI.Benchmarks" + (args.Length > 0 ? " -- " + string.Join(' ', args) : string.Empty);
if (args is ["--quick"])
{
    var problems = await FullReport.RunAsync(Console.Out, quick: true, Sections.All, command);
    return problems.Count == 0 ? 0 : 1;
}

if (args is ["--layers", ..])
{
    // Where a chat call's cost goes: one difference from raw at a time (see Measurements/LayerExperiment.cs).
    await Bytez.AI.Benchmarks.Measurements.LayerExperiment.RunAsync(
        Console.Out,
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 15,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 100);
    return 0;
}

if (args is ["--compare", var names, ..])
{
    // A change against its baseline, in seconds (see Measurements/PathComparison.cs).
    await Bytez.AI.Benchmarks.Measurements.PathComparison.RunAsync(
        Console.Out,
        names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 30,
        args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 100);
    return 0;
}

if (args is ["--profile", var path, ..])
{
    // A profiler's target: one chat path in a loop (see Measurements/ProfileLoop.cs).
    await Bytez.AI.Benchmarks.Measurements.ProfileLoop.RunAsync(Console.Out, path, args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10);
    return 0;
}

if (args is [] or ["--only", _])
{
    var sections = args is [] ? Sections.All : args[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    var unknown = sections.Except(Sections.All).ToList();
    if (unknown.Count > 0)
    {
        Console.Error.WriteLine($"Unknown section(s): {string.Join(", ", unknown)}. Sections: {string.Join(", ", Sections.All)}.");
        return 2;
    }

    var problems = await FullReport.RunAsync(Console.Out, quick: false, sections, command);
    return problems.Count == 0 ? 0 : 1;
}

// BenchmarkDotNet: the chat, streaming, embedding and image classes against the fixed-reply server.
var bdnArgs = args is ["--bdn", .. var rest] ? rest : args;
Type[] benchmarks = [typeof(ChatBenchmarks), typeof(StreamingBenchmarks), typeof(EmbeddingBenchmarks), typeof(ImageBenchmarks)];
if (bdnArgs.Length > 0)
{
    BenchmarkSwitcher.FromTypes(benchmarks).Run(bdnArgs, BenchConfig.Create());
}
else
{
    BenchmarkRunner.Run(benchmarks, BenchConfig.Create());
}

return 0;
