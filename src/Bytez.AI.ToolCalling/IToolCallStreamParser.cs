using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>
/// Parses streamed model output incrementally. It returns text as soon as it cannot be part of a call marker, each call
/// once it is complete (never withdrawn), and never returns marker fragments. One instance per response.
/// </summary>
public interface IToolCallStreamParser
{
    /// <summary>Gets the finish reason the output implies so far (final after <see cref="Complete"/>); see <see cref="ToolParseResult.FinishReason"/>.</summary>
    ChatFinishReason? FinishReason { get; }

    /// <summary>Feeds the next chunk of output.</summary>
    /// <param name="chunk">The text chunk (any split, including inside a marker or a call).</param>
    /// <returns>Contents now safe to emit (<see cref="TextContent"/>, <see cref="FunctionCallContent"/>, <see cref="ErrorContent"/>); often empty.</returns>
    IReadOnlyList<AIContent> Feed(string chunk);

    /// <summary>
    /// Ends the stream: flushes held-back text, emits a call that is complete but unclosed, and turns a call cut off
    /// mid-way into an <see cref="ErrorContent"/> (<see cref="ToolCallErrorCodes.TruncatedToolCall"/>, finish reason
    /// <see cref="ChatFinishReason.Length"/>).
    /// </summary>
    /// <returns>The remaining contents.</returns>
    IReadOnlyList<AIContent> Complete();
}
