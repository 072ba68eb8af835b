using System.Text.Json.Nodes;

namespace Bytez.AI.ToolCalling;

/// <summary>A literal: string, number, <c>True</c>/<c>False</c>/<c>None</c>.</summary>
internal sealed class PyLiteral(JsonNode? value) : PyValue
{
    public JsonNode? Value { get; } = value;

    public override JsonNode? ToJson(Func<PyCall, JsonNode?> resolveCall) => Value?.DeepClone();

    public override void CollectCalls(List<PyCall> calls)
    {
    }
}
