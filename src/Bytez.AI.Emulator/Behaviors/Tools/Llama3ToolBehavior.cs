using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Behaviors.Tools;

/// <summary>
/// Llama 3.1+ JSON tool calling: the tools as JSON in the first user message (Meta's "Given the following functions"
/// prompt) before the question; answers <c>{"name": ..., "parameters": {...}}</c>, several separated by <c>"; "</c>;
/// results come back as <c>ipython</c> (or <c>tool</c>) messages, or user text <c>Result of f: ...</c>.
/// </summary>
internal sealed class Llama3ToolBehavior : ToolChatBehavior
{
    private const string PythonTag = "<|python_tag|>";
    private const string ResultPrefix = "Result of ";

    internal override ToolConversation? Read(IReadOnlyList<ChatTurn> messages)
    {
        var tools = new List<ToolDeclaration>();
        var requirement = ToolRequirement.Auto;
        var plain = new List<ChatTurn>();
        bool toolsRead = false;
        int queryIndex = -1;
        string query = string.Empty;
        for (int i = 0; i < messages.Count; i++)
        {
            ChatTurn turn = messages[i];
            string content = turn.Content;
            if (turn.Role == "user" && !toolsRead)
            {
                var declarations = JsonSpans.Objects(content).Where(static o => JsonToolDeclarations.Read(o.Value) is not null).ToList();
                if (declarations.Count > 0)
                {
                    toolsRead = true;
                    tools.AddRange(declarations.Select(static o => JsonToolDeclarations.Read(o.Value)!));
                    requirement = ToolRequirement.Read(content[..declarations[0].Start]);
                    content = content[declarations[^1].End..].Trim();
                }
            }

            if (IsResult(turn))
            {
                continue;
            }

            if (turn.Role == "user")
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
            if (turn.Role == "assistant" && JsonCalls(turn.Content.Replace(PythonTag, string.Empty, StringComparison.Ordinal)) is { Count: > 0 } calls)
            {
                conversation.StartRound().Calls.AddRange(calls);
            }
            else if (IsResult(turn))
            {
                conversation.CurrentRound().Results.Add(ResultText(turn));
            }
        }

        conversation.EndsWithResults = messages.Count > 0 && IsResult(messages[^1]);
        return conversation.HasTools ? conversation : null;
    }

    internal override string WriteCalls(IReadOnlyList<(string Name, JsonObject Arguments)> calls) =>
        string.Join("; ", calls.Select(static c => CallText.Json(c.Name, c.Arguments, "parameters")));

    private static bool IsResult(ChatTurn turn) =>
        turn.Role is "ipython" or "tool" || (turn.Role == "user" && turn.Content.StartsWith(ResultPrefix, StringComparison.Ordinal));

    private static string ResultText(ChatTurn turn)
    {
        if (turn.Role != "user")
        {
            return turn.Content;
        }

        int colon = turn.Content.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? turn.Content : turn.Content[(colon + 2)..];
    }
}
