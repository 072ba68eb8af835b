using Bytez.AI.Benchmarks.Infrastructure;
using Bytez.AI.Benchmarks.Measurements;
using Bytez.AI.Benchmarks.Scenarios;
using Bytez.AI.Emulator;
using static Bytez.AI.Benchmarks.Infrastructure.Units;

namespace Bytez.AI.Benchmarks.Report;

/// <summary>One interleaved comparison: its title, what one call is, and the results.</summary>
/// <param name="Key">A short key for the goals table.</param>
/// <param name="Title">The table's title.</param>
/// <param name="Results">The paths; the first is the baseline.</param>
public sealed record Comparison(string Key, string Title, IReadOnlyList<InterleavedResult> Results)
{
    /// <summary>Gets a path's result by name.</summary>
    /// <param name="name">The path name.</param>
    /// <returns>The result.</returns>
    public InterleavedResult this[string name] => Results.Single(r => r.Name == name);
}

/// <summary>How many rounds and calls per batch the comparisons run.</summary>
/// <param name="Rounds">Measured rounds.</param>
/// <param name="WarmUpRounds">Rounds not counted.</param>
/// <param name="Scale">Multiplies every comparison's batch size (1 in a full run; the quick run uses 1 call per batch).</param>
/// <param name="WarmUp">How long each path runs before the warm-up rounds, so that every path is measured at its final JIT tier.</param>
public sealed record ComparisonBudget(int Rounds, int WarmUpRounds, double Scale, TimeSpan WarmUp)
{
    /// <summary>Gets the budget of a full run.</summary>
    public static ComparisonBudget Full { get; } = new(Rounds: 30, WarmUpRounds: 3, Scale: 1, WarmUp: TimeSpan.FromSeconds(1.5));

    /// <summary>Gets the budget of the CI smoke run.</summary>
    public static ComparisonBudget Quick { get; } = new(Rounds: 1, WarmUpRounds: 0, Scale: 0, WarmUp: TimeSpan.Zero);

    /// <summary>Gets the batch size for a comparison whose full-run batch is <paramref name="full"/>.</summary>
    /// <param name="full">The full-run batch.</param>
    /// <returns>The batch, at least 1.</returns>
    public int Batch(int full) => Math.Max(1, (int)(full * Scale));
}

/// <summary>
/// The comparisons with the raw floor: every path in turn, round after round (<see cref="Interleaved"/>), against the
/// fixed-reply server (the headline: only client cost differs), in memory (no network at all), and against the emulator
/// (to show how much of a difference a heavier server hides).
/// </summary>
public static class ComparisonSection
{
    /// <summary>The chat comparison on the fixed-reply server.</summary>
    public const string ChatKey = "chat-fixed";

    /// <summary>The chat comparison on the fixed-reply server, API v1.</summary>
    public const string ChatV1Key = "chat-fixed-v1";

    /// <summary>The in-memory chat comparison.</summary>
    public const string InMemoryKey = "chat-memory";

    /// <summary>The chat comparison through the in-memory handler, API v1.</summary>
    public const string InMemoryV1Key = "chat-memory-v1";

    /// <summary>The streamed comparison on the fixed-reply server.</summary>
    public const string StreamKey = "stream-fixed";

