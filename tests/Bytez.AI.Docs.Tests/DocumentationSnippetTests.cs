using Bytez.AI.Docs.Tests.Markdown;
using Bytez.AI.Docs.Tests.Running;
using Bytez.AI.Docs.Tests.Snippets;

namespace Bytez.AI.Docs.Tests;

/// <summary>
/// Every C# block of README.md, samples/README.md and src/*/README.md compiles and runs against the emulator and does
/// what its check says. How to add or change one: CONTRIBUTING.md ("Documentation snippets").
/// </summary>
public sealed class DocumentationSnippetTests
{
    /// <summary>Gets every C# block, by its snippet id (or its place, when it has no marker).</summary>
    public static TheoryData<string> Blocks => [.. DocumentedFiles.CSharpBlocks.Select(b => b.SnippetId ?? b.Location)];

    [Theory]
    [MemberData(nameof(Blocks))]
    public async Task The_block_compiles_runs_against_the_emulator_and_does_what_its_check_says(string block)
    {
        CodeBlock code = DocumentedFiles.CSharpBlocks.Single(b => (b.SnippetId ?? b.Location) == block);
        Assert.True(code.SnippetId is not null, $"The C# block at {code.Location} has no marker: put <!-- snippet: some-id --> on the line before its fence and add a check with that id (CONTRIBUTING.md).");
        Assert.True(SnippetChecks.ById.TryGetValue(code.SnippetId, out SnippetCheck? check), $"No check for the block '{code.SnippetId}' ({code.Location}): add one to tests/Bytez.AI.Docs.Tests/Snippets (CONTRIBUTING.md).");

        await SnippetRunner.RunAndVerifyAsync(code, check);
    }

    [Fact]
    public void The_documented_files_have_csharp_blocks_and_each_snippet_id_is_used_once()
    {
        Assert.Contains("README.md", DocumentedFiles.Files);
        Assert.Contains("samples/README.md", DocumentedFiles.Files);
        Assert.Contains("src/Bytez.AI.ToolCalling/README.md", DocumentedFiles.Files);
        Assert.Contains("src/Bytez.AI.Emulator/README.md", DocumentedFiles.Files);
        Assert.NotEmpty(DocumentedFiles.CSharpBlocks);

        var duplicates = DocumentedFiles.CSharpBlocks.Where(b => b.SnippetId is not null).GroupBy(b => b.SnippetId).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(duplicates);
    }

    [Fact]
    public void Every_check_belongs_to_a_block_that_is_still_in_the_docs()
    {
        var ids = DocumentedFiles.CSharpBlocks.Select(b => b.SnippetId).ToHashSet(StringComparer.Ordinal);

        Assert.All(SnippetChecks.ById.Keys, id => Assert.True(ids.Contains(id), $"The check '{id}' has no block with <!-- snippet: {id} --> any more: remove the check or restore the marker."));
    }
}
