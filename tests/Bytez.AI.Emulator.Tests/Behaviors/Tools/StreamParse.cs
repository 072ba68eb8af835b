using Bytez.AI.ToolCalling;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Emulator.Tests.Behaviors.Tools;

/// <summary>Feeds stream chunks to a format's incremental parser, as the chat client does.</summary>
internal static class StreamParse
{
    public static List<AIContent> Contents(ToolCallFormat format, IReadOnlyList<AIFunctionDeclaration> tools, IEnumerable<string> chunks)
    {
        var parser = format.CreateStreamParser(tools);
        var contents = new List<AIContent>();
        foreach (string chunk in chunks)
        {
            contents.AddRange(parser.Feed(chunk));
        }

        contents.AddRange(parser.Complete());
        return contents;
    }

    public static List<FunctionCallContent> Calls(ToolCallFormat format, IReadOnlyList<AIFunctionDeclaration> tools, IEnumerable<string> chunks) =>
        [.. Contents(format, tools, chunks).OfType<FunctionCallContent>()];

    public static string Text(IEnumerable<AIContent> contents) => string.Concat(contents.OfType<TextContent>().Select(static t => t.Text));
}
