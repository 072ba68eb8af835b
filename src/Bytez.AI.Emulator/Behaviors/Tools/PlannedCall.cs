namespace Bytez.AI.Emulator.Behaviors.Tools;

/// <summary>A call an emulated model decided to make; an argument may itself be a call (pythonic nesting).</summary>
/// <param name="Name">The function name.</param>
/// <param name="Arguments">The arguments, in parameter order.</param>
internal sealed record PlannedCall(string Name, IReadOnlyList<PlannedArgument> Arguments)
{
    /// <summary>Gets how deep the nested calls go: 0 for a call whose arguments are all literals.</summary>
    public int Height => Arguments.Select(static a => a.Call is { } c ? c.Height + 1 : 0).DefaultIfEmpty(0).Max();
}
