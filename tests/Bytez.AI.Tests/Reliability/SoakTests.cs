using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Bytez.AI.Emulator;
using Bytez.AI.Tests.Reliability.Infrastructure;
using Microsoft.Extensions.AI;
using Xunit.Abstractions;

namespace Bytez.AI.Tests.Reliability;

/// <summary>
/// Mixed traffic (chat, streaming chat, embeddings, images, status reads) through the M.E.AI adapters with about 10 %
/// injected faults and random cancellations. Bounded by a request count and a time budget (BYTEZ_SOAK_SECONDS, 30 s by
/// default; BYTEZ_SOAK_REQUESTS, 5,000 by default), whichever ends first; seeded (BYTEZ_SOAK_SEED) for reproducibility.
/// </summary>
public sealed class SoakTests(ITestOutputHelper output)
{
    /// <summary>The managed-memory growth allowed over the baseline, after a full collection.</summary>
    private const long MemoryBoundBytes = 64L * 1024 * 1024;

    private static readonly EmulatorFault[] RunFaults =
    [
        EmulatorFault.ServerErrorHtml, EmulatorFault.RateLimited, EmulatorFault.RateLimitedWithoutRetryAfter,
        EmulatorFault.Unauthorized, EmulatorFault.OutOfCredits, EmulatorFault.ModelNotFound, EmulatorFault.MalformedJson,
        EmulatorFault.EmptyBody, EmulatorFault.StreamTruncatedMidCharacter, EmulatorFault.ConnectionResetMidStream,
        EmulatorFault.SlowFirstByte, EmulatorFault.InBandStreamError, EmulatorFault.InstanceExpiresBeforeRun,
    ];

    private static readonly EmulatorFault[] StatusFaults =
    [
        EmulatorFault.ServerErrorHtml, EmulatorFault.RateLimited, EmulatorFault.Unauthorized, EmulatorFault.MalformedJson,
        EmulatorFault.ConnectionResetMidStream,
    ];

    private enum Kind
    {
        Chat,
        StreamingChat,
        Embeddings,
        Image,
        Status,
    }

    [Fact]
    [Trait("Category", "Soak")]
    public async Task Mixed_traffic_with_faults_and_cancellations_ends_only_in_successes_or_typed_errors()
    {
        var budget = TimeSpan.FromSeconds(Setting("BYTEZ_SOAK_SECONDS", 30));
        var target = Setting("BYTEZ_SOAK_REQUESTS", 5000);
        var seed = Setting("BYTEZ_SOAK_SEED", 20250601);
        var workers = Math.Max(4, Environment.ProcessorCount * 2);

        var harness = await Harness.StartAsync(
            new BytezRetryOptions { MaxRetryAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
            e =>
            {
                // Zero delays: the soak measures the client, not the emulator's pacing.
                e.StartingDelay = TimeSpan.Zero;
                e.InstantiatingDelay = TimeSpan.Zero;
                e.SlowFirstByteDelay = TimeSpan.Zero;
                e.FaultRetryAfter = TimeSpan.Zero;
            },
            c => c.LoadTimeout = TimeSpan.FromSeconds(30));
        var outcomes = new ConcurrentDictionary<string, int>();
        var unexpected = new ConcurrentQueue<Exception>();
        int issued = 0, faults = 0, cancellations = 0;
        int started, stopped;
        long baseline, final;
        TimeSpan elapsed;

        await using (harness)
        {
            var load = new BytezInstanceOptions { LoadOptions = new BytezLoadOptions { Concurrency = 4 } };
            var chat = harness.Client.GetModel(TestModels.Chat).AsIChatClient(new() { LoadOptions = load.LoadOptions });
            var embedder = harness.Client.GetModel(TestModels.SentenceSimilarity).AsIEmbeddingGenerator(new() { LoadOptions = load.LoadOptions });
            var images = harness.Client.GetModel(TestModels.TextToImage).AsIImageGenerator(new() { LoadOptions = load.LoadOptions });
            var status = harness.Client.GetModel(TestModels.TextGeneration);

            // Warm up (loads, JIT, connection pool) before the baseline, so the bound measures growth, not start-up.
            await chat.GetResponseAsync([new(ChatRole.User, "warm up")]);
            await embedder.GenerateAsync(["warm up"]);
            await images.GenerateAsync(new ImageGenerationRequest("warm up"));
            await status.GetStatusAsync();
            baseline = ManagedMemory(output, "baseline");

            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, workers), async (_, _) =>
            {
                while (clock.Elapsed < budget)
                {
                    var index = Interlocked.Increment(ref issued) - 1;
                    if (index >= target)
                    {
                        Interlocked.Decrement(ref issued);
                        return;
                    }

                    var random = new Random(seed + index);
                    var kind = Pick(random);
                    if (random.NextDouble() < 0.10)
                    {
                        Interlocked.Increment(ref faults);
                        var modelId = kind switch
                        {
                            Kind.Chat or Kind.StreamingChat => TestModels.Chat,
                            Kind.Embeddings => TestModels.SentenceSimilarity,
                            Kind.Image => TestModels.TextToImage,
                            _ => TestModels.TextGeneration,
                        };
                        if (kind == Kind.Status)
                        {
                            harness.Emulator.Script(modelId).Fault(StatusFaults[random.Next(StatusFaults.Length)], 1, EmulatorOperation.Status);
                        }
                        else
                        {
                            harness.Emulator.Script(modelId).Fault(RunFaults[random.Next(RunFaults.Length)]);
                        }
                    }

                    using var cts = new CancellationTokenSource();
                    if (random.NextDouble() < 0.05)
                    {
                        Interlocked.Increment(ref cancellations);
                        cts.CancelAfter(TimeSpan.FromMilliseconds(random.Next(0, 4)));
                    }

                    var outcome = await RunOneAsync(kind, chat, embedder, images, status, cts.Token);
                    if (outcome.Unexpected is { } ex)
                    {
                        unexpected.Enqueue(ex);
                    }

                    outcomes.AddOrUpdate($"{kind}: {outcome.Name}", 1, static (_, n) => n + 1);
                }
            });
            elapsed = clock.Elapsed;

            await ((IAsyncDisposable)chat).DisposeAsync();
            await ((IAsyncDisposable)embedder).DisposeAsync();
            await ((IAsyncDisposable)images).DisposeAsync();
            await harness.StopQuietlyAsync(TestModels.TextGeneration);

            Assert.Equal(0, harness.Counter.Undisposed);
            Assert.False(AnyLineHasTheKey(harness.Logs));
            started = harness.Log.InstancesStarted;
            stopped = harness.Log.InstancesStopped;

            // The emulator's request log (every body) and the captured log lines are test instruments, not the client.
            harness.Log.Clear();
            harness.Logs.Clear();
            final = ManagedMemory(output, "final");
            output.WriteLine($"Soak: {issued} requests in {elapsed.TotalSeconds:0.0} s with {workers} workers (budget {budget.TotalSeconds:0} s, target {target}, seed {seed})");
            output.WriteLine($"Faults injected: {faults}; cancellations requested: {cancellations}; HTTP attempts: {harness.Counter.Attempts} ({harness.Counter.Failures} without a response)");
            output.WriteLine($"Instances started {started}, stopped {stopped}");
            output.WriteLine($"Managed memory: baseline {baseline / 1024.0 / 1024:0.0} MB, final {final / 1024.0 / 1024:0.0} MB, growth {(final - baseline) / 1024.0 / 1024:0.0} MB (bound {MemoryBoundBytes / 1024 / 1024} MB)");
            foreach (var (name, count) in outcomes.OrderBy(o => o.Key, StringComparer.Ordinal))
            {
                output.WriteLine($"  {name}: {count}");
            }
        }

