using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Behaviors.Tools;

/// <summary>
/// Hermes-format models (Qwen2.5, Qwen3, Hermes 3): tools as JSON inside <c>&lt;tools&gt;&lt;/tools&gt;</c> in a system
/// message (Qwen's <c># Tools</c> section, or Hermes-2-Pro's tool_use prompt, whose descriptions carry a Python
/// signature and whose JSON leaves line breaks unescaped); answers <c>&lt;tool_call&gt;\n{"name": ..., "arguments": {...}}\n&lt;/tool_call&gt;</c> blocks (one per call,
/// newline-separated); results come back as a user (Qwen) or tool (Hermes) turn of <c>&lt;tool_response&gt;</c> blocks in
/// call order. A thinking model (Qwen3) writes a <c>&lt;think&gt;</c> block before every answer, as Qwen3 does.
/// </summary>
internal sealed class HermesToolBehavior : ToolChatBehavior
{
    private const string ToolsOpen = "<tools>";
    private const string ToolsClose = "</tools>";
    private const string CallOpen = "<tool_call>";
    private const string CallClose = "</tool_call>";
    private const string ResponseOpen = "<tool_response>";
    private const string ResponseClose = "</tool_response>";

    internal override ToolConversation? Read(IReadOnlyList<ChatTurn> messages)
    {
        var tools = new List<ToolDeclaration>();
        var requirement = ToolRequirement.Auto;
        var plain = new List<ChatTurn>();
        foreach (ChatTurn turn in messages.Where(static m => m.Role == "system"))
        {
            foreach (string section in Blocks(turn.Content, ToolsOpen, ToolsClose))
            {
                tools.AddRange(JsonToolDeclarations.ReadAll(JsonSpans.Objects(section).Select(static o => (JsonNode)o.Value)).Select(WithoutSignature));
            }

            if (turn.Content.Contains(ToolsOpen, StringComparison.Ordinal))
            {
                requirement = ToolRequirement.Read(turn.Content);
                int section2 = turn.Content.IndexOf("# Tools", StringComparison.Ordinal);
                string kept = (section2 >= 0 ? turn.Content[..section2] : string.Empty).Trim();
                if (kept.Length > 0)
                {
                    plain.Add(turn with { Content = kept });
                }
            }
            else
            {
                plain.Add(turn);
            }
        }

        int queryIndex = -1;
        for (int i = messages.Count - 1; i >= 0 && queryIndex < 0; i--)
        {
            if (messages[i].Role == "user" && !messages[i].Content.Contains(ResponseOpen, StringComparison.Ordinal))
            {
                queryIndex = i;
            }
        }

        plain.AddRange(messages.Where(static m => m.Role != "system"));
        var conversation = new ToolConversation(tools, queryIndex >= 0 ? messages[queryIndex].Content : string.Empty, requirement, plain);
        for (int i = queryIndex + 1; i < messages.Count; i++)
        {
            ChatTurn turn = messages[i];
            // Qwen3 gives earlier reasoning back in a <think> block; like its template, the model reads what follows it.
            string content = turn.Role == "assistant" && turn.Content.LastIndexOf("</think>", StringComparison.Ordinal) is int think and >= 0
                ? turn.Content[(think + "</think>".Length)..]
                : turn.Content;
            if (turn.Role == "assistant" && content.Contains(CallOpen, StringComparison.Ordinal))
            {
                conversation.StartRound().Calls.AddRange(Blocks(content, CallOpen, CallClose).SelectMany(JsonCalls));
            }
            else if (turn.Role != "assistant" && turn.Content.Contains(ResponseOpen, StringComparison.Ordinal))
            {
                conversation.CurrentRound().Results.AddRange(Blocks(turn.Content, ResponseOpen, ResponseClose).Select(static b => b.Trim('\n')));
            }
        }

        conversation.EndsWithResults = messages.Count > 0 && messages[^1].Role != "assistant" && messages[^1].Content.Contains(ResponseOpen, StringComparison.Ordinal);
        return conversation.HasTools ? conversation : null;
    }

    /// <summary>
    /// Hermes-2-Pro's tool_use template writes a description as <c>name(p: type) - description\n\n    Args: ...</c>;
    /// the model reads the description part.
    /// </summary>
    private static ToolDeclaration WithoutSignature(ToolDeclaration tool)
    {
        string description = tool.Description;
        if (!description.StartsWith(tool.Name + "(", StringComparison.Ordinal) || description.IndexOf(") - ", StringComparison.Ordinal) is not (int dash and >= 0))
        {
            return tool;
        }

        string rest = description[(dash + 4)..];
        int args = rest.IndexOf("\n\n", StringComparison.Ordinal);
        return tool with { Description = (args < 0 ? rest : rest[..args]).Trim() };
    }

    internal override string WriteCalls(IReadOnlyList<(string Name, JsonObject Arguments)> calls) =>
        string.Join('\n', calls.Select(static c => $"{CallOpen}\n{CallText.Json(c.Name, c.Arguments, "arguments")}\n{CallClose}"));
}
