using System.Diagnostics;
using System.Runtime.CompilerServices;
using Bytez.AI.Benchmarks.Infrastructure;
using Bytez.AI.Benchmarks.Server;
using Bytez.AI.Benchmarks.Sweeps;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Benchmarks.Measurements;

/// <summary>What consuming one long stream cost a path.</summary>
/// <param name="Path">The path.</param>
/// <param name="PeakHeapBytes">Peak managed heap above the baseline, sampled during the stream (median over runs, then lowest and highest).</param>
/// <param name="PeakHeapMin">The lowest peak over the runs.</param>
/// <param name="PeakHeapMax">The highest peak over the runs.</param>
/// <param name="PeakLiveBytes">Most managed memory still reachable at any checkpoint (a full blocking collection every 5 MB of text and at the last update).</param>
/// <param name="AllocatedBytes">Bytes allocated by the whole call (median over runs).</param>
/// <param name="Seconds">The time to consume the stream (median over runs).</param>
public sealed record StreamingMemoryResult(string Path, double PeakHeapBytes, double PeakHeapMin, double PeakHeapMax, double PeakLiveBytes, double AllocatedBytes, double Seconds);

/// <summary>
/// Memory while a caller consumes a long streamed reply (50 MB in a full run) and keeps none of it, on every streaming
/// path, against the fixed-reply server. Two kinds of run per path, in turn:
/// <list type="bullet">
/// <item><description>heap runs: a sampler thread (every millisecond) and the consumer (every 256 pieces) read
/// <see cref="GC.GetTotalMemory(bool)"/> without collecting; the peak above the baseline taken after a full collection is
/// what the process's managed heap really reached, garbage not yet collected included (so it depends on the GC's gen0
/// budget too, the same for every path);</description></item>
/// <item><description>live runs: a full blocking collection every 5 MB of text and at the final update; the largest
/// reachable size is what the client holds (a kept copy of the reply shows here, whatever the GC timing).</description></item>
/// </list>
/// Allocated bytes (<see cref="GC.GetTotalAllocatedBytes(bool)"/>, exact) come from the heap runs.
/// </summary>
public static class StreamingMemory
{
    /// <summary>The streaming model of this measurement.</summary>
    public const string Model = "memory/stream-instruct";

    private const int CheckpointChars = 5 * 1024 * 1024;

    /// <summary>Measures every path.</summary>
    /// <param name="megabytes">The length of the stream in MB (of ASCII text).</param>
    /// <param name="runs">Heap runs and live runs per path.</param>
    /// <param name="problems">Receives paths that streamed a different text.</param>
    /// <returns>One result per path.</returns>
    public static async Task<IReadOnlyList<StreamingMemoryResult>> MeasureAsync(int megabytes, int runs, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var piece = BenchText.Of(SweepInputs.StreamChunkChars, seed: 5);
        var count = megabytes * 1024 * 1024 / piece.Length;
        await using var server = FixedReplyServer.Start();
        FixedBench.AddLifecycle(server, []);
        server.Set("model/run", Model, CannedReply.RepeatedStream(piece, count));
        await using var clients = new SweepClients(server.Endpoint, SweepInputs.StreamChunkChars);

        var model = clients.Model(Model);
        var chat = clients.Chat(Model);
        var input = BytezInput.FromMessages([new BytezChatMessage("user", "Stream.")]);
        ChatMessage[] messages = [new(ChatRole.User, "Stream.")];
        var paths = new (string Name, Func<IAsyncEnumerable<(string Text, bool Final)>> Stream)[]
        {
            ("Raw HttpClient (a string per read, kept by no one)", () => Pieces(clients.Raw.StreamPiecesAsync(Model, "Stream."))),
            ("Protocol RunStreamingAsync", () => Pieces(model.RunStreamingAsync(input))),
            ("Bytez IChatClient", () => Updates(chat.GetStreamingResponseAsync(messages))),
            ("Bytez IChatClient, MaxOutputTokens set", () => Updates(chat.GetStreamingResponseAsync(messages, SweepClients.WithMaxOutputTokens))),
        };

        var expected = (Chars: (long)count * piece.Length, Hash: ExpectedHash(piece, count));
        var heap = paths.Select(_ => new List<(double Peak, double Allocated, double Seconds)>()).ToArray();
        var live = paths.Select(_ => new List<double>()).ToArray();
        for (var run = 0; run < runs; run++)
        {
            for (var k = 0; k < paths.Length; k++)
            {
                var i = (k + run) % paths.Length;
                heap[i].Add(await HeapRunAsync(paths[i].Name, paths[i].Stream, expected, problems).ConfigureAwait(false));
                live[i].Add(await LiveRunAsync(paths[i].Name, paths[i].Stream, expected, problems).ConfigureAwait(false));
            }
        }

        return [.. paths.Select((p, i) => new StreamingMemoryResult(
            p.Name,
            Stats.Median([.. heap[i].Select(h => h.Peak)]),
            heap[i].Min(h => h.Peak),
            heap[i].Max(h => h.Peak),
            live[i].Max(),
            Stats.Median([.. heap[i].Select(h => h.Allocated)]),
            Stats.Median([.. heap[i].Select(h => h.Seconds)])))];
    }

