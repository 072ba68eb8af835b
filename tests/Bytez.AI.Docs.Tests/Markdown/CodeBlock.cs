namespace Bytez.AI.Docs.Tests.Markdown;

/// <summary>A fenced code block of a Markdown file.</summary>
/// <param name="File">The file, relative to the repository root, with forward slashes (such as <c>README.md</c>).</param>
/// <param name="Line">The 1-based line of the block's first code line (the line after the opening fence).</param>
/// <param name="Language">The first word of the fence's info string, lower case; empty when there is none.</param>
/// <param name="SnippetId">The id of the <c>&lt;!-- snippet: id --&gt;</c> marker on the line before the fence, or null.</param>
/// <param name="Code">The code, with the block's indentation removed and <c>\n</c> line ends.</param>
public sealed record CodeBlock(string File, int Line, string Language, string? SnippetId, string Code)
{
    /// <summary>The fence languages that mean C#.</summary>
    private static readonly HashSet<string> CSharpNames = new(StringComparer.OrdinalIgnoreCase) { "csharp", "cs", "c#" };

    /// <summary>Gets a value indicating whether the block is C#.</summary>
    public bool IsCSharp => CSharpNames.Contains(Language);

    /// <summary>Gets where the block is, as <c>file:line</c>.</summary>
    public string Location => $"{File}:{Line}";

    /// <inheritdoc />
    public override string ToString() => SnippetId is null ? Location : $"{SnippetId} ({Location})";
}
