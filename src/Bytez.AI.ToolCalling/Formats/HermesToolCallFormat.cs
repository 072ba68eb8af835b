using System.Text;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>
/// The Hermes format (Qwen2.5/Qwen3, NousResearch Hermes 2 Pro/3, and the default for chat models without a trained
/// format): tools as JSON inside <c>&lt;tools&gt;&lt;/tools&gt;</c> in the system message, calls as
/// <c>&lt;tool_call&gt;{"name": ..., "arguments": {...}}&lt;/tool_call&gt;</c> blocks, results as one user turn with a
/// <c>&lt;tool_response&gt;</c> block per result, in call order.
/// </summary>
public sealed class HermesToolCallFormat : ToolCallFormat
{
    /// <inheritdoc/>
    public override string Name => "hermes";

    /// <inheritdoc/>
    public override ToolPrompt Render(IReadOnlyList<ChatMessage> messages, IReadOnlyList<AIFunctionDeclaration> tools, ChatToolMode? mode)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(tools);
        ToolJson.ValidateMode(tools, mode);

        var entries = ChatHistoryReader.Read(messages);
        var system = string.Join("\n\n", entries.Where(static e => e.Kind == HistoryEntryKind.Text && e.Role == "system").Select(static e => e.Text));
        if (ShouldRenderTools(tools, mode))
        {
            system = system.Length == 0 ? ToolsSection(tools, mode) : system + "\n\n" + ToolsSection(tools, mode);
        }

        var output = new List<ToolPromptMessage>();
        if (system.Length > 0)
        {
            output.Add(new("system", system));
        }

        foreach (var entry in entries)
        {
            switch (entry.Kind)
            {
                case HistoryEntryKind.Text when entry.Role != "system":
                    output.Add(new(entry.Role, entry.Text));
                    break;
                case HistoryEntryKind.Calls:
                    var calls = entry.Calls.Select(static c => $"{HermesCallReader.OpenTag}\n{ToolJson.Call(c, "arguments")}\n{HermesCallReader.CloseTag}");
                    string content = string.Join("\n", entry.Text.Length > 0 ? calls.Prepend(entry.Text) : calls);
                    output.Add(new("assistant", content));
                    break;
                case HistoryEntryKind.Results:
                    output.Add(new("user", string.Join("\n", entry.Results.Select(static r => $"<tool_response>\n{r.Text}\n</tool_response>"))));
                    break;
            }
        }

        // "</tool_call>" is no stop sequence: several calls may follow one another.
        return ToolPrompt.FromMessages(output);
    }

    /// <inheritdoc/>
    public override IToolCallStreamParser CreateStreamParser(IReadOnlyList<AIFunctionDeclaration> tools, ToolCallParseOptions? options = null) =>
        CreateStreamParser(tools, options, static context => new HermesCallReader(context));

    private static string ToolsSection(IReadOnlyList<AIFunctionDeclaration> tools, ChatToolMode? mode)
    {
        var sb = new StringBuilder();
        sb.Append("# Tools\n\n");
        sb.Append("You may call one or more functions to assist with the user query.\n\n");
        sb.Append("You are provided with function signatures within <tools></tools> XML tags:\n");
        sb.Append("<tools>\n");
        foreach (var tool in tools)
        {
            sb.Append(JsonText.Write(ToolJson.Declaration(tool))).Append('\n');
        }

        sb.Append("</tools>\n\n");
        sb.Append("For each function call, return a json object with function name and arguments within <tool_call></tool_call> XML tags:\n");
        sb.Append("<tool_call>\n");
        sb.Append("{\"name\": <function-name>, \"arguments\": <args-json-object>}\n");
        sb.Append("</tool_call>");
        if (ToolJson.RequiredInstruction(mode) is { } instruction)
        {
            sb.Append("\n\n").Append(instruction);
        }

        return sb.ToString();
    }
}
