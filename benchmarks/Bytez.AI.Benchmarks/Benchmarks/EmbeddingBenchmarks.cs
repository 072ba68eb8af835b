using BenchmarkDotNet.Attributes;

namespace Bytez.AI.Benchmarks.Benchmarks;

/// <summary>(c) A batch of 256 embeddings (one run per input, one at a time: the instance's concurrency is 1).</summary>
public class EmbeddingBenchmarks : ServerBenchmark
{
    /// <summary>The floor.</summary>
    /// <returns>The vectors.</returns>
    [Benchmark(Baseline = true, Description = "Raw HttpClient")]
    public Task<float[][]> Raw() => Clients.RawEmbeddingsAsync();

    /// <summary>The protocol client.</summary>
    /// <returns>The vectors.</returns>
    [Benchmark(Description = "Protocol RunAsync")]
    public Task<float[][]> Protocol() => Clients.ProtocolEmbeddingsAsync();

    /// <summary>Our IEmbeddingGenerator.</summary>
    /// <returns>The vectors.</returns>
    [Benchmark(Description = "Bytez IEmbeddingGenerator")]
    public Task<float[][]> Generator() => Clients.GeneratorEmbeddingsAsync();

    /// <inheritdoc />
    protected override int WarmUpRounds => 1;

    /// <inheritdoc />
    protected override async Task WarmUpAsync()
    {
        await Raw();
        await Protocol();
        await Generator();
    }
}
