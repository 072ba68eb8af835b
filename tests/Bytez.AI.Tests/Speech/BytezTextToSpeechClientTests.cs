using System.Text.Json.Nodes;
using Bytez.AI.Emulator;
using Bytez.AI.Tests.Adapters;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bytez.AI.Tests.Speech;

/// <summary>
/// The Bytez text-to-speech client against the emulator on each API generation: audio as bytes (v2 <c>json:false</c> or a
/// downloaded link, v1 <c>output_wav</c>), streamed pieces, options mapped or refused before any request, a voice round
/// trip through the speech-to-text client, cancellation, metadata and lifecycle.
/// </summary>
public sealed class BytezTextToSpeechClientTests
{
    private const string Model = TestModels.TextToSpeech;

    /// <summary>Over 100 characters: the emulator speaks it for 6 s, 192 KB of samples, more than one network read.</summary>
    private const string LongText =
        "The quick brown fox jumps over the lazy dog while the five boxing wizards jump quickly across the frozen lake.";

    [Theory]
    [BothApiVersions]
    public async Task GetAudioAsync_returns_the_wav_as_DataContent_with_the_model_and_raw_media(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        using ITextToSpeechClient client = Create(env);

        TextToSpeechResponse response = await client.GetAudioAsync("Hello from Bytez.");

        DataContent audio = Assert.IsType<DataContent>(Assert.Single(response.Contents));
        Assert.Equal("audio/wav", audio.MediaType);
        Assert.True(SpeechAudio.IsWav(audio.Data.Span), "not a RIFF/WAVE file");
        Assert.Equal(Model, response.ModelId);
        Assert.False(string.IsNullOrEmpty(response.ResponseId));
        Assert.Equal(audio.Data.ToArray(), Assert.IsType<BytezMedia>(response.RawRepresentation).Data.ToArray());

        // v2 sends the text as "text" and asks for the raw bytes; v1 sends "input" and decodes output_wav.
        JsonObject body = env.Log.RunBodies(Model).Single();
        Assert.Equal("Hello from Bytez.", body.InputOf()!.GetValue<string>());
        Assert.Equal(api == BytezApiVersion.V2, body["json"] is JsonValue json && !json.GetValue<bool>());
        Assert.Equal(api == BytezApiVersion.V1, body.ContainsKey("input"));
    }

    [Theory]
    [BothApiVersions]
    public async Task Longer_text_gives_longer_audio_and_the_speech_transcribes_back_to_the_text(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        using ITextToSpeechClient speech = Create(env);
        using ISpeechToTextClient recognition = env.Client.GetModel(TestModels.SpeechRecognition).AsISpeechToTextClient();

        DataContent brief = (DataContent)(await speech.GetAudioAsync("Good morning.")).Contents[0];
        DataContent longer = (DataContent)(await speech.GetAudioAsync("Good morning, the train to Paris leaves at noon.")).Contents[0];
        SpeechToTextResponse heard = await recognition.GetTextAsync(longer);

        Assert.True(SpeechAudio.Duration(longer.Data.Span) > SpeechAudio.Duration(brief.Data.Span), "longer text should give longer audio");
        Assert.Equal("GOOD MORNING THE TRAIN TO PARIS LEAVES AT NOON", heard.Text);
    }

    [Theory]
    [BothApiVersions]
    public async Task GetStreamingAudioAsync_yields_the_audio_in_pieces_with_one_response_id_and_AudioUpdated_last(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        using ITextToSpeechClient client = Create(env);
        byte[] whole = ((DataContent)(await client.GetAudioAsync(LongText)).Contents[0]).Data.ToArray();

        List<TextToSpeechResponseUpdate> updates = await client.GetStreamingAudioAsync(LongText).ToListAsync();

        byte[] streamed = [.. updates.SelectMany(u => ((DataContent)Assert.Single(u.Contents)).Data.ToArray())];
        Assert.Equal(whole, streamed);
        Assert.Single(updates.Select(u => u.ResponseId).Distinct());
        Assert.All(updates, u => Assert.Equal(Model, u.ModelId));
        Assert.All(updates, u => Assert.Equal("audio/wav", ((DataContent)u.Contents[0]).MediaType));
        Assert.Equal(TextToSpeechResponseUpdateKind.AudioUpdated, updates[^1].Kind);
        Assert.All(updates.Take(updates.Count - 1), u => Assert.Equal(TextToSpeechResponseUpdateKind.AudioUpdating, u.Kind));
        if (api == BytezApiVersion.V2)
        {
            // The raw body is larger than one read: it arrives as several pieces, not one buffered blob.
            Assert.True(updates.Count > 1, $"{updates.Count} update(s)");
            Assert.False(env.Log.RunBodies(Model)[^1]["json"]!.GetValue<bool>());
        }
        else
        {
            Assert.Single(updates); // v1 answers JSON at once
        }
    }

