namespace Bytez.AI.ToolCalling;

/// <summary>One argument of a call: keyword (<c>city='Paris'</c>) or positional (<see cref="Name"/> null).</summary>
/// <param name="Name">The keyword, or null for a positional argument.</param>
/// <param name="Value">The value.</param>
internal sealed record PyArgument(string? Name, PyValue Value);
