using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>What a parser needs to know about one response: declared tools, leniency and how to make call ids.</summary>
internal sealed class ToolCallParseContext
{
    public ToolCallParseContext(IReadOnlyList<AIFunctionDeclaration> tools, ToolCallParseOptions options, Func<string> defaultIdFactory)
    {
        var byName = new Dictionary<string, AIFunctionDeclaration>(StringComparer.Ordinal);
        foreach (var tool in tools)
        {
            byName.TryAdd(tool.Name, tool);
        }

        Tools = byName;
        Options = options;
        NewCallId = options.CallIdFactory ?? defaultIdFactory;
    }

    public IReadOnlyDictionary<string, AIFunctionDeclaration> Tools { get; }

    public ToolCallParseOptions Options { get; }

    public Func<string> NewCallId { get; }

    public bool IsDeclared(string name) => Tools.ContainsKey(name);
}