    [Fact]
    public async Task V2_downloads_the_link_when_the_server_answers_with_one()
    {
        await using var env = await EmulatorFixture.StartAsync(BytezApiVersion.V2);
        BytezModel model = env.Client.GetModel(Model);

        // A JSON run publishes the audio on the emulator's CDN; the next run answers that link despite "json": false.
        BytezRunResult published = await model.RunAsync("Link please.");
        Assert.True(published.TryGetOutputUrl(out Uri? link));
        env.Emulator.Script(Model).ReplyJson(new JsonObject { ["error"] = null, ["output"] = link!.AbsoluteUri });
        using ITextToSpeechClient client = model.AsITextToSpeechClient();

        TextToSpeechResponse response = await client.GetAudioAsync("Link please.");

        DataContent audio = Assert.IsType<DataContent>(Assert.Single(response.Contents));
        Assert.Equal("audio/wav", audio.MediaType);
        using var anonymous = new HttpClient();
        Assert.Equal(await anonymous.GetByteArrayAsync(link), audio.Data.ToArray());
        Assert.Contains(env.Log.Entries, e => e.Kind == EmulatorRequestKind.Media);
    }

    [Theory]
    [BothApiVersions]
    public async Task Unsupported_options_fail_with_NotSupportedException_before_any_request(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        using ITextToSpeechClient client = Create(env);

        foreach ((TextToSpeechOptions options, string expected) in new (TextToSpeechOptions, string)[]
        {
            (new() { AudioFormat = "mp3" }, "AudioFormat 'mp3' is not supported"),
            (new() { VoiceId = "v2/en_speaker_6" }, "BytezTextToSpeechClientOptions.VoiceParameter"),
            (new() { Language = "fr" }, "TextToSpeechOptions.Language is not supported"),
            (new() { Speed = 1.5f }, "TextToSpeechOptions.Speed is not supported"),
            (new() { Pitch = 1.1f }, "TextToSpeechOptions.Pitch is not supported"),
            (new() { Volume = 0.5f }, "TextToSpeechOptions.Volume is not supported"),
        })
        {
            var whole = await Assert.ThrowsAsync<NotSupportedException>(() => client.GetAudioAsync("Hello.", options));
            var streamed = await Assert.ThrowsAsync<NotSupportedException>(async () => await client.GetStreamingAudioAsync("Hello.", options).ToListAsync());
            Assert.Contains(expected, whole.Message, StringComparison.Ordinal);
            Assert.Equal(whole.Message, streamed.Message);
        }

        Assert.Empty(env.Log.Entries);
    }

    [Theory]
    [BothApiVersions]
    public async Task Wav_format_voice_additional_properties_and_raw_representation_become_params(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        using ITextToSpeechClient client = Create(env, new BytezTextToSpeechClientOptions { VoiceParameter = "voice_preset" });

        _ = await client.GetAudioAsync("Hello.", new TextToSpeechOptions { AudioFormat = "audio/wav", VoiceId = "v2/en_speaker_6" });
        _ = await client.GetAudioAsync("Hello.", new TextToSpeechOptions
        {
            VoiceId = "v2/en_speaker_6",
            RawRepresentationFactory = _ => new JsonObject { ["voice_preset"] = "v2/de_speaker_1", ["do_sample"] = true },
            AdditionalProperties = new() { ["do_sample"] = false, ["semantic_temperature"] = 0.6 },
        });

        IReadOnlyList<JsonObject> bodies = env.Log.RunBodies(Model);
        Assert.Equal("v2/en_speaker_6", (string?)bodies[0]["params"]!["voice_preset"]);
        Assert.Equal("v2/de_speaker_1", (string?)bodies[1]["params"]!["voice_preset"]); // the raw object wins over VoiceId
        Assert.True((bool)bodies[1]["params"]!["do_sample"]!); // and over a key written by name
        Assert.Equal(0.6, (double)bodies[1]["params"]!["semantic_temperature"]!);
    }

    [Theory]
    [BothApiVersions]
    public async Task Empty_text_null_text_and_an_empty_voice_parameter_fail_before_any_request(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        using ITextToSpeechClient client = Create(env);

        var empty = await Assert.ThrowsAsync<ArgumentException>(() => client.GetAudioAsync("  "));
        var emptyStreamed = await Assert.ThrowsAsync<ArgumentException>(async () => await client.GetStreamingAudioAsync("").ToListAsync());
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.GetAudioAsync(null!));
        var voice = Assert.Throws<ArgumentException>(() => Create(env, new BytezTextToSpeechClientOptions { VoiceParameter = " " }));

