using Bytez.AI.Benchmarks.Scenarios;

namespace Bytez.AI.Benchmarks.Measurements;

/// <summary>Time to first update and total time of a 200-chunk stream, per path (no chunk delay).</summary>
public static class StreamTimings
{
    /// <summary>Streams <paramref name="runs"/> times per path, after one warm-up stream each.</summary>
    /// <param name="clients">The clients.</param>
    /// <param name="runs">Streams per path.</param>
    /// <returns>First-update and total percentiles per path.</returns>
    public static async Task<IReadOnlyList<(string Path, Percentiles FirstUpdate, Percentiles Total)>> MeasureAsync(BenchClients clients, int runs = 50)
    {
        ArgumentNullException.ThrowIfNull(clients);
        var paths = new (string Name, Func<Task<StreamResult>> Stream)[]
        {
            ("Raw HttpClient", () => clients.RawStreamAsync()),
            ("Protocol RunStreamingAsync", () => clients.ProtocolStreamAsync()),
            ("Bytez IChatClient", () => clients.ChatClientStreamAsync()),
            ("OpenAI IChatClient", () => clients.OpenAIStreamAsync()),
        };

        var results = new List<(string, Percentiles, Percentiles)>();
        foreach (var (name, stream) in paths)
        {
            _ = await stream().ConfigureAwait(false);
            var first = new List<double>(runs);
            var total = new List<double>(runs);
            for (var i = 0; i < runs; i++)
            {
                var result = await stream().ConfigureAwait(false);
                first.Add(result.FirstUpdate.TotalMilliseconds);
                total.Add(result.Total.TotalMilliseconds);
            }

            results.Add((name, Percentiles.Of(first), Percentiles.Of(total)));
        }

        return results;
    }
}
