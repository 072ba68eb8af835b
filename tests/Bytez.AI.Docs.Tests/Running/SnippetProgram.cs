using System.Text;
using Bytez.AI.Docs.Tests.Markdown;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Bytez.AI.Docs.Tests.Running;

/// <summary>
/// Puts a block and its wrapper together as one C# file of top-level statements: using directives first (the wrapper's,
/// then the block's), the wrapper's statements before, the block's statements, the wrapper's statements after, then the
/// block's types and the wrapper's. <c>#line</c> directives map the block's lines back to the Markdown file, so a
/// compile error names <c>README.md</c> and its line.
/// </summary>
public static class SnippetProgram
{
    /// <summary>The implicit usings of a new console project (<c>ImplicitUsings</c> on), which snippets may rely on.</summary>
    public static IReadOnlyList<string> ImplicitUsings { get; } =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    /// <summary>Gets the parse options: the latest C#, as the repository's projects use.</summary>
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>Composes the program.</summary>
    /// <param name="block">The block.</param>
    /// <param name="wrapper">Its wrapper.</param>
    /// <returns>The source of the program.</returns>
    public static string Compose(CodeBlock block, SnippetWrapper wrapper)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(wrapper);

        var source = new StringBuilder();
        foreach (string ns in ImplicitUsings)
        {
            source.Append("global using global::").Append(ns).Append(";\n");
        }

        foreach (string ns in wrapper.Usings)
        {
            source.Append("using ").Append(ns).Append(";\n");
        }

        if (wrapper.BlockIsMembers)
        {
            source.Append(wrapper.Before).Append('\n').Append(wrapper.After).Append('\n');
            source.Append(wrapper.Types.Replace(SnippetWrapper.MembersPlaceholder, Mapped(block, 0, block.Code), StringComparison.Ordinal));
            return source.ToString();
        }

        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(block.Code, ParseOptions).GetRoot();
        var statements = root.Members.OfType<GlobalStatementSyntax>().ToList();
        var types = root.Members.Where(m => m is not GlobalStatementSyntax).ToList();

        source.Append(Chunk(block, root.Usings)).Append('\n');
        source.Append(wrapper.Before).Append('\n');
        source.Append(Chunk(block, statements)).Append('\n');
        source.Append(wrapper.After).Append('\n');
        source.Append(Chunk(block, types)).Append('\n');
        source.Append(wrapper.Types).Append('\n');
        return source.ToString();
    }

    private static string Chunk(CodeBlock block, IReadOnlyList<SyntaxNode> nodes)
    {
        if (nodes.Count == 0)
        {
            return string.Empty;
        }

        // Nodes of one kind are contiguous in valid code (usings, then statements, then types), so one span covers them.
        int start = nodes[0].FullSpan.Start;
        int end = nodes[^1].FullSpan.End;
        int line = nodes[0].SyntaxTree.GetLineSpan(nodes[0].FullSpan).StartLinePosition.Line;
        return Mapped(block, line, block.Code[start..end]);
    }

    private static string Mapped(CodeBlock block, int lineInBlock, string code) =>
        $"\n#line {block.Line + lineInBlock} \"{block.File}\"\n{code}\n#line default\n";
}
