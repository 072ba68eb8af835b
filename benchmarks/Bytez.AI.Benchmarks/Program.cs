using BenchmarkDotNet.Running;
using Bytez.AI.Benchmarks.Benchmarks;
using Bytez.AI.Benchmarks.Infrastructure;
using Bytez.AI.Benchmarks.Measurements;
using Bytez.AI.Benchmarks.Scenarios;

// dotnet run -c Release --project benchmarks/Bytez.AI.Benchmarks              full run (BenchmarkDotNet + measurements)
// dotnet run -c Release --project benchmarks/Bytez.AI.Benchmarks -- --quick   CI smoke: every scenario once, no judging of timings
// dotnet run -c Release --project benchmarks/Bytez.AI.Benchmarks -- --filter *Chat*   BenchmarkDotNet arguments
if (args is ["--serve"])
{
    // Child process of ClientAllocations: host the emulator until standard input closes.
    await using var emulator = await BenchEmulator.StartAsync();
    Console.WriteLine($"listening {emulator.Endpoint}");
    await Console.In.ReadToEndAsync();
    return 0;
}

if (args is ["--quick"])
{
    var problems = await QuickRun.RunAsync(Console.Out);
    return problems.Count == 0 ? 0 : 1;
}

Type[] benchmarks = [typeof(ChatBenchmarks), typeof(StreamingBenchmarks), typeof(EmbeddingBenchmarks), typeof(ImageBenchmarks)];
var config = BenchConfig.Create();
if (args.Length > 0)
{
    BenchmarkSwitcher.FromTypes(benchmarks).Run(args, config);
    return 0;
}

BenchmarkRunner.Run(benchmarks, config);

Console.WriteLine();
Console.WriteLine("## Measurements");
Console.WriteLine();
await using (var emulator = await BenchEmulator.StartAsync())
{
    await using var clients = await BenchClients.CreateAsync(emulator.Endpoint);
    Reports.StreamTimings(Console.Out, await StreamTimings.MeasureAsync(clients));
    var loads = new List<int>();
    for (var round = 0; round < 5; round++)
    {
        loads.Add((await RacingFirstCalls.RunAsync(emulator)).Loads);
    }

    Reports.Racing(Console.Out, loads, 100);
}

Reports.StreamLatency(Console.Out, await StreamLatency.MeasureAsync());
Reports.ClientAllocations(Console.Out, await ClientAllocations.MeasureAsync());
return 0;
