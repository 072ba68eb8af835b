using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>The <see cref="ErrorContent.ErrorCode"/> values the parsers produce.</summary>
public static class ToolCallErrorCodes
{
    /// <summary>A call marker was followed by text that is not a valid call (bad JSON, non-literal Python argument, ...). The call is not executed.</summary>
    public const string InvalidToolCall = "invalid_tool_call";

    /// <summary>The output ended in the middle of a call (usually the token limit). The call is not executed; finish reason is Length.</summary>
    public const string TruncatedToolCall = "truncated_tool_call";

    /// <summary>The tool mode required a call (or a specific function) and the output had none.</summary>
    public const string ToolCallRequired = "tool_call_required";
}
