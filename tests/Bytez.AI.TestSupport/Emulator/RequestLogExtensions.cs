using System.Text.Json.Nodes;
using Bytez.AI.Emulator;

namespace Bytez.AI.TestSupport;

/// <summary>Reads the emulator's request log: run bodies, the last request of a kind, and waits for the log to settle.</summary>
/// <remarks>
/// The emulator records an entry after it has written the response, so a client can see the answer before the log
/// does. The <c>WhenSettled</c> helpers wait for the log to catch up (never asserting on time) and then let the test
/// assert exactly.
/// </remarks>
public static class RequestLogExtensions
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(10);

    /// <summary>Gets the JSON bodies of the runs (v1 or v2, streamed or not) of a model, oldest first.</summary>
    /// <param name="log">The log.</param>
    /// <param name="modelId">The model.</param>
    /// <returns>The bodies.</returns>
    public static IReadOnlyList<JsonObject> RunBodies(this BytezEmulatorRequestLog log, string modelId) =>
        [.. log.RunBodyTexts(modelId).Select(body => JsonNode.Parse(body)!.AsObject())];

    /// <summary>Gets the bodies of the runs (v1 or v2, streamed or not) of a model as they were sent, oldest first.</summary>
    /// <param name="log">The log.</param>
    /// <param name="modelId">The model.</param>
    /// <returns>The bodies.</returns>
    public static IReadOnlyList<string> RunBodyTexts(this BytezEmulatorRequestLog log, string modelId) =>
        [.. log.Entries
            .Where(e => e.Kind is EmulatorRequestKind.Run or EmulatorRequestKind.RunStream or EmulatorRequestKind.V2Run or EmulatorRequestKind.V2RunStream
                && e.ModelId == modelId)
            .Select(e => e.Body)];

    /// <summary>Gets the JSON bodies of a model's OpenAI-compatible chat completions (streamed or not), oldest first.</summary>
    /// <param name="log">The log.</param>
    /// <param name="modelId">The model.</param>
    /// <returns>The bodies.</returns>
    public static IReadOnlyList<JsonObject> OpenAIChatBodies(this BytezEmulatorRequestLog log, string modelId) =>
        [.. log.Entries
            .Where(e => e.Kind is EmulatorRequestKind.OpenAIChat or EmulatorRequestKind.OpenAIChatStream && e.ModelId == modelId)
            .Select(e => JsonNode.Parse(e.Body)!.AsObject())];

    /// <summary>
    /// Gets what a run body sends as the conversation or prompt, whatever the generation: v2's <c>messages</c> or
    /// <c>text</c>, or v1's <c>input</c>.
    /// </summary>
    /// <param name="runBody">A run body from <see cref="RunBodies"/>.</param>
    /// <returns>The messages array or the prompt string; null when the body has neither.</returns>
    public static JsonNode? InputOf(this JsonObject runBody) => runBody["messages"] ?? runBody["text"] ?? runBody["input"];

    /// <summary>Gets the last request of a kind the emulator answered, for a model or any.</summary>
    /// <param name="log">The log.</param>
    /// <param name="kind">The request kind.</param>
    /// <param name="modelId">The model, or null for any.</param>
    /// <returns>The entry.</returns>
    public static EmulatorRequestLogEntry LastRequest(this BytezEmulatorRequestLog log, EmulatorRequestKind kind, string? modelId = null) =>
        log.Entries.Last(e => e.Kind == kind && (modelId is null || e.ModelId == modelId));

    /// <summary>Waits until <paramref name="count"/> reaches <paramref name="expected"/> (or patience runs out) and returns it.</summary>
    /// <param name="log">The log.</param>
    /// <param name="count">Counts what the test expects in the log.</param>
    /// <param name="expected">The count to wait for.</param>
    /// <returns>The last count read.</returns>
    public static async Task<int> CountWhenSettledAsync(this BytezEmulatorRequestLog log, Func<BytezEmulatorRequestLog, int> count, int expected)
    {
        var deadline = DateTime.UtcNow + s_patience;
        int value;
        while ((value = count(log)) < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        return value;
    }

    /// <summary>Waits until at least one entry matches and returns the matching entries.</summary>
    /// <param name="log">The log.</param>
    /// <param name="predicate">Selects the entries.</param>
    /// <returns>The matching entries.</returns>
    public static async Task<IReadOnlyList<EmulatorRequestLogEntry>> EntriesWhenSettledAsync(this BytezEmulatorRequestLog log, Func<EmulatorRequestLogEntry, bool> predicate)
    {
        await log.CountWhenSettledAsync(l => l.Entries.Count(predicate), 1);
        return [.. log.Entries.Where(predicate)];
    }
}
