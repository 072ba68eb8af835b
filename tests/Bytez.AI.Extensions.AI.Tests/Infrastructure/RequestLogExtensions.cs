using System.Text.Json.Nodes;
using Bytez.AI.Emulator;

namespace Bytez.AI.Extensions.AI.Tests.Infrastructure;

/// <summary>Reads request bodies from the emulator's log.</summary>
public static class RequestLogExtensions
{
    /// <summary>Gets the JSON bodies of the v1 runs of a model, oldest first.</summary>
    /// <param name="log">The log.</param>
    /// <param name="modelId">The model.</param>
    /// <returns>The bodies.</returns>
    public static IReadOnlyList<JsonObject> RunBodies(this BytezEmulatorRequestLog log, string modelId) =>
        [.. log.Entries
            .Where(e => e.Kind is EmulatorRequestKind.Run or EmulatorRequestKind.RunStream && e.ModelId == modelId)
            .Select(e => JsonNode.Parse(e.Body)!.AsObject())];

    /// <summary>
    /// Waits until a count read from the log reaches <paramref name="expected"/> (or 10 s pass), then returns it. The
    /// emulator records a request after writing its response, so a client can see the answer an instant before the
    /// log has the entry; this absorbs that gap without asserting anything about time.
    /// </summary>
    /// <param name="log">The log.</param>
    /// <param name="count">Reads the count.</param>
    /// <param name="expected">The count awaited.</param>
    /// <returns>The last count read.</returns>
    public static async Task<int> CountWhenSettledAsync(this BytezEmulatorRequestLog log, Func<BytezEmulatorRequestLog, int> count, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        int actual;
        while ((actual = count(log)) < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        // A short grace period lets an unexpected extra entry show up too.
        await Task.Delay(20);
        return count(log);
    }
}
