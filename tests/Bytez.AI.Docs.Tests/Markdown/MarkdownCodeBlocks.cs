using System.Text.RegularExpressions;

namespace Bytez.AI.Docs.Tests.Markdown;

/// <summary>Reads the fenced code blocks of a Markdown file (CommonMark fences: <c>```</c> or <c>~~~</c>, maybe indented).</summary>
public static partial class MarkdownCodeBlocks
{
    /// <summary>Reads the blocks of a file.</summary>
    /// <param name="root">The repository root.</param>
    /// <param name="relativePath">The file, relative to <paramref name="root"/>.</param>
    /// <returns>The blocks, in order.</returns>
    public static IReadOnlyList<CodeBlock> Read(string root, string relativePath) =>
        Parse(relativePath, File.ReadAllText(Path.Combine(root, relativePath)));

    /// <summary>Reads the blocks of Markdown text.</summary>
    /// <param name="file">The file name the blocks report.</param>
    /// <param name="markdown">The text.</param>
    /// <returns>The blocks, in order.</returns>
    public static IReadOnlyList<CodeBlock> Parse(string file, string markdown)
    {
        string[] lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var blocks = new List<CodeBlock>();
        for (int i = 0; i < lines.Length; i++)
        {
            Match open = OpeningFence().Match(lines[i]);
            if (!open.Success)
            {
                continue;
            }

            string indent = open.Groups["indent"].Value;
            string fence = open.Groups["fence"].Value;
            string language = open.Groups["info"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.ToLowerInvariant() ?? string.Empty;
            int first = i + 1;
            int close = first;
            while (close < lines.Length && !IsClosingFence(lines[close], fence))
            {
                close++;
            }

            string code = string.Join('\n', lines[first..Math.Min(close, lines.Length)].Select(l => l.StartsWith(indent, StringComparison.Ordinal) ? l[indent.Length..] : l.TrimStart()));
            blocks.Add(new CodeBlock(file, first + 1, language, MarkerBefore(lines, i), code));
            i = close;
        }

        return blocks;
    }

    // The marker is the nearest non-blank line above the fence, so a blank line between them is allowed.
    private static string? MarkerBefore(string[] lines, int fenceLine)
    {
        for (int j = fenceLine - 1; j >= 0; j--)
        {
            if (lines[j].Trim().Length == 0)
            {
                continue;
            }

            Match marker = SnippetMarker().Match(lines[j]);
            return marker.Success ? marker.Groups["id"].Value : null;
        }

        return null;
    }

    private static bool IsClosingFence(string line, string fence)
    {
        string trimmed = line.Trim();
        return trimmed.Length >= fence.Length && trimmed.All(c => c == fence[0]);
    }

    [GeneratedRegex(@"^(?<indent>\s{0,3}(?:[-*]\s+)?\s*)(?<fence>`{3,}|~{3,})(?<info>[^`]*)$")]
    private static partial Regex OpeningFence();

    [GeneratedRegex(@"^\s*<!--\s*snippet:\s*(?<id>[A-Za-z0-9_.-]+)\s*-->\s*$")]
    private static partial Regex SnippetMarker();
}
