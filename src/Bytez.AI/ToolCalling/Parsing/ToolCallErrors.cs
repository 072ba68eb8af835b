using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>Builds the <see cref="ErrorContent"/>s that stand in for calls that must not run.</summary>
internal static class ToolCallErrors
{
    public static ErrorContent Invalid(string reason, string raw) =>
        new($"The model produced an invalid tool call; it was not executed. {reason}")
        {
            ErrorCode = ToolCallErrorCodes.InvalidToolCall,
            Details = raw,
        };

    public static ErrorContent Truncated(string raw) =>
        new("The model output ended in the middle of a tool call (token limit?); the call was not executed.")
        {
            ErrorCode = ToolCallErrorCodes.TruncatedToolCall,
            Details = raw,
        };

    public static ErrorContent Required(string? functionName) =>
        new(functionName is null
            ? "The tool mode requires a tool call, but the model answered without one."
            : $"The tool mode requires a call to '{functionName}', but the model did not make one.")
        {
            ErrorCode = ToolCallErrorCodes.ToolCallRequired,
        };
}
