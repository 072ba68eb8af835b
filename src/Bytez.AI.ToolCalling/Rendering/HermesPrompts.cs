using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>
/// The messages of the Hermes format, written so that the model's chat template, applied by the server without tools,
/// renders what it renders with tools: Qwen2.5's and Qwen3's template (<c>tokenizer_config.json</c> of
/// Qwen/Qwen2.5-7B-Instruct and Qwen/Qwen3-8B) and the <c>tool_use</c> template of NousResearch Hermes-2-Pro/Hermes-3.
/// </summary>
internal static class HermesPrompts
{
    /// <summary>Qwen's line for a conversation without a system message (Qwen2.5 only; Qwen3 writes none).</summary>
    public const string QwenDefaultSystem = "You are Qwen, created by Alibaba Cloud. You are a helpful assistant.";

    private const string ToolResponseOpen = "<tool_response>\n";
    private const string ToolResponseClose = "\n</tool_response>";

    public static List<ToolPromptMessage> RenderQwen(List<HistoryEntry> entries, IReadOnlyList<AIFunctionDeclaration>? tools, ChatToolMode? mode, HermesTemplate template)
    {
        var output = new PromptMessageBuilder();
        int first = 0;
        if (tools is not null)
        {
            // The template writes the first message, when it is a system message, before the tools section.
            string? system = entries.Count > 0 && entries[0] is { Kind: HistoryEntryKind.Text, Role: "system" } s ? s.Text : null;
            system ??= template == HermesTemplate.Qwen25 ? QwenDefaultSystem : null;
            first = entries.Count > 0 && entries[0] is { Kind: HistoryEntryKind.Text, Role: "system" } ? 1 : 0;
            output.Add("system", system is null ? QwenToolsSection(tools, mode) : system + "\n\n" + QwenToolsSection(tools, mode));
        }

        for (int i = first; i < entries.Count; i++)
        {
            var entry = entries[i];
            switch (entry.Kind)
            {
                case HistoryEntryKind.Text:
                    output.Add(entry.Role, entry.Role == "assistant" && template == HermesTemplate.Qwen3 ? WithReasoning(entry, entry.Text) : entry.Text);
                    break;
                case HistoryEntryKind.Calls:
                    // '<|im_start|>assistant' + ('\n' + content) + '\n<tool_call>\n{...}\n</tool_call>' per call.
                    string calls = string.Join("\n", entry.Calls.Select(CallBlock));
                    string content = entry.Text.Length > 0 ? entry.Text + "\n" + calls : calls;
                    output.Add("assistant", template == HermesTemplate.Qwen3 ? WithReasoning(entry, content) : content);
                    break;
                case HistoryEntryKind.Results:
                    // Consecutive tool messages become one user turn of <tool_response> blocks.
                    output.Add("user", ResponseBlocks(entry));
                    break;
            }
        }

        return output.Build();
    }

    public static List<ToolPromptMessage> RenderNousHermes(List<HistoryEntry> entries, IReadOnlyList<AIFunctionDeclaration>? tools, ChatToolMode? mode)
    {
        var output = new PromptMessageBuilder();
        if (tools is not null)
        {
            // The tool_use template writes its own system turn first; a system message of the conversation follows as a second one.
            output.Add("system", NousHermesSystem(tools, mode));
        }

        foreach (var entry in entries)
        {
            switch (entry.Kind)
            {
                case HistoryEntryKind.Text:
                    output.Add(entry.Role, entry.Text);
                    break;
                case HistoryEntryKind.Calls:
                    // The template writes only the calls of such a message, not its text.
                    output.Add("assistant", string.Join("\n", entry.Calls.Select(CallBlock)));
                    break;
                case HistoryEntryKind.Results:
                    output.Add("tool", ResponseBlocks(entry));
                    break;
            }
        }

        return output.Build();
    }

    private static string CallBlock(FunctionCallContent call) =>
        HermesCallReader.OpenTag + "\n" + ToolJson.Call(call, "arguments") + "\n" + HermesCallReader.CloseTag;

    private static string ResponseBlocks(HistoryEntry entry) =>
        string.Join("\n", entry.Results.Select(static r => ToolResponseOpen + r.Text + ToolResponseClose));

    /// <summary>Qwen3's template splits earlier reasoning off at <c>&lt;/think&gt;</c> and keeps it only within the current turn.</summary>
    private static string WithReasoning(HistoryEntry entry, string content)
    {
        string reasoning = entry.Reasoning;
        return reasoning.Length == 0 ? content : "<think>\n" + reasoning.Trim('\n') + "\n</think>\n\n" + content;
    }

