using System.Text.Json.Nodes;

namespace Bytez.AI.ToolCalling;

/// <summary>A parsed Python argument value: a literal, a nested call, or a container of values.</summary>
internal abstract class PyValue
{
    /// <summary>Converts to JSON, asking <paramref name="resolveCall"/> for the value of each nested call.</summary>
    public abstract JsonNode? ToJson(Func<PyCall, JsonNode?> resolveCall);

    /// <summary>Adds the nested calls inside this value, in source order.</summary>
    public abstract void CollectCalls(List<PyCall> calls);
}
