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
}
