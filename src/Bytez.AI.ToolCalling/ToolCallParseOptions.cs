using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>Options for parsing model output into calls.</summary>
public sealed class ToolCallParseOptions
{
    /// <summary>
    /// Gets or sets the tool mode of the request. <see cref="ChatToolMode.None"/> parses nothing as a call; a
    /// <see cref="RequiredChatToolMode"/> adds an <see cref="ErrorContent"/> (<see cref="ToolCallErrorCodes.ToolCallRequired"/>)
    /// when the output holds no (matching) call.
    /// </summary>
    public ChatToolMode? ToolMode { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether JSON calls are parsed leniently: single-quoted strings, Python
    /// <c>True</c>/<c>False</c>/<c>None</c> and trailing commas are accepted. Default <see langword="true"/>. When
    /// <see langword="false"/>, such a call inside a call marker becomes an <see cref="ErrorContent"/>.
    /// </summary>
    public bool LenientJson { get; set; } = true;

    /// <summary>
    /// Gets or sets a value indicating whether the output may hold several calls (default <see langword="true"/>). When
    /// <see langword="false"/> (<see cref="ChatOptions.AllowMultipleToolCalls"/>), the first call stands and later calls,
    /// and errors about later calls, are dropped, as vLLM does for <c>parallel_tool_calls: false</c>.
    /// </summary>
    public bool AllowMultipleToolCalls { get; set; } = true;

    /// <summary>
    /// Gets or sets the generator of call ids for formats whose output has none. Null uses the format's default
    /// (<c>call_</c> plus 24 hex digits; 9 alphanumerics for Mistral). Ids must be distinct across a conversation.
    /// </summary>
    public Func<string>? CallIdFactory { get; set; }
}