    private static async Task<(double Peak, double Allocated, double Seconds)> HeapRunAsync(
        string name, Func<IAsyncEnumerable<(string Text, bool Final)>> stream, (long Chars, ulong Hash) expected, ICollection<string> problems)
    {
        var baseline = Baseline();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var peak = baseline;
        var done = false;
        var sampler = new Thread(() =>
        {
            while (!Volatile.Read(ref done))
            {
                InterlockedMax(ref peak, GC.GetTotalMemory(forceFullCollection: false));
                Thread.Sleep(1);
            }
        })
        { IsBackground = true, Priority = ThreadPriority.AboveNormal };
        sampler.Start();

        var started = Stopwatch.GetTimestamp();
        long chars = 0;
        var hash = Fnv.Offset;
        var pieces = 0;
        await foreach (var (text, _) in stream().ConfigureAwait(false))
        {
            chars += text.Length;
            hash = Fnv.Add(hash, text);
            if (++pieces % 256 == 0)
            {
                InterlockedMax(ref peak, GC.GetTotalMemory(forceFullCollection: false));
            }
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Volatile.Write(ref done, true);
        sampler.Join();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Check(name, (chars, hash), expected, problems);
        return (Interlocked.Read(ref peak) - baseline, allocated, seconds);
    }

    private static async Task<double> LiveRunAsync(
        string name, Func<IAsyncEnumerable<(string Text, bool Final)>> stream, (long Chars, ulong Hash) expected, ICollection<string> problems)
    {
        var baseline = Baseline();
        long peak = 0;
        long chars = 0;
        var next = CheckpointChars;
        var hash = Fnv.Offset;
        await foreach (var (text, final) in stream().ConfigureAwait(false))
        {
            chars += text.Length;
            hash = Fnv.Add(hash, text);
            if (chars >= next || final)
            {
                next += CheckpointChars;
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }
        }

        Check(name, (chars, hash), expected, problems);
        return peak;
    }

    private static long Baseline()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static void Check(string name, (long Chars, ulong Hash) actual, (long Chars, ulong Hash) expected, ICollection<string> problems)
    {
        if (actual != expected && !problems.Contains($"streaming memory: {name} streamed a different text"))
        {
            problems.Add($"streaming memory: {name} streamed a different text");
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    private static ulong ExpectedHash(string piece, int count)
    {
        var hash = Fnv.Offset;
        for (var i = 0; i < count; i++)
        {
            hash = Fnv.Add(hash, piece);
        }

        return hash;
    }

    private static async IAsyncEnumerable<(string, bool)> Pieces(IAsyncEnumerable<string> pieces, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var piece in pieces.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return (piece, false);
        }
    }

    private static async IAsyncEnumerable<(string, bool)> Updates(IAsyncEnumerable<ChatResponseUpdate> updates, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var update in updates.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return (update.Text, update.FinishReason is not null);
        }
    }

    /// <summary>FNV-1a over UTF-16 code units: order-sensitive, so pieces joined differently give the same hash only for the same text.</summary>
    private static class Fnv
    {
        public const ulong Offset = 14695981039346656037;

        public static ulong Add(ulong hash, string text)
        {
            foreach (var c in text)
            {
                hash = (hash ^ c) * 1099511628211;
            }

            return hash;
        }
    }
}
