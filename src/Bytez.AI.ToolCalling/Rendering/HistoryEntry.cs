using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>One step of a conversation as the renderers see it.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Role">The role name (<c>system</c>, <c>user</c>, <c>assistant</c>, ...).</param>
/// <param name="Text">The message text (may be empty for calls and results).</param>
/// <param name="Calls">The calls, for <see cref="HistoryEntryKind.Calls"/>.</param>
/// <param name="Results">The results in call order, for <see cref="HistoryEntryKind.Results"/>.</param>
/// <param name="Source">The message, for text and calls; the first result message for results.</param>
internal sealed record HistoryEntry(
    HistoryEntryKind Kind,
    string Role,
    string Text,
    IReadOnlyList<FunctionCallContent> Calls,
    IReadOnlyList<HistoryResult> Results,
    ChatMessage Source)
{
    /// <summary>Gets the reasoning the message carries (<see cref="TextReasoningContent"/>, joined), or empty.</summary>
    public string Reasoning => string.Concat(Source.Contents.OfType<TextReasoningContent>().Select(static r => r.Text));
}
