using BenchmarkDotNet.Attributes;

namespace Bytez.AI.Benchmarks.Benchmarks;

/// <summary>(d) A text-to-image call whose answer carries a ~1 MB PNG as base64.</summary>
public class ImageBenchmarks : ServerBenchmark
{
    /// <summary>The floor.</summary>
    /// <returns>The PNG.</returns>
    [Benchmark(Baseline = true, Description = "Raw HttpClient")]
    public Task<byte[]> Raw() => Clients.RawImageAsync();

    /// <summary>The protocol client.</summary>
    /// <returns>The PNG.</returns>
    [Benchmark(Description = "Protocol RunAsync")]
    public Task<byte[]> Protocol() => Clients.ProtocolImageAsync();

    /// <summary>Our IImageGenerator.</summary>
    /// <returns>The PNG.</returns>
    [Benchmark(Description = "Bytez IImageGenerator")]
    public Task<byte[]> Generator() => Clients.ImageGeneratorAsync();

    /// <inheritdoc />
    protected override int WarmUpRounds => 10;

    /// <inheritdoc />
    protected override async Task WarmUpAsync()
    {
        await Raw();
        await Protocol();
        await Generator();
    }
}
