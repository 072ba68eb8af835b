using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Behaviors.Tools;

/// <summary>
/// Mistral-7B-Instruct-v0.3: <c>[AVAILABLE_TOOLS] [...][/AVAILABLE_TOOLS]</c> before the last user message; answers
/// <c>[TOOL_CALLS] [{"name": ..., "arguments": {...}}]</c>; results come back as
/// <c>[TOOL_RESULTS] {"content": ..., "call_id": ...}[/TOOL_RESULTS]</c> blocks in a user turn. Mistral-Nemo's template
/// writes the same markers without spaces.
/// </summary>
internal sealed class MistralToolBehavior : ToolChatBehavior
{
    private const string ToolsOpen = "[AVAILABLE_TOOLS]";
    private const string ToolsClose = "[/AVAILABLE_TOOLS]";
    private const string CallsMarker = "[TOOL_CALLS]";
    private const string ResultsOpen = "[TOOL_RESULTS]";
    private const string ResultsClose = "[/TOOL_RESULTS]";

    internal override ToolConversation? Read(IReadOnlyList<ChatTurn> messages)
    {
        var tools = new List<ToolDeclaration>();
        var requirement = ToolRequirement.Auto;
        var plain = new List<ChatTurn>();
        int queryIndex = -1;
        string query = string.Empty;
        for (int i = 0; i < messages.Count; i++)
        {
            ChatTurn turn = messages[i];
            string content = turn.Content;
            int close = content.IndexOf(ToolsClose, StringComparison.Ordinal);
            if (turn.Role == "user" && content.IndexOf(ToolsOpen, StringComparison.Ordinal) is int open and >= 0 && close > open)
            {
                int bracket = content.IndexOf('[', open + ToolsOpen.Length);
                if (bracket >= 0 && JsonSpans.TryRead(content, bracket, out JsonNode? node, out _) && node is JsonArray array)
                {
                    tools.AddRange(JsonToolDeclarations.ReadAll(array));
                }

                content = content[(close + ToolsClose.Length)..];
                requirement = ToolRequirement.Read(content);
                if (requirement.Required && content.IndexOf('\n', StringComparison.Ordinal) is int newline and >= 0)
                {
                    content = content[(newline + 1)..]; // the client puts the instruction on its own line before the question
                }
            }

            if (turn.Role == "user" && !content.TrimStart().StartsWith(ResultsOpen, StringComparison.Ordinal))
            {
                queryIndex = i;
                query = content;
            }

            plain.Add(turn with { Content = content });
        }

        var conversation = new ToolConversation(tools, query, requirement, plain);
        for (int i = queryIndex + 1; i < messages.Count; i++)
        {
            ChatTurn turn = messages[i];
            int marker = turn.Content.IndexOf(CallsMarker, StringComparison.Ordinal);
            if (turn.Role == "assistant" && marker >= 0)
            {
                conversation.StartRound().Calls.AddRange(JsonCalls(turn.Content[marker..]));
            }
            else if (turn.Role != "assistant" && turn.Content.Contains(ResultsOpen, StringComparison.Ordinal))
            {
                conversation.CurrentRound().Results.AddRange(Blocks(turn.Content, ResultsOpen, ResultsClose).Select(ResultText));
            }
        }

        conversation.EndsWithResults = messages.Count > 0 && messages[^1].Role != "assistant" && messages[^1].Content.Contains(ResultsOpen, StringComparison.Ordinal);
        return conversation.HasTools ? conversation : null;
    }

    internal override string WriteCalls(IReadOnlyList<(string Name, JsonObject Arguments)> calls) =>
        CallsMarker + " [" + string.Join(", ", calls.Select(static c => CallText.Json(c.Name, c.Arguments, "arguments"))) + "]";

    /// <summary>
    /// The <c>content</c> of a <c>{"content": ..., "call_id": ...}</c> block as text. The chat template writes the content
    /// as it is (<c>content|string</c>), so it is read up to the <c>, "call_id"</c> that ends it; a JSON string (as
    /// mistral-common writes it) is unquoted.
    /// </summary>
    private static string ResultText(string block)
    {
        const string Prefix = "{\"content\": ";
        string trimmed = block.Trim();
        int callId = trimmed.LastIndexOf(", \"call_id\":", StringComparison.Ordinal);
        if (!trimmed.StartsWith(Prefix, StringComparison.Ordinal) || callId < Prefix.Length || !trimmed.EndsWith('}'))
        {
            return trimmed;
        }

        string content = trimmed[Prefix.Length..callId];
        if (content.StartsWith('"') && JsonSpans.TryReadString(content, out string? text))
        {
            return text;
        }

        return content;
    }
}
