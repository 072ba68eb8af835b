using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Behaviors.Tools;

/// <summary>
/// Hermes-format models (Qwen2.5, Hermes 3): tools as JSON lines inside <c>&lt;tools&gt;&lt;/tools&gt;</c> in the system
/// message; answers <c>&lt;tool_call&gt;\n{"name": ..., "arguments": {...}}\n&lt;/tool_call&gt;</c> blocks (one per call,
/// newline-separated); results come back as a user turn of <c>&lt;tool_response&gt;</c> blocks in call order.
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
                tools.AddRange(JsonToolDeclarations.ReadAll(JsonSpans.Objects(section).Select(static o => (JsonNode)o.Value)));
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
            if (turn.Role == "assistant" && turn.Content.Contains(CallOpen, StringComparison.Ordinal))
            {
                conversation.StartRound().Calls.AddRange(Blocks(turn.Content, CallOpen, CallClose).SelectMany(JsonCalls));
            }
            else if (turn.Role != "assistant" && turn.Content.Contains(ResponseOpen, StringComparison.Ordinal))
            {
                conversation.CurrentRound().Results.AddRange(Blocks(turn.Content, ResponseOpen, ResponseClose).Select(static b => b.Trim('\n')));
            }
        }

        conversation.EndsWithResults = messages.Count > 0 && messages[^1].Role != "assistant" && messages[^1].Content.Contains(ResponseOpen, StringComparison.Ordinal);
        return conversation.HasTools ? conversation : null;
    }

    internal override string WriteCalls(IReadOnlyList<(string Name, JsonObject Arguments)> calls) =>
        string.Join('\n', calls.Select(static c => $"{CallOpen}\n{CallText.Json(c.Name, c.Arguments, "arguments")}\n{CallClose}"));
}
