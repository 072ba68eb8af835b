using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>
/// What a parser knows about one response: the declared tools, the parse options and how call ids are made; and the
/// reading of JSON call objects that JSON-based formats share.
/// </summary>
public sealed class ToolCallParseContext
{
    private readonly Func<string> _newCallId;

    internal ToolCallParseContext(IReadOnlyList<AIFunctionDeclaration> tools, ToolCallParseOptions options, Func<string> defaultIdFactory)
    {
        var byName = new Dictionary<string, AIFunctionDeclaration>(StringComparer.Ordinal);
        foreach (var tool in tools)
        {
            byName.TryAdd(tool.Name, tool);
        }

        Tools = byName;
        Options = options;
        _newCallId = options.CallIdFactory ?? defaultIdFactory;
    }

    /// <summary>Gets the declared tools by name.</summary>
    public IReadOnlyDictionary<string, AIFunctionDeclaration> Tools { get; }

    /// <summary>Gets the parse options.</summary>
    public ToolCallParseOptions Options { get; }

    /// <summary>Creates a call id for a call the model gave none (<see cref="ToolCallParseOptions.CallIdFactory"/>, else the format's).</summary>
    /// <returns>A new id.</returns>
    public string NewCallId() => _newCallId();

    /// <summary>Whether a tool of that name was declared.</summary>
    /// <param name="name">The function name.</param>
    /// <returns>True when declared.</returns>
    public bool IsDeclared(string name) => Tools.ContainsKey(name);

    /// <summary>
    /// Reads one JSON call object: <c>{"name": ..., "arguments"|"parameters": {...}}</c>, OpenAI's <c>{"function": {...}}</c>
    /// wrapper, arguments encoded a second time as a JSON string, and an optional <c>"id"</c>.
    /// </summary>
    /// <param name="json">The text of one JSON value (see <see cref="ToolCallJson.FindValueEnd"/>).</param>
    /// <param name="explicitMarker">
    /// Whether the object followed the format's own call marker (<c>&lt;tool_call&gt;</c>, <c>[TOOL_CALLS]</c>, ...): then
    /// an undeclared name is still a call (the invoking client reports it as not found) and malformed JSON is an
    /// <see cref="ErrorContent"/>. Without one (bare JSON, a lenient wrapper) only an object naming a declared tool is a
    /// call; one that names a declared tool but cannot be used (bad JSON, arguments that are not an object) is an
    /// <see cref="ErrorContent"/>, and anything else is prose.
    /// </param>
    /// <param name="content">The <see cref="FunctionCallContent"/> or the <see cref="ErrorContent"/>; null when not a call.</param>
    /// <returns>How the value was judged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public CallObjectOutcome ReadCallObject(string json, bool explicitMarker, out AIContent? content)
    {
        ArgumentNullException.ThrowIfNull(json);
        return CallObjectReader.Read(json, this, explicitMarker, out content);
    }

    /// <summary>
    /// For a JSON object cut off before its end: whether it already names a declared tool (so the cut text was a call,
    /// not prose). Looks for a complete <c>"name": "..."</c> pair.
    /// </summary>
    /// <param name="partialJson">The JSON text as far as it got.</param>
    /// <returns>True when it names a declared tool.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="partialJson"/> is null.</exception>
    public bool NamesDeclaredTool(string partialJson)
    {
        ArgumentNullException.ThrowIfNull(partialJson);
        return CallObjectReader.NamesDeclaredTool(partialJson.AsSpan(), this);
    }
}
