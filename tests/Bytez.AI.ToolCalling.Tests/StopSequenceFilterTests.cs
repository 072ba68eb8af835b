using Bytez.AI.ToolCalling;

namespace Bytez.AI.ToolCalling.Tests;

/// <summary>The stop-sequence filter the middleware (and text-only clients) enforce stop sequences with.</summary>
public class StopSequenceFilterTests
{
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

    [Fact]
    public void Apply_CutsACompleteText()
    {
        Assert.Equal("Call: f()", StopSequenceFilter.Apply("Call: f()<bot_end>Thought: x", ["<bot_end>"], out bool stopped));
        Assert.True(stopped);
        Assert.Equal("plain", StopSequenceFilter.Apply("plain", ["<bot_end>"], out stopped));
        Assert.False(stopped);
    }

    [Theory]
    [InlineData("###", "\nUser:")]
    [InlineData("\nUser:", "###")]
    public void Stop_WithTwoSequences_CutsAtWhicheverComesFirst_WhateverTheirOrder(string first, string second)
    {
        Assert.Equal("Paris.", StopSequenceFilter.Apply("Paris.\nUser: more ### rest", [first, second], out bool stopped));
        Assert.True(stopped);
        Assert.Equal("Paris. ", StopSequenceFilter.Apply("Paris. ### more\nUser: rest", [first, second], out stopped));
        Assert.True(stopped);
    }

    [Theory]
    [InlineData("###", "<|end|>")]
    [InlineData("<|end|>", "###")]
    public void Stop_WithTwoSequences_OneOfWhichNeverAppears_StillCuts(string first, string second)
    {
        Assert.Equal("Paris.", StopSequenceFilter.Apply("Paris.### more", [first, second], out bool stopped));
        Assert.True(stopped);
    }

    [Fact]
    public void Stop_HoldsTheLongestTailThatAnySequenceCouldStartWith()
    {
        var filter = new StopSequenceFilter(["#>", "\nUser:"]);

        // "\nUse" could still become "\nUser:"; the shorter "#>" has no say in it.
        Assert.Equal("Hi", filter.Push("Hi\nUse"));
        Assert.Equal("\nUsed", filter.Push("d"));
        Assert.Equal("it", filter.Push("it#"));
        Assert.Equal("", filter.Push(">"));
        Assert.True(filter.Stopped);
    }

    [Fact]
    public void Stop_APieceShorterThanTheSequence_IsHeldWhileItCouldStillGrowIntoIt()
    {
        var filter = new StopSequenceFilter(["\nUser:"]);

        Assert.Equal("", filter.Push("\n"));
        Assert.Equal("", filter.Push("Us"));
        Assert.Equal("", filter.Push("er"));
        Assert.Equal("\nUserX", filter.Push("X"));
        Assert.Equal("", filter.Flush());
        Assert.False(filter.Stopped);
    }

    [Fact]
    public void Stop_AtTheVeryStart_ReleasesNothing()
    {
        var filter = new StopSequenceFilter(["###"]);

        Assert.Equal("", filter.Push("###answer"));
        Assert.True(filter.Stopped);
        Assert.Equal("", filter.Flush());
    }

    [Fact]
    public void Stop_WithTwoSequences_TheFirstAtTheVeryStart_ReleasesNothing()
    {
        Assert.Equal("", StopSequenceFilter.Apply("### x\nUser: y", ["###", "\nUser:"], out bool stopped));
        Assert.True(stopped);
    }

    [Fact]
    public void Flush_ReleasesTheHeldTailOnce()
    {
        var filter = new StopSequenceFilter(["\nUser:"]);

        Assert.Equal("Hello", filter.Push("Hello\nUs"));
        Assert.Equal("\nUs", filter.Flush());
        Assert.Equal("", filter.Flush());
        Assert.Equal("more", filter.Push("more"));
    }

    [Fact]
    public void Stop_EmptyAndNullSequences_AreIgnored()
    {
        Assert.Equal("keep all", StopSequenceFilter.Apply("keep all", ["", null!, "###"], out bool stopped));
        Assert.False(stopped);
        Assert.Equal("keep all", StopSequenceFilter.Apply("keep all", null, out stopped));
        Assert.False(stopped);
    }

    [Fact]
    public void Stop_NullText_IsRejected()
    {
        Assert.Throws<ArgumentNullException>(() => new StopSequenceFilter(["###"]).Push(null!));
    }
}
