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
}
