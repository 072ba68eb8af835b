using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>A function result with the name of the call it answers (null when the call is not in the history).</summary>
/// <param name="Result">The result.</param>
/// <param name="Name">The called function's name.</param>
/// <param name="Call">The call, when found.</param>
internal sealed record HistoryResult(FunctionResultContent Result, string? Name, FunctionCallContent? Call)
{
    /// <summary>Gets the result as text, errors as <c>Error: ...</c>.</summary>
    public string Text => ToolResultText.Format(Result);
}
