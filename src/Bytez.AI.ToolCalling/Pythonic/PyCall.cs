using System.Text.Json.Nodes;

namespace Bytez.AI.ToolCalling;

/// <summary>A function call expression <c>name(args)</c>; as an argument value it stands for the call's result.</summary>
internal sealed class PyCall(string name, IReadOnlyList<PyArgument> arguments, string source) : PyValue
{
    public string Name { get; } = name;

    public IReadOnlyList<PyArgument> Arguments { get; } = arguments;

    /// <summary>Gets the call's source text.</summary>
    public string Source { get; } = source;

    public override JsonNode? ToJson(Func<PyCall, JsonNode?> resolveCall) => resolveCall(this);

    /// <summary>Adds this call, then the calls nested in its arguments (pre-order, source order).</summary>
    public override void CollectCalls(List<PyCall> calls)
    {
        calls.Add(this);
        foreach (var argument in Arguments)
        {
            argument.Value.CollectCalls(calls);
        }
    }

    /// <summary>Gets the calls nested directly or indirectly in the arguments.</summary>
    public List<PyCall> NestedCalls()
    {
        var calls = new List<PyCall>();
        foreach (var argument in Arguments)
        {
            argument.Value.CollectCalls(calls);
        }

        return calls;
    }
}