        Assert.Empty(unexpected);
        Assert.True(issued >= Math.Min(target, 200), $"Only {issued} requests ran in {elapsed}; the soak proved little.");
        Assert.Equal(issued, outcomes.Values.Sum());
        Assert.Equal(started, stopped);
        Assert.True(final - baseline < MemoryBoundBytes, $"Managed memory grew by {(final - baseline) / 1024 / 1024} MB.");
        Assert.Empty(UnobservedExceptions.Collect());
    }

    /// <summary>
    /// Scans the log line by line, in its own frame: a snapshot of every line held in this test's frame would still be
    /// reachable when memory is measured, and joining them would park megabytes in ArrayPool&lt;char&gt;.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static bool AnyLineHasTheKey(CapturingLoggerFactory logs) =>
        logs.Lines.Any(line => line.Contains(Harness.ApiKey, StringComparison.Ordinal));

    private static Kind Pick(Random random) => random.Next(100) switch
    {
        < 30 => Kind.Chat,
        < 55 => Kind.StreamingChat,
        < 75 => Kind.Embeddings,
        < 85 => Kind.Image,
        _ => Kind.Status,
    };

    private static async Task<(string Name, Exception? Unexpected)> RunOneAsync(
        Kind kind, IChatClient chat, IEmbeddingGenerator<string, Embedding<float>> embedder, IImageGenerator images, BytezModel status, CancellationToken cancellationToken)
    {
        try
        {
            switch (kind)
            {
                case Kind.Chat:
                    await chat.GetResponseAsync([new(ChatRole.User, "What is the capital of France?")], cancellationToken: cancellationToken);
                    break;
                case Kind.StreamingChat:
                    await foreach (var update in chat.GetStreamingResponseAsync([new(ChatRole.User, "Tell me about foxes.")], cancellationToken: cancellationToken))
                    {
                        _ = update.Text;
                    }

                    break;
                case Kind.Embeddings:
                    await embedder.GenerateAsync(["The quick brown fox", "jumps over the lazy dog"], cancellationToken: cancellationToken);
                    break;
                case Kind.Image:
                    await images.GenerateAsync(new ImageGenerationRequest("a red fox"), cancellationToken: cancellationToken);
                    break;
                default:
                    await status.GetStatusAsync(cancellationToken);
                    break;
            }

            return ("success", null);
        }
        catch (OperationCanceledException)
        {
            return (nameof(OperationCanceledException), null);
        }
        catch (BytezException ex)
        {
            return (ex.GetType().Name, null);
        }
        catch (Exception ex)
        {
            return ("UNEXPECTED " + ex.GetType().Name, ex);
        }
    }

    /// <summary>Live managed bytes after a full, compacting collection (the large-object heap included).</summary>
    private static long ManagedMemory(ITestOutputHelper output, string label)
    {
        for (var i = 0; i < 2; i++)
        {
            System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        output.WriteLine($"{label}: total {GC.GetTotalMemory(false) / 1024 / 1024} MB; heap {info.HeapSizeBytes / 1024 / 1024} MB, fragmented {info.FragmentedBytes / 1024 / 1024} MB; gens {string.Join(", ", Enumerable.Range(0, info.GenerationInfo.Length).Select(g => $"{g}:{info.GenerationInfo[g].SizeAfterBytes / 1024 / 1024}"))} MB");
        return GC.GetTotalMemory(false);
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
