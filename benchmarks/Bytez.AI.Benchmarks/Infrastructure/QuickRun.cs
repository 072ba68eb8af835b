using Bytez.AI.Benchmarks.Measurements;
using Bytez.AI.Benchmarks.Scenarios;

namespace Bytez.AI.Benchmarks.Infrastructure;

/// <summary>
/// The CI smoke run (<c>--quick</c>): every scenario once, the results checked for agreement, the custom measurements
/// with tiny samples. It prints timings but judges none of them.
/// </summary>
public static class QuickRun
{
    /// <summary>Runs every scenario once.</summary>
    /// <param name="output">Where to write.</param>
    /// <returns>The problems found (empty when every path ran and agreed).</returns>
    public static async Task<IReadOnlyList<string>> RunAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var problems = new List<string>();
        await using (var emulator = await BenchEmulator.StartAsync().ConfigureAwait(false))
        {
            await using var clients = await BenchClients.CreateAsync(emulator.Endpoint).ConfigureAwait(false);

            foreach (var (name, call) in new (string, Func<Task<string>>)[]
            {
                ("chat raw", clients.RawChatAsync), ("chat protocol", clients.ProtocolChatAsync),
                ("chat IChatClient", clients.ChatClientAsync), ("chat OpenAI", clients.OpenAIChatAsync),
            })
            {
                Check(problems, name, await call().ConfigureAwait(false) == BenchEmulator.ChatReply);
            }

            foreach (var (name, call) in new (string, Func<Task<StreamResult>>)[]
            {
                ("stream raw", () => clients.RawStreamAsync()), ("stream protocol", () => clients.ProtocolStreamAsync()),
                ("stream IChatClient", () => clients.ChatClientStreamAsync()), ("stream OpenAI", () => clients.OpenAIStreamAsync()),
            })
            {
                Check(problems, name, (await call().ConfigureAwait(false)).Text == BenchEmulator.StreamReply);
            }

            var floor = await clients.RawEmbeddingsAsync().ConfigureAwait(false);
            Check(problems, "embeddings raw", floor.Length == 256 && floor.All(v => v.Length == 384));
            Check(problems, "embeddings protocol", Same(floor, await clients.ProtocolEmbeddingsAsync().ConfigureAwait(false)));
            Check(problems, "embeddings IEmbeddingGenerator", Same(floor, await clients.GeneratorEmbeddingsAsync().ConfigureAwait(false)));

            foreach (var (name, call) in new (string, Func<Task<byte[]>>)[]
            {
                ("image raw", clients.RawImageAsync), ("image protocol", clients.ProtocolImageAsync), ("image IImageGenerator", clients.ImageGeneratorAsync),
            })
            {
                Check(problems, name, (await call().ConfigureAwait(false)).AsSpan().SequenceEqual(BenchEmulator.Png));
            }

            Reports.StreamTimings(output, await StreamTimings.MeasureAsync(clients, runs: 2).ConfigureAwait(false));
            var (loads, replies) = await RacingFirstCalls.RunAsync(emulator).ConfigureAwait(false);
            Check(problems, "racing first calls: one load", loads == 1);
            Check(problems, "racing first calls: replies", replies.All(r => r == BenchEmulator.ChatReply));
            Reports.Racing(output, [loads], 100);
        }

        Reports.StreamLatency(output, await StreamLatency.MeasureAsync(runs: 1).ConfigureAwait(false));
        Reports.ClientAllocations(output, await ClientAllocations.MeasureAsync(calls: 5).ConfigureAwait(false));

        foreach (var problem in problems)
        {
            output.WriteLine("FAILED: " + problem);
        }

        output.WriteLine(problems.Count == 0 ? "Quick run: every scenario ran and the paths agree." : $"Quick run: {problems.Count} problem(s).");
        return problems;
    }

    private static void Check(List<string> problems, string name, bool ok)
    {
        if (!ok)
        {
            problems.Add(name);
        }
    }

    private static bool Same(float[][] expected, float[][] actual) =>
        expected.Length == actual.Length && expected.Zip(actual).All(p => p.First.AsSpan().SequenceEqual(p.Second));
}
