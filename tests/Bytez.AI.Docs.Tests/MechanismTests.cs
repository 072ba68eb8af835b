using Bytez.AI.Docs.Tests.Markdown;
using Bytez.AI.Docs.Tests.Running;
using Bytez.AI.Docs.Tests.Snippets;

namespace Bytez.AI.Docs.Tests;

/// <summary>The snippet mechanism itself: it finds the blocks, and a block that drifted from the library fails.</summary>
public sealed class MechanismTests
{
    [Fact]
    public void Blocks_are_read_with_their_marker_language_and_first_line()
    {
        const string markdown = """
            # Title

            <!-- snippet: first -->

            ```csharp
            Console.WriteLine(1);
            ```

            ```bash
            dotnet test
            ```

            - a list item:
              ```cs
              int x = 2;
              ```

            ~~~C#
            ```not a fence end
            ~~~
            """;

        IReadOnlyList<CodeBlock> blocks = MarkdownCodeBlocks.Parse("doc.md", markdown);

        Assert.Equal(["csharp", "bash", "cs", "c#"], blocks.Select(b => b.Language));
        Assert.Equal(["first", null, null, null], blocks.Select(b => b.SnippetId));
        Assert.Equal(6, blocks[0].Line);
        Assert.Equal("Console.WriteLine(1);", blocks[0].Code);
        Assert.Equal("int x = 2;", blocks[2].Code);
        Assert.Equal("```not a fence end", blocks[3].Code);
        Assert.Equal([true, false, true, true], blocks.Select(b => b.IsCSharp));
    }

    [Fact]
    public void A_block_that_calls_an_API_that_does_not_exist_fails_naming_the_Markdown_line()
    {
        var block = new CodeBlock("README.md", 40, "csharp", "drifted", "using Bytez.AI;\n\nusing var client = new BytezClient(\"key\");\nawait client.ListEverythingAsync();");

        var error = Assert.Throws<SnippetCompilationException>(() => SnippetCompiler.Compile("Snippet.Drifted", SnippetProgram.Compose(block, Wrappers.Complete)));

        string diagnostic = Assert.Single(error.Diagnostics);
        Assert.StartsWith("README.md(43,", diagnostic, StringComparison.Ordinal);
        Assert.Contains("ListEverythingAsync", diagnostic, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fragment_that_forgets_its_usings_does_not_compile_even_in_a_wrapper()
    {
        var block = new CodeBlock("README.md", 10, "csharp", "no-usings", "BytezModel model = client.GetModel(\"org/model\");");

        var error = Assert.Throws<SnippetCompilationException>(() => SnippetCompiler.Compile("Snippet.NoUsings", SnippetProgram.Compose(block, Wrappers.Client)));

        Assert.Contains(error.Diagnostics, d => d.Contains("BytezModel", StringComparison.Ordinal) && d.StartsWith("README.md(10,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_block_whose_output_differs_from_its_check_fails()
    {
        var block = new CodeBlock("README.md", 1, "csharp", "prints", "System.Console.WriteLine(\"something else\");");
        var check = new SnippetCheck("prints", Wrappers.Complete, run => run.Printed("the documented output"));

        await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => SnippetRunner.RunAndVerifyAsync(block, check));
    }

    [Fact]
    public async Task A_block_that_throws_fails_with_what_it_printed()
    {
        var block = new CodeBlock("README.md", 1, "csharp", "throws", "System.Console.WriteLine(\"before\");\nthrow new System.InvalidOperationException(\"boom\");");
        var check = new SnippetCheck("throws", Wrappers.Complete, _ => { });

        var error = await Assert.ThrowsAsync<SnippetRunException>(() => SnippetRunner.RunAndVerifyAsync(block, check));

        Assert.Contains("boom", error.Message, StringComparison.Ordinal);
        Assert.Contains("before", error.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(error.InnerException);
    }
}
