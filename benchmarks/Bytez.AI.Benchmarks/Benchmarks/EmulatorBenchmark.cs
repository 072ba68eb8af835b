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
    }

    /// <summary>Stops the clients and the emulator.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        Clients.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _emulator?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