    private static string QwenToolsSection(IReadOnlyList<AIFunctionDeclaration> tools, ChatToolMode? mode)
    {
        var sb = new StringBuilder();
        sb.Append("# Tools\n\nYou may call one or more functions to assist with the user query.\n\n");
        sb.Append("You are provided with function signatures within <tools></tools> XML tags:\n<tools>");
        foreach (var tool in tools)
        {
            sb.Append('\n').Append(PythonJson.Write(ToolJson.Declaration(tool)));
        }

        sb.Append("\n</tools>\n\n");
        sb.Append("For each function call, return a json object with function name and arguments within <tool_call></tool_call> XML tags:\n");
        sb.Append("<tool_call>\n{\"name\": <function-name>, \"arguments\": <args-json-object>}\n</tool_call>");
        if (ToolJson.RequiredInstruction(mode) is { } instruction)
        {
            sb.Append("\n\n").Append(instruction);
        }

        return sb.ToString();
    }

    /// <summary>The system turn of the Hermes-2-Pro/Hermes-3 <c>tool_use</c> template, quirks included (they are what the models saw).</summary>
    private static string NousHermesSystem(IReadOnlyList<AIFunctionDeclaration> tools, ChatToolMode? mode)
    {
        var sb = new StringBuilder();
        sb.Append("You are a function calling AI model. You are provided with function signatures within <tools></tools> XML tags. ");
        sb.Append("You may call one or more functions to assist with the user query. Don't make assumptions about what values to plug into functions. ");
        sb.Append("Here are the available tools: <tools> ");
        for (int i = 0; i < tools.Count; i++)
        {
            if (i > 0)
            {
                sb.Append('\n');
            }

            AppendNousHermesTool(sb, tools[i]);
        }

        sb.Append(" </tools>");
        sb.Append("Use the following pydantic model json schema for each tool call you will make: ");
        sb.Append("{\"properties\": {\"name\": {\"title\": \"Name\", \"type\": \"string\"}, \"arguments\": {\"title\": \"Arguments\", \"type\": \"object\"}}, ");
        sb.Append("\"required\": [\"name\", \"arguments\"], \"title\": \"FunctionCall\", \"type\": \"object\"}}\n");
        sb.Append("For each function call return a json object with function name and arguments within <tool_call></tool_call> XML tags as follows:\n");
        sb.Append("<tool_call>\n{\"name\": <function-name>, \"arguments\": <args-dict>}\n</tool_call>");
        if (ToolJson.RequiredInstruction(mode) is { } instruction)
        {
            sb.Append("\n\n").Append(instruction);
        }

        return sb.ToString();
    }

    /// <summary>
    /// One tool as the template writes it: the description is a Python signature plus an <c>Args:</c> list, not escaped,
    /// with the arguments on one line, and the object is left without its last closing brace, exactly as the template does.
    /// </summary>
    private static void AppendNousHermesTool(StringBuilder sb, AIFunctionDeclaration tool)
    {
        JsonObject parameters = ToolJson.Parameters(tool);
        var properties = parameters["properties"] as JsonObject ?? [];
        sb.Append("{\"type\": \"function\", \"function\": {\"name\": \"").Append(tool.Name).Append("\", \"description\": \"");
        sb.Append(tool.Name).Append('(');
        sb.AppendJoin(", ", properties.Select(static p => p.Key + ": " + PythonType(p.Value)));
        sb.Append(") - ").Append(tool.Description ?? string.Empty).Append("\n\n");
        bool firstParameter = true;
        foreach (var (name, schema) in properties)
        {
            if (firstParameter)
            {
                sb.Append("    Args:\n");
                firstParameter = false;
            }

            string description = schema is JsonObject o && o["description"] is JsonValue d && d.TryGetValue(out string? text) ? text.Trim() : string.Empty;
            sb.Append("        ").Append(name).Append('(').Append(PythonType(schema)).Append("): ").Append(description);
        }

        sb.Append("\", \"parameters\": ").Append(properties.Count == 0 ? "{}" : PythonJson.Write(parameters)).Append('}');
    }

    /// <summary>The template's <c>json_to_python_type</c>, including what it makes of arrays and untyped values.</summary>
    private static string PythonType(JsonNode? schema)
    {
        JsonNode? type = (schema as JsonObject)?["type"];
        if (type is JsonArray union)
        {
            return "Union[" + string.Join(",", union.Select(static t => PythonType(new JsonObject { ["type"] = t?.DeepClone() }))) + "]";
        }

        string? name = type is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        return name switch
        {
            "string" => "str",
            "number" => "float",
            "integer" => "int",
            "boolean" => "bool",
            "array" => "list[Union[]]", // the template passes the schema's items() pairs on, which have no type
            "object" => (schema as JsonObject)?["additionalProperties"] is { } extra ? "dict[str, " + PythonType(extra) + "]" : "dict",
            "null" => "None",
            null => "Union[]", // a missing type is undefined, which Jinja iterates as empty
            _ => "Any",
        };
    }
}
