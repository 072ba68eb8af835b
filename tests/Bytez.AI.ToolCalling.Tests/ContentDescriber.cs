using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling.Tests;

/// <summary>
/// A compact, id-free description of parsed contents, so tables can state expectations in one string. This project sees
/// only the public API of Bytez.AI.ToolCalling (no InternalsVisibleTo), as a user writing a format would.
/// </summary>
internal static class ContentDescriber
{
    /// <summary>M.E.AI's JSON options (relaxed escaping), written on one line.</summary>
    public static readonly JsonSerializerOptions CompactJson = new(AIJsonUtilities.DefaultOptions) { WriteIndented = false };

    /// <summary>R:reasoning | T:text | C:name{json args} | E:error_code, adjacent texts (and adjacent reasoning) merged.</summary>
    public static string Describe(IEnumerable<AIContent> contents)
    {
        var parts = new List<string>();
        var text = new StringBuilder();
        string kind = "T:";
        foreach (var content in contents)
        {
            string? piece = content switch
            {
                TextContent t => t.Text,
                TextReasoningContent r => r.Text,
                _ => null,
            };
            string pieceKind = content is TextReasoningContent ? "R:" : "T:";
            if (piece is not null && (text.Length == 0 || pieceKind == kind))
            {
                kind = pieceKind;
                text.Append(piece);
                continue;
            }

            if (text.Length > 0)
            {
                parts.Add(kind + text);
                text.Clear();
            }

            if (piece is not null)
            {
                kind = pieceKind;
                text.Append(piece);
                continue;
            }

            parts.Add(content switch
            {
                FunctionCallContent c => "C:" + c.Name + JsonSerializer.Serialize(c.Arguments, CompactJson),
                ErrorContent e => "E:" + e.ErrorCode,
                _ => "?:" + content.GetType().Name,
            });
        }

        if (text.Length > 0)
        {
            parts.Add(kind + text);
        }

        return string.Join("|", parts);
    }

    /// <summary>Feeds <paramref name="chunks"/> to a new stream parser and describes everything it returned.</summary>
    public static (string Description, ChatFinishReason? FinishReason, List<AIContent> Contents) Stream(
        ToolCallFormat format, IEnumerable<string> chunks, IReadOnlyList<AIFunctionDeclaration>? tools = null, ToolCallParseOptions? options = null)
    {
        var parser = format.CreateStreamParser(tools ?? TestTools.All, options);
        var contents = new List<AIContent>();
        foreach (var chunk in chunks)
        {
            contents.AddRange(parser.Feed(chunk));
        }

        contents.AddRange(parser.Complete());
        return (Describe(contents), parser.FinishReason, contents);
    }
}
