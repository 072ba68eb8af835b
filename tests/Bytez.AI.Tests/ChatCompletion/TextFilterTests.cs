using Bytez.AI.ChatCompletion;

namespace Bytez.AI.Tests.ChatCompletion;

public class TextFilterTests
{
    [Theory]
    [InlineData("Once upon a time there was", "Once upon a time", false, " there was")]
    [InlineData("User: Hi\nAssistant: Hello there", "User: Hi\nAssistant:", true, "Hello there")]
    [InlineData("Something else entirely", "Once upon a time", false, "Something else entirely")]
    [InlineData("Once upon", "Once upon a time", false, "Once upon")]
    [InlineData("Once upon a time", "Once upon a time", false, "")]
    public void Strip_RemovesEchoOnlyWhenOutputStartsWithPrompt(string output, string prompt, bool trim, string expected)
    {
        Assert.Equal(expected, PromptEchoStripper.Strip(output, prompt, trim));
    }

    [Fact]
    public void Streaming_HoldsBackOnlyWhileStillAPrefixOfThePrompt()
    {
        var stripper = new PromptEchoStripper("Once upon a time", trimLeadingWhitespace: false);

        Assert.Equal("", stripper.Push("Once up"));
        Assert.Equal("", stripper.Push("on a ti"));
        Assert.Equal(" there", stripper.Push("me there"));
        Assert.Equal(" was", stripper.Push(" was"));
        Assert.Equal("", stripper.Flush());
    }

    [Fact]
    public void Streaming_ReleasesEverythingAsSoonAsItIsNotAnEcho()
    {
        var stripper = new PromptEchoStripper("Once upon a time", trimLeadingWhitespace: false);

        Assert.Equal("", stripper.Push("Once"));
        Assert.Equal("Once more", stripper.Push(" more"));
        Assert.Equal("!", stripper.Push("!"));
    }

    [Fact]
    public void Stop_TruncatesAtEarliestSequence()
    {
        var filter = new StopSequenceFilter(["###", "\nUser:"]);

        Assert.Equal("Paris is the capital.", filter.Push("Paris is the capital.\nUser: and ### more") + filter.Flush());
        Assert.True(filter.Stopped);
    }

    [Fact]
    public void Stop_AcrossChunks_HoldsOnlyAPossibleStart()
    {
        var filter = new StopSequenceFilter(["\nUser:"]);

        Assert.Equal("Hello", filter.Push("Hello\nUs"));
        Assert.False(filter.Stopped);
        Assert.Equal("", filter.Push("er: next"));
        Assert.True(filter.Stopped);
        Assert.Equal("", filter.Push("ignored"));
        Assert.Equal("", filter.Flush());
    }

    [Fact]
    public void Stop_HeldTailReleasedWhenItDoesNotComplete()
    {
        var filter = new StopSequenceFilter(["\nUser:"]);

        Assert.Equal("Hello", filter.Push("Hello\nU"));
        Assert.Equal("\nUp", filter.Push("p"));
        Assert.Equal("", filter.Push("\n"));
        Assert.Equal("\n", filter.Flush());
        Assert.False(filter.Stopped);
    }

    [Fact]
    public void Stop_NoSequences_PassesThrough()
    {
        var filter = new StopSequenceFilter(null);

        Assert.Equal("abc", filter.Push("abc"));
        Assert.Equal("", filter.Flush());
    }
}
