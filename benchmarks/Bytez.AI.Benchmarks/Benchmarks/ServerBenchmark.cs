using BenchmarkDotNet.Attributes;
using Bytez.AI.Benchmarks.Infrastructure;
using Bytez.AI.Benchmarks.Scenarios;
using Bytez.AI.Benchmarks.Server;

namespace Bytez.AI.Benchmarks.Benchmarks;

/// <summary>
/// Starts the fixed-reply server (so the tables show client cost, not a server's) and every client once per benchmark class.
/// </summary>
public abstract class ServerBenchmark
{
    private FixedReplyServer? _server;

    /// <summary>Gets the clients.</summary>
    protected BenchClients Clients { get; private set; } = null!;

    /// <summary>Starts the server and the clients.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _server = FixedBench.Start();
        Clients = BenchClients.CreateAsync(_server.Endpoint).GetAwaiter().GetResult();

        // Every path of the class runs a while before any is measured, so the first benchmark of a class is not the
        // only one to pay for tiered JIT and connection set-up.
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

    /// <summary>Stops the clients and the server.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        Clients.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _server?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
