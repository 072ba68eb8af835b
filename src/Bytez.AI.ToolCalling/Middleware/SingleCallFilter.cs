using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>
/// Honours <see cref="ChatOptions.AllowMultipleToolCalls"/> = <see langword="false"/>: keeps the first call of a reply and
/// drops every later one, whole or cut off, the way a server told <c>parallel_tool_calls: false</c> returns one call and
/// nothing of the others. Text and other contents pass through. Stateful over one reply (whole or streamed).
/// </summary>
internal sealed class SingleCallFilter
{
    /// <summary>Gets a value indicating whether a call was kept (the reply then finishes with <see cref="ChatFinishReason.ToolCalls"/>).</summary>
    public bool KeptCall { get; private set; }

    /// <summary>Filters the next contents of the reply.</summary>
    /// <param name="contents">Contents in output order.</param>
    /// <returns>The contents without the calls after the first.</returns>
    public IReadOnlyList<AIContent> Filter(IReadOnlyList<AIContent> contents)
    {
        List<AIContent>? kept = null;
        for (int i = 0; i < contents.Count; i++)
        {
            AIContent content = contents[i];
            bool drop = KeptCall && IsCall(content);
            KeptCall |= content is FunctionCallContent;
            if (drop && kept is null)
            {
                kept = [.. contents.Take(i)];
            }
            else if (!drop)
            {
                kept?.Add(content);
            }
        }

        return kept ?? contents;
    }

    /// <summary>A call, or a call that could not be used (a later call is dropped whatever its state).</summary>
    private static bool IsCall(AIContent content) =>
        content is FunctionCallContent
        || content is ErrorContent { ErrorCode: ToolCallErrorCodes.InvalidToolCall or ToolCallErrorCodes.TruncatedToolCall };
}
