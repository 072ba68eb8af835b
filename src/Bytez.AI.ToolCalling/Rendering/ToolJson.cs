using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>Tool declarations and calls as JSON, the way the chat templates write them (Python's <c>json.dumps</c>).</summary>
internal static class ToolJson
{
    /// <summary><c>{"type": "function", "function": {"name", "description", "parameters"}}</c>, the OpenAI tool a template receives.</summary>
    public static JsonObject Declaration(AIFunctionDeclaration tool) =>
        new() { ["type"] = "function", ["function"] = Function(tool) };

    /// <summary><c>{"name", "description", "parameters"}</c> (description only when there is one).</summary>
    public static JsonObject Function(AIFunctionDeclaration tool)
    {
        var function = new JsonObject { ["name"] = tool.Name };
        if (!string.IsNullOrWhiteSpace(tool.Description))
        {
            function["description"] = tool.Description;
        }

        function["parameters"] = Parameters(tool);
        return function;
    }

    /// <summary>The parameters schema (an empty object schema when the function has none).</summary>
    public static JsonObject Parameters(AIFunctionDeclaration tool) =>
        tool.JsonSchema.ValueKind == JsonValueKind.Object && JsonText.ToNode(tool.JsonSchema) is JsonObject schema
            ? schema
            : new JsonObject { ["type"] = "object", ["properties"] = new JsonObject() };

    /// <summary>
    /// <c>{"name": "f", "&lt;argumentsKey&gt;": {...}}</c> as the templates write a call (<c>'{"name": "' + name + '", "arguments": ' +
    /// arguments|tojson + '}'</c>), plus <c>, "id": "..."</c> when <paramref name="includeId"/> (Mistral).
    /// </summary>
    public static string Call(FunctionCallContent call, string argumentsKey, bool includeId = false)
    {
        var sb = new StringBuilder("{\"name\": ");
        PythonJson.WriteString(sb, call.Name);
        sb.Append(", ");
        PythonJson.WriteString(sb, argumentsKey);
        sb.Append(": ").Append(PythonJson.Write(JsonText.FromArguments(call.Arguments)));
        if (includeId)
        {
            sb.Append(", \"id\": ");
            PythonJson.WriteString(sb, call.CallId);
        }

        return sb.Append('}').ToString();
    }

    /// <summary>The instruction for a required tool mode, or null for auto/none.</summary>
    public static string? RequiredInstruction(ChatToolMode? mode) => mode switch
    {
        RequiredChatToolMode { RequiredFunctionName: { } name } => $"You must call the function \"{name}\".",
        RequiredChatToolMode => "You must call at least one function.",
        _ => null,
    };

    /// <summary>Throws when a required function is not among the tools.</summary>
    public static void ValidateMode(IReadOnlyList<AIFunctionDeclaration> tools, ChatToolMode? mode)
    {
        if (mode is RequiredChatToolMode { RequiredFunctionName: { } name } && !tools.Any(t => t.Name == name))
        {
            throw new ArgumentException($"The tool mode requires the function '{name}', which is not among the tools.", nameof(mode));
        }
    }
}