    /// <summary>Runs every comparison and prints a table for each.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="budget">Rounds and batches.</param>
    /// <param name="problems">Receives disagreements between paths.</param>
    /// <returns>The comparisons.</returns>
    public static async Task<IReadOnlyList<Comparison>> RunAsync(TextWriter output, ComparisonBudget budget, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(problems);
        var comparisons = new List<Comparison>();
        output.WriteLine("### Comparisons with raw HttpClient (interleaved)");
        output.WriteLine();
        output.WriteLine(Invariant($"Each round runs a batch of calls of every path in turn (order rotated each round); {budget.Rounds} rounds after {budget.WarmUpRounds} warm-up rounds. Time: median over rounds of the mean wall-clock time per call, with the interquartile range. Ratio: each round's time divided by raw's in the same round, median and IQR. CPU: the process's CPU time per call (all threads, in-process server included; not counting time spent waiting for a core, so steadier on a shared machine) and its ratio to raw, medians. Allocated: bytes per call (process-wide: the fixed-reply server and the in-memory handler allocate nothing per request that the raw path does not also cause; against the emulator it includes the emulator's own)."));
        output.WriteLine();

        await using (var server = FixedBench.Start())
        {
            // The headline: API v2, the default generation users run. v1 keeps the chat table and the image call (v2
            // answers media as a link or raw bytes, another operation).
            await using var clients = await BenchClients.CreateAsync(server.Endpoint, apiVersion: BytezApiVersion.V2).ConfigureAwait(false);
            await using var v1 = await BenchClients.CreateAsync(server.Endpoint, apiVersion: BytezApiVersion.V1).ConfigureAwait(false);
            foreach (var problem in (await ScenarioChecks.RunAsync(clients, "fixed-reply server, v2", FixedBench.Vector).ConfigureAwait(false))
                .Concat(await ScenarioChecks.RunAsync(v1, "fixed-reply server, v1", FixedBench.Vector).ConfigureAwait(false)))
            {
                problems.Add(problem);
            }

            comparisons.Add(await RunAsync(output, budget, ChatKey, "Chat call (~60-word reply), API v2, fixed-reply server", 100,
            [
                new("Raw HttpClient", clients.RawChatAsync),
                new("Protocol RunAsync", clients.ProtocolChatAsync),
                new("Protocol RunAsync, retries off", clients.ProtocolChatNoRetryAsync),
                new("Bytez IChatClient", clients.ChatClientAsync),
                new("OpenAI IChatClient (M.E.AI.OpenAI)", clients.OpenAIChatAsync),
            ]).ConfigureAwait(false));

            comparisons.Add(await RunAsync(output, budget, ChatV1Key, "Chat call (~60-word reply), API v1, fixed-reply server", 100,
            [
                new("Raw HttpClient (v1)", v1.RawChatAsync),
                new("Protocol RunAsync (v1)", v1.ProtocolChatAsync),
                new("Bytez IChatClient (v1)", v1.ChatClientAsync),
            ]).ConfigureAwait(false));

            comparisons.Add(await RunAsync(output, budget, StreamKey, "Streamed reply of 200 chunks read to the end, API v2, fixed-reply server", 20,
            [
                new("Raw HttpClient", () => clients.RawStreamAsync()),
                new("Protocol RunStreamingAsync", () => clients.ProtocolStreamAsync()),
                new("Bytez IChatClient", () => clients.ChatClientStreamAsync()),
                new("OpenAI IChatClient (M.E.AI.OpenAI)", () => clients.OpenAIStreamAsync()),
            ]).ConfigureAwait(false));

            comparisons.Add(await RunAsync(output, budget, "embeddings-fixed", "Embeddings batch of 256 inputs (one run per input), API v2, fixed-reply server", 2,
            [
                new("Raw HttpClient", clients.RawEmbeddingsAsync),
                new("Protocol RunAsync", clients.ProtocolEmbeddingsAsync),
                new("Bytez IEmbeddingGenerator", clients.GeneratorEmbeddingsAsync),
            ]).ConfigureAwait(false));

            comparisons.Add(await RunAsync(output, budget, "image-fixed", "Text-to-image call returning a ~1 MB PNG (1.4 MB of base64 in JSON), API v1, fixed-reply server", 5,
            [
                new("Raw HttpClient", v1.RawImageAsync),
                new("Protocol RunAsync", v1.ProtocolImageAsync),
                new("Bytez IImageGenerator", v1.ImageGeneratorAsync),
            ]).ConfigureAwait(false));
        }

        await using (var memory = new InMemoryChat())
        {
            await CheckAgreeAsync(memory, "in memory", problems).ConfigureAwait(false);
            comparisons.Add(await RunAsync(output, budget, InMemoryKey, "Chat call, API v2, in-memory handler (no socket: client CPU and allocations only)", 2000,
            [
                new("Raw HttpClient", memory.RawAsync),
                new("Protocol RunAsync (with BytezRetryHandler)", memory.ProtocolAsync),
                new("Protocol RunAsync, no retry handler", memory.ProtocolWithoutRetriesAsync),
                new("Bytez IChatClient (with BytezRetryHandler)", memory.ChatClientAsync),
            ]).ConfigureAwait(false));
        }

        await using (var memory = new InMemoryChat(BytezApiVersion.V1))
        {
            await CheckAgreeAsync(memory, "in memory, v1", problems).ConfigureAwait(false);
            comparisons.Add(await RunAsync(output, budget, InMemoryV1Key, "Chat call, API v1, in-memory handler (no socket: client CPU and allocations only)", 2000,
            [
                new("Raw HttpClient (v1)", memory.RawAsync),
                new("Protocol RunAsync (v1)", memory.ProtocolAsync),
                new("Bytez IChatClient (v1)", memory.ChatClientAsync),
            ]).ConfigureAwait(false));
        }

        await using (var emulator = await BenchEmulator.StartAsync().ConfigureAwait(false))
        {
            await using var clients = await BenchClients.CreateAsync(emulator.Endpoint, apiVersion: BytezApiVersion.V2).ConfigureAwait(false);
            comparisons.Add(await RunAsync(output, budget, "chat-emulator", "Chat call, API v2, in-process emulator (for comparison: the emulator's own cost is in every path)", 50,
            [
                new("Raw HttpClient", clients.RawChatAsync),
                new("Protocol RunAsync", clients.ProtocolChatAsync),
                new("Bytez IChatClient", clients.ChatClientAsync),
                new("OpenAI IChatClient (M.E.AI.OpenAI)", clients.OpenAIChatAsync),
            ]).ConfigureAwait(false));
        }

        return comparisons;
    }

