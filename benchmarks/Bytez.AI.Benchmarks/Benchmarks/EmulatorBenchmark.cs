using BenchmarkDotNet.Attributes;
using Bytez.AI.Benchmarks.Infrastructure;
using Bytez.AI.Benchmarks.Scenarios;
using Bytez.AI.Emulator;

namespace Bytez.AI.Benchmarks.Benchmarks;

/// <summary>Starts the in-process emulator and every client once per benchmark class.</summary>
public abstract class EmulatorBenchmark
{
    private BytezEmulator? _emulator;

    /// <summary>Gets the clients.</summary>
    protected BenchClients Clients { get; private set; } = null!;

    /// <summary>Starts the emulator and the clients.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _emulator = BenchEmulator.StartAsync().GetAwaiter().GetResult();
        Clients = BenchClients.CreateAsync(_emulator.Endpoint).GetAwaiter().GetResult();

        // Every path of the class runs a while before any is measured, so the first benchmark of a class is not the
        // only one to pay for tiered JIT, connection set-up and the emulator's own warm-up.
        for (var round = 0; round < WarmUpRounds; round++)
        {
            WarmUpAsync().GetAwaiter().GetResult();
        }
    }

    /// <summary>Gets how many times <see cref="WarmUpAsync"/> runs before measuring.</summary>
    protected virtual int WarmUpRounds => 100;

    /// <summary>Calls every path of the class once.</summary>
    /// <returns>A task that completes when done.</returns>
    protected abstract Task WarmUpAsync();

    /// <summary>Stops the clients and the emulator.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        Clients.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _emulator?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
