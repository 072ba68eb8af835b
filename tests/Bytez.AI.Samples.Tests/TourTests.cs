namespace Bytez.AI.Samples.Tests;

public sealed class TourTests(TourFixture tour) : IClassFixture<TourFixture>
{
    private SampleRun Run => tour.Run;

    [Fact]
    public void Tour_succeeds_against_the_emulator_and_stops_what_it_started()
    {
        Run.AssertSucceededAndStoppedEverything();
        Assert.Contains("Stopped openai-community/gpt2\n", Run.Output, StringComparison.Ordinal);
        Assert.Contains("Instances still running: 0\n", Run.Output, StringComparison.Ordinal);
        Assert.EndsWith("Tour finished.\n", Run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("== Models")]
    [InlineData("== Load")]
    [InlineData("== Run")]
    [InlineData("== Stream")]
    [InlineData("== Chat")]
    [InlineData("== Streaming chat")]
    [InlineData("== Embeddings")]
    [InlineData("== Image")]
    [InlineData("== Tools")]
    [InlineData("== Stop")]
    public void Tour_prints_every_section(string marker) =>
        Assert.Contains(marker + "\n", Run.Output, StringComparison.Ordinal);

    [Fact]
    public void Tour_lists_models_and_shows_load_progress()
    {
        Assert.Matches(@"Bytez serves \d+ models", Run.Output);
        Assert.Contains("  openai-community/gpt2 (text-generation)", Run.Output, StringComparison.Ordinal);
        Assert.Contains("[load] openai-community/gpt2: RUNNING", Run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Tour_prints_a_streamed_completion() =>
        Assert.NotEmpty(Run.LineAfter("Streamed completion:\n"));

    [Fact]
    public void Tour_chats_and_streams_chat() =>
        Assert.Equal(2, Run.Output.Split("Assistant: ").Skip(1).Count(answer => answer.Split('\n')[0].Trim().Length > 0));

    [Fact]
    public void Tour_related_texts_score_higher()
    {
        var related = float.Parse(Run.LineAfter("\", \"A cat is sleeping on the mat\") = "), System.Globalization.CultureInfo.InvariantCulture);
        var unrelated = float.Parse(Run.LineAfter("\", \"Interest rates rose again this quarter\") = "), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(related > unrelated, $"{related} <= {unrelated}");
    }

    [Fact]
    public async Task Tour_saves_a_valid_png()
    {
        var path = Path.Combine(tour.Folder, "lighthouse.png");
        Assert.Contains($"image to {path} (", Run.Output, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
    }

    [Fact]
    public void Tour_tool_result_reaches_the_answer()
    {
        Assert.StartsWith("get_weather(", Run.LineAfter("Tool call: "), StringComparison.Ordinal);
        Assert.Contains("Paris", Run.LineAfter("Tool call: "), StringComparison.Ordinal);
        Assert.Equal("21 °C and sunny in Paris", Run.LineAfter("Tool result: "));
        Assert.Contains("21 °C and sunny", Run.LineAfter("Answer: "), StringComparison.Ordinal);
    }
}
