using BenchmarkDotNet.Attributes;
using Bytez.AI.Benchmarks.Scenarios;

namespace Bytez.AI.Benchmarks.Benchmarks;

/// <summary>(b) A streamed reply of 200 chunks, read to the end.</summary>
public class StreamingBenchmarks : ServerBenchmark
{
    /// <summary>The floor.</summary>
    /// <returns>The stream.</returns>
    [Benchmark(Baseline = true, Description = "Raw HttpClient")]
    public Task<StreamResult> Raw() => Clients.RawStreamAsync();

    /// <summary>The protocol client.</summary>
    /// <returns>The stream.</returns>
    [Benchmark(Description = "Protocol RunStreamingAsync")]
    public Task<StreamResult> Protocol() => Clients.ProtocolStreamAsync();

    /// <summary>Our IChatClient.</summary>
    /// <returns>The stream.</returns>
    [Benchmark(Description = "Bytez IChatClient")]
    public Task<StreamResult> ChatClient() => Clients.ChatClientStreamAsync();

    /// <summary>The OpenAI adapter.</summary>
    /// <returns>The stream.</returns>
    [Benchmark(Description = "OpenAI IChatClient")]
    public Task<StreamResult> OpenAI() => Clients.OpenAIStreamAsync();

    /// <inheritdoc />
    protected override int WarmUpRounds => 30;

    /// <inheritdoc />
    protected override async Task WarmUpAsync()
    {
        await Raw();
        await Protocol();
        await ChatClient();
        await OpenAI();
    }
}
