using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>The parser for <see cref="ChatToolMode.None"/>: every chunk is text, nothing is a call.</summary>
internal sealed class PassThroughStreamParser : IToolCallStreamParser
{
    public ChatFinishReason? FinishReason => null;

    public IReadOnlyList<AIContent> Feed(string chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        return chunk.Length == 0 ? [] : [new TextContent(chunk)];
    }

    public IReadOnlyList<AIContent> Complete() => [];
}
