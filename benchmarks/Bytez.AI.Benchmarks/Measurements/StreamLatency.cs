using System.Diagnostics;
using Bytez.AI.Benchmarks.Infrastructure;
using Bytez.AI.Benchmarks.Scenarios;

namespace Bytez.AI.Benchmarks.Measurements;

/// <summary>
/// The delay between a streamed chunk arriving at the client (the socket read that brought it, stamped by a
/// <see cref="SocketReadProbe"/>) and its update reaching the caller. The emulator spaces chunks by a few milliseconds so
/// each arrives in its own read; same process, same clock.
/// </summary>
public static class StreamLatency
{
    /// <summary>The pause between chunks, long enough that every chunk is a separate socket read.</summary>
    public static readonly TimeSpan ChunkSpacing = TimeSpan.FromMilliseconds(3);

    /// <summary>Measures every streaming path.</summary>
    /// <param name="runs">Streams per path (each has 200 chunks); the first run of each path is a warm-up and not counted.</param>
    /// <returns>The delays per path.</returns>
    public static async Task<IReadOnlyList<(string Path, Percentiles Delay)>> MeasureAsync(int runs = 3)
    {
        await using var emulator = await BenchEmulator.StartAsync(ChunkSpacing).ConfigureAwait(false);
        var probe = new SocketReadProbe();
        await using var clients = await BenchClients.CreateAsync(emulator.Endpoint, probe.CreateHandler).ConfigureAwait(false);

        var paths = new (string Name, Func<Action, Task<StreamResult>> Stream)[]
        {
            ("Raw HttpClient", clients.RawStreamAsync),
            ("Protocol RunStreamingAsync", clients.ProtocolStreamAsync),
            ("Bytez IChatClient", clients.ChatClientStreamAsync),
            ("OpenAI IChatClient", clients.OpenAIStreamAsync),
        };

        var results = new List<(string, Percentiles)>();
        foreach (var (name, stream) in paths)
        {
            var samples = new List<double>();
            for (var run = 0; run <= runs; run++)
            {
                var counted = run > 0;
                var result = await stream(() =>
                {
                    if (counted)
                    {
                        samples.Add(Stopwatch.GetElapsedTime(probe.LastRead).TotalMilliseconds);
                    }
                }).ConfigureAwait(false);
                if (result.Text != BenchEmulator.StreamReply)
                {
                    throw new InvalidOperationException($"{name} streamed a different text.");
                }
            }

            results.Add((name, Percentiles.Of(samples)));
        }

        return results;
    }
}
