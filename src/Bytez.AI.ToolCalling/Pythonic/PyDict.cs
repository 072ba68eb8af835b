using System.Text.Json.Nodes;

namespace Bytez.AI.ToolCalling;

/// <summary>A dict literal; keys are literals (written as JSON property names).</summary>
internal sealed class PyDict(IReadOnlyList<KeyValuePair<string, PyValue>> entries) : PyValue
{
    public IReadOnlyList<KeyValuePair<string, PyValue>> Entries { get; } = entries;

    public override JsonNode? ToJson(Func<PyCall, JsonNode?> resolveCall)
    {
        var obj = new JsonObject();
        foreach (var entry in Entries)
        {
            obj[entry.Key] = entry.Value.ToJson(resolveCall);
        }

        return obj;
    }

    public override void CollectCalls(List<PyCall> calls)
    {
        foreach (var entry in Entries)
        {
            entry.Value.CollectCalls(calls);
        }
    }
}
