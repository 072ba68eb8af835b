using System.Text;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>The model output parsed by a <see cref="ToolCallFormat"/>: text, calls and errors in output order.</summary>
public sealed class ToolParseResult
{
    /// <summary>Initializes a new instance of the <see cref="ToolParseResult"/> class.</summary>
    /// <param name="contents">The contents in output order.</param>
    /// <param name="finishReason">The finish reason the output implies, or null when it implies none.</param>
    public ToolParseResult(IReadOnlyList<AIContent> contents, ChatFinishReason? finishReason)
    {
        ArgumentNullException.ThrowIfNull(contents);
        Contents = contents;
        FinishReason = finishReason;
    }

    /// <summary>
    /// Gets the contents in output order: <see cref="TextContent"/> for prose, <see cref="FunctionCallContent"/> for each
    /// complete call and <see cref="ErrorContent"/> for a call that could not be used (see <see cref="ToolCallErrorCodes"/>).
    /// </summary>
    public IReadOnlyList<AIContent> Contents { get; }

    /// <summary>
    /// Gets the finish reason the output implies: <see cref="ChatFinishReason.Length"/> when a call was cut off,
    /// otherwise <see cref="ChatFinishReason.ToolCalls"/> when calls were found, otherwise <see langword="null"/> (the
    /// caller uses what the server reported, usually <see cref="ChatFinishReason.Stop"/>).
    /// </summary>
    public ChatFinishReason? FinishReason { get; }

    /// <summary>Gets a value indicating whether the output holds at least one call.</summary>
    public bool HasToolCalls => Contents.Any(static c => c is FunctionCallContent);

    /// <summary>Gets the calls, in output order.</summary>
    public IReadOnlyList<FunctionCallContent> ToolCalls => [.. Contents.OfType<FunctionCallContent>()];

    /// <summary>Gets the errors (invalid, truncated or missing calls), in output order.</summary>
    public IReadOnlyList<ErrorContent> Errors => [.. Contents.OfType<ErrorContent>()];

    /// <summary>Gets the text contents joined.</summary>
    public string Text
    {
        get
        {
            var sb = new StringBuilder();
            foreach (var text in Contents.OfType<TextContent>())
            {
                sb.Append(text.Text);
            }

            return sb.ToString();
        }
    }
}
