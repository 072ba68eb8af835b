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
    public void Streaming_TrimsOnlyTheWhiteSpaceBeforeTheAnswer_EvenWhenItArrivesInSeveralPieces()
    {
        var stripper = new PromptEchoStripper("User: Hi\nAssistant:", trimLeadingWhitespace: true);

        Assert.Equal("", stripper.Push("User: Hi\nAssistant:"));
        Assert.Equal("", stripper.Push(" "));
        Assert.Equal("", stripper.Push("\n "));
        Assert.Equal("Hello", stripper.Push(" Hello"));
        Assert.Equal(" world", stripper.Push(" world"));
        Assert.Equal(" ", stripper.Push(" "));
        Assert.Equal("", stripper.Flush());
    }

    [Fact]
    public void Streaming_KeepsSpacesBetweenPieces_WhenTrimmingIsOff()
    {
        var stripper = new PromptEchoStripper("Q:", trimLeadingWhitespace: false);

        Assert.Equal("", stripper.Push("Q:"));
        Assert.Equal(" ", stripper.Push(" "));
        Assert.Equal(" A", stripper.Push(" A"));
    }

    [Fact]
    public void Streaming_OnceTheEchoIsRemoved_LaterTextThatRepeatsThePromptIsKept()
    {
        var stripper = new PromptEchoStripper("Once", trimLeadingWhitespace: false);

        Assert.Equal("", stripper.Push("Once"));
        Assert.Equal("Once", stripper.Push("Once"));
        Assert.Equal(" upon", stripper.Push(" upon"));
        Assert.Equal("Once", stripper.Push("Once"));
        Assert.Equal("", stripper.Flush());
    }

    [Fact]
    public void Streaming_OnceTheOutputIsKnownNotToBeAnEcho_LaterTextThatLooksLikeThePromptIsKept()
    {
        var stripper = new PromptEchoStripper("Once upon", trimLeadingWhitespace: false);

        Assert.Equal("Hi ", stripper.Push("Hi "));
        Assert.Equal("Once upon", stripper.Push("Once upon"));
        Assert.Equal("", stripper.Flush());
    }

    [Fact]
    public void Streaming_APieceThatCompletesThePromptAndGoesOn_ReleasesOnlyWhatFollows()
    {
        var stripper = new PromptEchoStripper("abc", trimLeadingWhitespace: true);

        Assert.Equal("", stripper.Push("ab"));
        Assert.Equal("X", stripper.Push("c X"));
    }

    [Fact]
    public void Streaming_OutputThatIsNotAnEcho_IsTrimmedOfLeadingWhiteSpaceWhenAsked()
    {
        var stripper = new PromptEchoStripper("Q:", trimLeadingWhitespace: true);

        Assert.Equal("hello", stripper.Push("  hello"));
        Assert.Equal(" there", stripper.Push(" there"));
    }

    [Fact]
    public void Flush_ReleasesAHeldPartialEcho_TrimmedWhenAsked()
    {
        var trimmed = new PromptEchoStripper(" \nAssistant:", trimLeadingWhitespace: true);
        Assert.Equal("", trimmed.Push(" \nAssis"));
        Assert.Equal("Assis", trimmed.Flush());
        Assert.Equal("", trimmed.Flush());

        var kept = new PromptEchoStripper(" \nAssistant:", trimLeadingWhitespace: false);
        Assert.Equal("", kept.Push(" \nAssis"));
        Assert.Equal(" \nAssis", kept.Flush());
    }

    [Fact]
    public void EmptyPrompt_PassesEverythingThrough()
    {
        var stripper = new PromptEchoStripper("", trimLeadingWhitespace: true);

        Assert.Equal("Hi", stripper.Push(" Hi"));
        Assert.Equal(" there", stripper.Push(" there"));
        Assert.Equal("", stripper.Flush());
        Assert.Equal("text", PromptEchoStripper.Strip("text", "", trimLeadingWhitespace: false));
    }
}
