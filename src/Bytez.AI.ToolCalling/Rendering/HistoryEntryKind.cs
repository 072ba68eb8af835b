namespace Bytez.AI.ToolCalling;

/// <summary>The kinds of <see cref="HistoryEntry"/>.</summary>
internal enum HistoryEntryKind
{
    /// <summary>A plain message (system, user, assistant or other role) with text.</summary>
    Text,

    /// <summary>An assistant message with calls (and maybe text).</summary>
    Calls,

    /// <summary>Consecutive function results, in the order of their calls.</summary>
    Results,
}
