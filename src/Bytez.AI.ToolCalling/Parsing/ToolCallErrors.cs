using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>
/// Builds the <see cref="ErrorContent"/>s that stand in for calls that must not run (codes in <see cref="ToolCallErrorCodes"/>).
/// A format's reader emits them instead of a <see cref="FunctionCallContent"/> whose arguments would be made up.
/// </summary>
public static class ToolCallErrors
{
    /// <summary>A call marker followed by text that is not a valid call.</summary>
    /// <param name="reason">What is wrong, for the caller.</param>
    /// <param name="raw">The call text (<see cref="ErrorContent.Details"/>).</param>
    /// <returns>The error (<see cref="ToolCallErrorCodes.InvalidToolCall"/>).</returns>
    public static ErrorContent Invalid(string reason, string raw) =>
        new($"The model produced an invalid tool call; it was not executed. {reason}")
        {
            ErrorCode = ToolCallErrorCodes.InvalidToolCall,
            Details = raw,
        };

    /// <summary>A call cut off at the end of the output (usually the token limit).</summary>
    /// <param name="raw">The call text as far as it got (<see cref="ErrorContent.Details"/>).</param>
    /// <returns>The error (<see cref="ToolCallErrorCodes.TruncatedToolCall"/>).</returns>
    public static ErrorContent Truncated(string raw) =>
        new("The model output ended in the middle of a tool call (token limit?); the call was not executed.")
        {
            ErrorCode = ToolCallErrorCodes.TruncatedToolCall,
            Details = raw,
        };

    /// <summary>A required tool mode that got no (matching) call.</summary>
    /// <param name="functionName">The required function, or null when any call would do.</param>
    /// <returns>The error (<see cref="ToolCallErrorCodes.ToolCallRequired"/>).</returns>
    public static ErrorContent Required(string? functionName) =>
        new(functionName is null
            ? "The tool mode requires a tool call, but the model answered without one."
            : $"The tool mode requires a call to '{functionName}', but the model did not make one.")
        {
            ErrorCode = ToolCallErrorCodes.ToolCallRequired,
        };
}
