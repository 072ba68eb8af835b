using Bytez.AI.Benchmarks.Scenarios;

namespace Bytez.AI.Benchmarks.Infrastructure;

/// <summary>Runs every comparison scenario once and checks that all paths return the same result.</summary>
public static class ScenarioChecks
{
    /// <summary>Runs each scenario once on every path.</summary>
    /// <param name="clients">The clients (against the emulator or the fixed-reply server).</param>
    /// <param name="server">The server's name, for the problem list.</param>
    /// <param name="expectedVector">The embedding vector every input gets, when the server answers a fixed one; null to compare paths only.</param>
    /// <returns>The names of the scenarios whose paths disagreed.</returns>
    public static async Task<IReadOnlyList<string>> RunAsync(BenchClients clients, string server, float[]? expectedVector = null)
    {
        ArgumentNullException.ThrowIfNull(clients);
        var problems = new List<string>();
        void Check(string name, bool ok)
        {
            if (!ok)
            {
                problems.Add($"{server}: {name}");
            }
        }

        foreach (var (name, call) in new (string, Func<Task<string>>)[]
        {
            ("chat raw", clients.RawChatAsync), ("chat protocol", clients.ProtocolChatAsync), ("chat protocol, retries off", clients.ProtocolChatNoRetryAsync),
            ("chat IChatClient", clients.ChatClientAsync), ("chat OpenAI", clients.OpenAIChatAsync),
        })
        {
            Check(name, await call().ConfigureAwait(false) == BenchEmulator.ChatReply);
        }

        foreach (var (name, call) in new (string, Func<Task<StreamResult>>)[]
        {
            ("stream raw", () => clients.RawStreamAsync()), ("stream protocol", () => clients.ProtocolStreamAsync()),
            ("stream IChatClient", () => clients.ChatClientStreamAsync()), ("stream OpenAI", () => clients.OpenAIStreamAsync()),
        })
        {
            Check(name, (await call().ConfigureAwait(false)).Text == BenchEmulator.StreamReply);
        }

        var floor = await clients.RawEmbeddingsAsync().ConfigureAwait(false);
        Check("embeddings raw", floor.Length == clients.EmbeddingInputs.Length && floor.All(v => v.Length == 384)
            && (expectedVector is null || floor.All(v => v.AsSpan().SequenceEqual(expectedVector))));
        Check("embeddings protocol", Same(floor, await clients.ProtocolEmbeddingsAsync().ConfigureAwait(false)));
        Check("embeddings IEmbeddingGenerator", Same(floor, await clients.GeneratorEmbeddingsAsync().ConfigureAwait(false)));

        if (clients.ApiVersion != BytezApiVersion.V1)
        {
            return problems; // the image scenario reads v1's output_png
        }

        foreach (var (name, call) in new (string, Func<Task<byte[]>>)[]
        {
            ("image raw", clients.RawImageAsync), ("image protocol", clients.ProtocolImageAsync), ("image IImageGenerator", clients.ImageGeneratorAsync),
        })
        {
            Check(name, (await call().ConfigureAwait(false)).AsSpan().SequenceEqual(BenchEmulator.Png));
        }

        return problems;
    }

    private static bool Same(float[][] expected, float[][] actual) =>
        expected.Length == actual.Length && expected.Zip(actual).All(p => p.First.AsSpan().SequenceEqual(p.Second));
}
