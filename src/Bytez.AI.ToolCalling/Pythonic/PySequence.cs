using System.Text.Json.Nodes;

namespace Bytez.AI.ToolCalling;

/// <summary>A list or tuple; both become JSON arrays.</summary>
internal sealed class PySequence(IReadOnlyList<PyValue> items) : PyValue
{
    public IReadOnlyList<PyValue> Items { get; } = items;

    public override JsonNode? ToJson(Func<PyCall, JsonNode?> resolveCall)
    {
        var array = new JsonArray();
        foreach (var item in Items)
        {
            array.Add(item.ToJson(resolveCall));
        }

        return array;
    }

    public override void CollectCalls(List<PyCall> calls)
    {
        foreach (var item in Items)
        {
            item.CollectCalls(calls);
        }
    }
}
