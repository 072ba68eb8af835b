using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>Tool declarations and calls as JSON, the way the JSON-based formats show them.</summary>
internal static class ToolJson
{
    /// <summary><c>{"type": "function", "function": {"name", "description", "parameters"}}</c>.</summary>
    public static JsonObject Declaration(AIFunctionDeclaration tool)
    {
        var function = new JsonObject { ["name"] = tool.Name };
        if (!string.IsNullOrWhiteSpace(tool.Description))
        {
            function["description"] = tool.Description;
        }

        function["parameters"] = tool.JsonSchema.ValueKind == JsonValueKind.Object
            ? JsonText.ToNode(tool.JsonSchema)
            : new JsonObject { ["type"] = "object", ["properties"] = new JsonObject() };
        return new JsonObject { ["type"] = "function", ["function"] = function };
    }

    /// <summary><c>{"name": "f", "&lt;argumentsKey&gt;": {...}}</c>, plus <c>"id"</c> when given.</summary>
    public static string Call(FunctionCallContent call, string argumentsKey, bool includeId = false)
    {
        var obj = new JsonObject
        {
            ["name"] = call.Name,
            [argumentsKey] = JsonText.FromArguments(call.Arguments),
        };
        if (includeId)
        {
            obj["id"] = call.CallId;
        }

        return JsonText.Write(obj);
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
