namespace Bytez.AI.Samples.Tests;

public sealed class TourTests(TourFixture tour) : IClassFixture<TourFixture>
{

    [Theory]
    [InlineData(BytezApiVersion.V1)]
    [InlineData(BytezApiVersion.V2)]
    public void Tour_succeeds_against_the_emulator_and_stops_what_it_started(BytezApiVersion api)
    {
        var run = tour.Run(api);
        run.AssertSucceededAndStoppedEverything();
        if (api == BytezApiVersion.V1)
        {
            Assert.Contains("Speaking Bytez API V1", run.Output, StringComparison.Ordinal);
            Assert.Contains("Stopped openai-community/gpt2\n", run.Output, StringComparison.Ordinal);
            Assert.Contains("Instances still running: 0\n", run.Output, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("Speaking Bytez API V2: models are serverless", run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Stopped openai-community/gpt2\n", run.Output, StringComparison.Ordinal);
            Assert.Contains("Serverless: no instance was started", run.Output, StringComparison.Ordinal);
        }

        Assert.EndsWith("Tour finished.\n", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public void Tour_prints_every_section(BytezApiVersion api, string marker) =>
        Assert.Contains(marker + "\n", tour.Run(api).Output, StringComparison.Ordinal);

    public static TheoryData<BytezApiVersion, string> Sections()
    {
        var data = new TheoryData<BytezApiVersion, string>();
        foreach (var api in new[] { BytezApiVersion.V1, BytezApiVersion.V2 })
        {
            foreach (var marker in (string[])["== Models", "== Load", "== Run", "== Stream", "== Chat", "== Streaming chat", "== Embeddings", "== Image", "== Voice", "== Tools", "== Stop"])
            {
                data.Add(api, marker);
            }
        }

        return data;
    }

    [Theory]
    [InlineData(BytezApiVersion.V1)]
    [InlineData(BytezApiVersion.V2)]
    public void Tour_lists_models_and_shows_load_progress(BytezApiVersion api)
    {
        Assert.Matches(@"Bytez serves \d+ models", tour.Run(api).Output);
        Assert.Contains("  openai-community/gpt2 (text-generation)", tour.Run(api).Output, StringComparison.Ordinal);
        if (api == BytezApiVersion.V1)
        {
            Assert.Contains("[load] openai-community/gpt2: RUNNING", tour.Run(api).Output, StringComparison.Ordinal);
            Assert.Contains("openai-community/gpt2 is ready (Started).", tour.Run(api).Output, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("[load]", tour.Run(api).Output, StringComparison.Ordinal);
            Assert.Contains("openai-community/gpt2 is ready (Serverless).", tour.Run(api).Output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(BytezApiVersion.V1)]
    [InlineData(BytezApiVersion.V2)]
    public void Tour_prints_a_streamed_completion(BytezApiVersion api) =>
        Assert.NotEmpty(tour.Run(api).LineAfter("Streamed completion:\n"));

    [Theory]
    [InlineData(BytezApiVersion.V1)]
    [InlineData(BytezApiVersion.V2)]
    public void Tour_chats_and_streams_chat(BytezApiVersion api) =>
        Assert.Equal(2, tour.Run(api).Output.Split("Assistant: ").Skip(1).Count(answer => answer.Split('\n')[0].Trim().Length > 0));

    [Theory]
    [InlineData(BytezApiVersion.V1)]
    [InlineData(BytezApiVersion.V2)]
    public void Tour_related_texts_score_higher(BytezApiVersion api)
    {
        var related = float.Parse(tour.Run(api).LineAfter("\", \"A cat is sleeping on the mat\") = "), System.Globalization.CultureInfo.InvariantCulture);
        var unrelated = float.Parse(tour.Run(api).LineAfter("\", \"Interest rates rose again this quarter\") = "), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(related > unrelated, $"{related} <= {unrelated}");
    }

    [Theory]
    [InlineData(BytezApiVersion.V1)]
    [InlineData(BytezApiVersion.V2)]
    public async Task Tour_saves_a_valid_png(BytezApiVersion api)
    {
        var path = Path.Combine(tour.Folder(api), "lighthouse.png");
        Assert.Contains($"image to {path} (", tour.Run(api).Output, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
    }

    [Theory]
    [InlineData(BytezApiVersion.V1)]
    [InlineData(BytezApiVersion.V2)]
    public async Task Tour_round_trips_a_voice_text_to_speech_to_text(BytezApiVersion api)
    {
        var path = Path.Combine(tour.Folder(api), "lighthouse.wav");
        Assert.Contains($"saved audio/wav audio to {path} (", tour.Run(api).Output, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.True(bytes.AsSpan().StartsWith("RIFF"u8) && bytes.AsSpan(8, 4).SequenceEqual("WAVE"u8), "not a WAV");

        // The emulator's recogniser hears its own speech back as the words it spoke, upper case, no punctuation.
        Assert.Equal("MEET ME AT THE LIGHTHOUSE AT DAWN", tour.Run(api).LineAfter("Heard: "));
    }

    [Theory]
    [InlineData(BytezApiVersion.V1)]
    [InlineData(BytezApiVersion.V2)]
    public void Tour_tool_result_reaches_the_answer(BytezApiVersion api)
    {
        Assert.StartsWith("get_weather(", tour.Run(api).LineAfter("Tool call: "), StringComparison.Ordinal);
        Assert.Contains("Paris", tour.Run(api).LineAfter("Tool call: "), StringComparison.Ordinal);
        Assert.Equal("21 °C and sunny in Paris", tour.Run(api).LineAfter("Tool result: "));
        Assert.Contains("21 °C and sunny", tour.Run(api).LineAfter("Answer: "), StringComparison.Ordinal);
    }
}
