using BenchmarkDotNet.Attributes;

namespace Bytez.AI.Benchmarks.Benchmarks;

/// <summary>(a) One non-streaming chat call (a ~60-word reply).</summary>
public class ChatBenchmarks : ServerBenchmark
{
    /// <summary>The floor.</summary>
    /// <returns>The reply.</returns>
    [Benchmark(Baseline = true, Description = "Raw HttpClient")]
    public Task<string> Raw() => Clients.RawChatAsync();

    /// <summary>The protocol client.</summary>
    /// <returns>The reply.</returns>
    [Benchmark(Description = "Protocol RunAsync")]
    public Task<string> Protocol() => Clients.ProtocolChatAsync();

    /// <summary>Our IChatClient.</summary>
    /// <returns>The reply.</returns>
    [Benchmark(Description = "Bytez IChatClient")]
    public Task<string> ChatClient() => Clients.ChatClientAsync();

    /// <summary>The OpenAI adapter.</summary>
    /// <returns>The reply.</returns>
    [Benchmark(Description = "OpenAI IChatClient")]
    public Task<string> OpenAI() => Clients.OpenAIChatAsync();

    /// <inheritdoc />
    protected override async Task WarmUpAsync()
    {
        await Raw();
        await Protocol();
        await ChatClient();
        await OpenAI();
    }
}
