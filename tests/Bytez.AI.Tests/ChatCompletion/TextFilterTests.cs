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
}
