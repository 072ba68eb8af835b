using Bytez.AI.Benchmarks.Infrastructure;
using Bytez.AI.Benchmarks.Scenarios;
using Bytez.AI.Emulator;

namespace Bytez.AI.Benchmarks.Tests;

/// <summary>One emulator and one set of benchmark clients for every test in the class.</summary>
public sealed class BenchFixture : IAsyncLifetime
{
    public BytezEmulator Emulator { get; private set; } = null!;

    public BenchClients Clients { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await BenchEmulator.StartAsync();
        Clients = await BenchClients.CreateAsync(Emulator.Endpoint);
    }

    public async Task DisposeAsync()
    {
        await Clients.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
