using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling.Tests;

/// <summary>Every case of tool-calling.md, per format: whole text, every two-chunk split, and character by character.</summary>
public class ParseCaseTests
{
    [Theory]
    [MemberData(nameof(ParseCases.Keys), MemberType = typeof(ParseCases))]
    public void Parse_gives_the_expected_contents_and_finish_reason(string format, string name)
    {
        var c = ParseCases.Get(format, name);
        var result = ToolCallFormats.GetByName(format).Parse(c.Text, TestTools.All, new ToolCallParseOptions { LenientJson = c.Lenient });

        Assert.Equal(c.Expected, ContentDescriber.Describe(result.Contents));
        Assert.Equal(c.Finish, result.FinishReason?.Value);
        Assert.Equal(c.Expected.Contains("C:", StringComparison.Ordinal), result.HasToolCalls);
    }

    [Theory]
    [MemberData(nameof(ParseCases.Keys), MemberType = typeof(ParseCases))]
    public void Streaming_split_at_every_index_gives_the_same_result(string format, string name)
    {
        var c = ParseCases.Get(format, name);
        var toolFormat = ToolCallFormats.GetByName(format);
        var options = new ToolCallParseOptions { LenientJson = c.Lenient };
        for (int i = 0; i <= c.Text.Length; i++)
        {
            var (description, finish, _) = ContentDescriber.Stream(toolFormat, [c.Text[..i], c.Text[i..]], options: options);
            Assert.True(c.Expected == description, $"split at {i}: expected {c.Expected} but got {description}");
            Assert.Equal(c.Finish, finish?.Value);
        }
    }

    [Theory]
    [MemberData(nameof(ParseCases.Keys), MemberType = typeof(ParseCases))]
    public void Streaming_character_by_character_gives_the_same_result(string format, string name)
    {
        var c = ParseCases.Get(format, name);
        var (description, finish, contents) = ContentDescriber.Stream(
            ToolCallFormats.GetByName(format), c.Text.Select(static ch => ch.ToString()), options: new ToolCallParseOptions { LenientJson = c.Lenient });

        Assert.Equal(c.Expected, description);
        Assert.Equal(c.Finish, finish?.Value);

        // Each call is emitted exactly once, with a distinct id.
        var ids = contents.OfType<FunctionCallContent>().Select(static x => x.CallId).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