        Assert.Contains("The text to speak is empty", empty.Message, StringComparison.Ordinal);
        Assert.Equal("text", emptyStreamed.ParamName);
        Assert.Contains("VoiceParameter is empty", voice.Message, StringComparison.Ordinal);
        Assert.Empty(env.Log.Entries);
    }

    [Theory]
    [BothApiVersions]
    public async Task An_answer_without_audio_throws_BytezProtocolException(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        env.Emulator.Script(Model).ReplyJson(new JsonObject { ["output"] = new JsonArray(1, 2) });
        using ITextToSpeechClient client = Create(env);

        var ex = await Assert.ThrowsAsync<BytezProtocolException>(() => client.GetAudioAsync("Hello."));
        Assert.Contains("output_wav", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [BothApiVersions]
    public async Task A_cancelled_token_stops_the_call_before_and_during_the_request(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        using ITextToSpeechClient client = Create(env);

        using var before = new CancellationTokenSource();
        await before.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAudioAsync("Hello.", cancellationToken: before.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await client.GetStreamingAudioAsync("Hello.", cancellationToken: before.Token).ToListAsync());
        Assert.Equal(0, env.Log.RunCount(Model));

        // The emulator cancels the caller's token while it is handling the run, before it answers.
        CancellationTokenSource? current = null;
        int handled = 0;
        env.Emulator.Script(Model).Handle(_ =>
        {
            Interlocked.Increment(ref handled);
            current!.Cancel();
            return null;
        });
        foreach (bool streaming in new[] { false, true })
        {
            using var during = current = new CancellationTokenSource();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            {
                if (streaming)
                {
                    await foreach (TextToSpeechResponseUpdate update in client.GetStreamingAudioAsync(LongText, cancellationToken: during.Token))
                    {
                        Assert.Fail($"An update was yielded ({update.Kind}).");
                    }
                }
                else
                {
                    _ = await client.GetAudioAsync(LongText, cancellationToken: during.Token);
                }
            });
        }

        Assert.Equal(2, handled); // both reached the server: cancelled in flight, not before
    }

    [Theory]
    [BothApiVersions]
    public async Task Metadata_and_GetService_follow_the_M_E_AI_conventions(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        BytezModel model = env.Client.GetModel(Model);
        using ITextToSpeechClient client = model.AsITextToSpeechClient();

        using ITextToSpeechClient pipeline = client.AsBuilder().UseLogging(NullLoggerFactory.Instance).UseOpenTelemetry().Build();
        AdapterConventions.AssertGetService<TextToSpeechClientMetadata>(
            env, model, client, typeof(ITextToSpeechClient), client.GetService, pipeline.GetService, m => (m.ProviderName, m.ProviderUri, m.DefaultModelId));
    }

    [Theory]
    [BothApiVersions]
    public async Task ModelId_of_another_model_runs_it_and_dispose_stops_the_instances_it_started(BytezApiVersion api)
    {
        const string Other = "facebook/musicgen-stereo-small";
        await using var env = await EmulatorFixture.StartAsync(api);
        ITextToSpeechClient client = Create(env);

        _ = await client.GetAudioAsync("Hello.");
        _ = await client.GetStreamingAudioAsync("Hello again.").ToListAsync();
        TextToSpeechResponse other = await client.GetAudioAsync("A calm piano tune.", new TextToSpeechOptions { ModelId = Other });
        client.Dispose();

        Assert.Equal(Other, other.ModelId);
        Assert.Single(env.Log.RunBodies(Other));
        Assert.Equal(2, env.Log.RunBodies(Model).Count);
        int lifecycle = api == BytezApiVersion.V1 ? 1 : 0; // v1 loads on first use and stops on dispose; v2 is serverless
        Assert.Equal((lifecycle, lifecycle), (env.Log.LoadCount(Model), env.Log.StopCount(Model)));
        Assert.Equal((lifecycle, lifecycle), (env.Log.LoadCount(Other), env.Log.StopCount(Other)));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetAudioAsync("Hello."));
        Assert.Throws<ArgumentNullException>(() => ((BytezModel)null!).AsITextToSpeechClient());
    }

    private static ITextToSpeechClient Create(EmulatorFixture env, BytezTextToSpeechClientOptions? options = null) =>
        env.Client.GetModel(Model).AsITextToSpeechClient(options);
}
