using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>
/// Reads M.E.AI messages into <see cref="HistoryEntry"/>s: results of consecutive messages are merged and put in the
/// order of their calls (models pair results with calls by position, since most of these formats have no call ids).
/// </summary>
internal static class ChatHistoryReader
{
    public static List<HistoryEntry> Read(IEnumerable<ChatMessage> messages)
    {
        var entries = new List<HistoryEntry>();
        var callsById = new Dictionary<string, (int Order, FunctionCallContent Call)>(StringComparer.Ordinal);
        var pending = new List<FunctionResultContent>();
        ChatMessage? pendingSource = null;

        foreach (var message in messages)
        {
            var results = message.Contents.OfType<FunctionResultContent>().ToList();
            if (results.Count > 0)
            {
                pending.AddRange(results);
                pendingSource ??= message;
                continue;
            }

            Flush();
            var calls = message.Contents.OfType<FunctionCallContent>().ToList();
            string text = message.Text;
            if (calls.Count > 0)
            {
                foreach (var call in calls)
                {
                    callsById[call.CallId] = (callsById.Count, call);
                }

                entries.Add(new(HistoryEntryKind.Calls, RoleName(message.Role), text, calls, [], message));
            }
            else if (text.Length > 0)
            {
                entries.Add(new(HistoryEntryKind.Text, RoleName(message.Role), text, [], [], message));
            }
        }

        Flush();
        return entries;

        void Flush()
        {
            if (pending.Count == 0)
            {
                return;
            }

            var ordered = pending
                .Select((r, i) => (Result: r, Position: callsById.TryGetValue(r.CallId, out var c) ? c.Order : int.MaxValue, Index: i))
                .OrderBy(static x => x.Position).ThenBy(static x => x.Index)
                .Select(x => callsById.TryGetValue(x.Result.CallId, out var c)
                    ? new HistoryResult(x.Result, c.Call.Name, c.Call)
                    : new HistoryResult(x.Result, null, null))
                .ToList();
            entries.Add(new(HistoryEntryKind.Results, "tool", string.Empty, [], ordered, pendingSource!));
            pending.Clear();
            pendingSource = null;
        }
    }

    public static string RoleName(ChatRole role) =>
        role == ChatRole.System ? "system" :
        role == ChatRole.User ? "user" :
        role == ChatRole.Assistant ? "assistant" :
        role == ChatRole.Tool ? "tool" :
        role.Value;
}
