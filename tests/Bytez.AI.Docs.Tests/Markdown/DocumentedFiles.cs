namespace Bytez.AI.Docs.Tests.Markdown;

/// <summary>The Markdown files whose C# blocks must compile and run: the README, the samples' README, each package's README.</summary>
public static class DocumentedFiles
{
    /// <summary>Gets the repository root (the folder that holds <c>Bytez.AI.sln</c>).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Gets the files, relative to <see cref="Root"/>, with forward slashes.</summary>
    public static IReadOnlyList<string> Files { get; } =
    [
        "README.md",
        "samples/README.md",
        .. Directory.GetDirectories(Path.Combine(Root, "src"))
            .Select(d => Path.Combine(d, "README.md"))
            .Where(File.Exists)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>Gets every C# block of the files.</summary>
    public static IReadOnlyList<CodeBlock> CSharpBlocks { get; } =
        [.. Files.SelectMany(f => MarkdownCodeBlocks.Read(Root, f)).Where(b => b.IsCSharp)];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bytez.AI.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Bytez.AI.sln above {AppContext.BaseDirectory}: run the tests from the repository.");
    }
}