    private static async Task CheckAgreeAsync(InMemoryChat memory, string where, ICollection<string> problems)
    {
        var replies = new[] { await memory.RawAsync().ConfigureAwait(false), await memory.ProtocolAsync().ConfigureAwait(false), await memory.ProtocolWithoutRetriesAsync().ConfigureAwait(false), await memory.ChatClientAsync().ConfigureAwait(false) };
        if (replies.Any(r => r != BenchEmulator.ChatReply))
        {
            problems.Add($"{where}: the chat paths disagree");
        }
    }

    private static async Task<Comparison> RunAsync(TextWriter output, ComparisonBudget budget, string key, string title, int batch, IReadOnlyList<InterleavedPath> paths)
    {
        var calls = budget.Batch(batch);
        var results = await Interleaved.RunAsync(paths, budget.Rounds, calls, budget.WarmUpRounds, budget.WarmUp).ConfigureAwait(false);
        output.WriteLine($"#### {title}");
        output.WriteLine();
        output.WriteLine(Invariant($"{calls} calls per path per round."));
        output.WriteLine();
        output.WriteLine("| Path | Time per call | IQR | Ratio to raw | Ratio IQR | CPU per call | CPU ratio | Allocated per call | Alloc. ratio |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var rawBytes = results[0].MedianBytes;
        foreach (var r in results)
        {
            output.WriteLine(Invariant(
                $"| {r.Name} | {Time(r.MedianMicros / 1e6)} | {Time(Stats.Quantile(r.Micros, 0.25) / 1e6)} – {Time(Stats.Quantile(r.Micros, 0.75) / 1e6)} | {Ratio(r.MedianRatio)} | {Number(Stats.Quantile(r.Ratios, 0.25))} – {Number(Stats.Quantile(r.Ratios, 0.75))} | {Time(r.MedianCpuMicros / 1e6)} | {Ratio(r.MedianCpuRatio)} | {Bytes(r.MedianBytes)} | {Ratio(r.MedianBytes / rawBytes)} |"));
        }

        output.WriteLine();
        return new Comparison(key, title, results);
    }
}
