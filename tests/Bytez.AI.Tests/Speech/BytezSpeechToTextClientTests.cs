using System.Text;
using System.Text.Json.Nodes;
using Bytez.AI.Emulator;
using Bytez.AI.Tests.Adapters;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace Bytez.AI.Tests.Speech;

/// <summary>
/// The Bytez speech-to-text client against the emulator on each API generation: M.E.AI's
/// <c>SpeechToTextClientIntegrationTests</c> scenarios, then the wire (v1 <c>b64AudioBufferWav</c>, v2 <c>base64</c> or
/// <c>url</c>), options, bad audio refused before any request, cancellation, metadata and lifecycle.
/// </summary>
public sealed class BytezSpeechToTextClientTests
{
    private const string Model = TestModels.SpeechRecognition;

    // ---- M.E.AI SpeechToTextClientIntegrationTests scenarios ----

    [Theory]
    [BothApiVersions]
    public async Task GetTextAsync_SingleAudioRequestMessage(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        using ISpeechToTextClient client = Create(env);
        using var audio = new MemoryStream(SpeechAudio.Spoken("I finally went to the gym."));

        SpeechToTextResponse response = await client.GetTextAsync(audio);

        Assert.Contains("gym", response.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, env.Log.RunCount(Model));
    }

    [Theory]
    [BothApiVersions]
    public async Task Whisper_large_v3_the_model_the_docs_name_transcribes_against_the_emulator(BytezApiVersion api)
    {
        const string Whisper = "openai/whisper-large-v3";
        await using var env = await EmulatorFixture.StartAsync(api);
        using ISpeechToTextClient client = env.Client.GetModel(Whisper).AsISpeechToTextClient();

        SpeechToTextResponse response = await client.GetTextAsync(new MemoryStream(SpeechAudio.Spoken("I finally went to the gym.")));

        Assert.Contains("gym", response.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Whisper, response.ModelId);
        Assert.Equal(1, env.Log.RunCount(Whisper));
    }

    [Theory]
    [BothApiVersions]
    public async Task GetStreamingTextAsync_SingleStreamingResponseChoice(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        using ISpeechToTextClient client = Create(env);
        using var audio = new MemoryStream(SpeechAudio.Spoken("I finally went to the gym."));

        var text = new StringBuilder();
        var updates = new List<SpeechToTextResponseUpdate>();
        await foreach (SpeechToTextResponseUpdate update in client.GetStreamingTextAsync(audio))
        {
            updates.Add(update);
            text.Append(update.Text);
        }

        Assert.Contains("finally", text.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("gym", text.ToString(), StringComparison.OrdinalIgnoreCase);

        // Bytez answers recognition at once: one final update, with the response's id and model.
        SpeechToTextResponseUpdate only = Assert.Single(updates);
        Assert.Equal(SpeechToTextResponseUpdateKind.TextUpdated, only.Kind);
        Assert.Equal(Model, only.ModelId);
        Assert.False(string.IsNullOrEmpty(only.ResponseId));
        Assert.Equal(1, env.Log.RunCount(Model));
    }

    // ---- The wire ----

    [Theory]
    [BothApiVersions]
    public async Task A_wav_is_sent_as_b64AudioBufferWav_on_v1_and_as_a_base64_data_url_on_v2(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        using ISpeechToTextClient client = Create(env);
        byte[] wav = SpeechAudio.Spoken("hello there");

        SpeechToTextResponse response = await client.GetTextAsync(new DataContent(wav, "audio/wav"));

        Assert.Equal("HELLO THERE", response.Text);
        JsonObject body = env.Log.RunBodies(Model).Single();
        if (api == BytezApiVersion.V1)
        {
            Assert.Equal(Convert.ToBase64String(wav), (string?)body["b64AudioBufferWav"]);
            Assert.Equal(Model, (string?)body["model"]);
            Assert.False(body.ContainsKey("base64"));
        }
        else
        {
            Assert.Equal("data:audio/wav;base64," + Convert.ToBase64String(wav), (string?)body["base64"]);
            Assert.False(body.ContainsKey("b64AudioBufferWav"));
        }
    }

    [Theory]
    [BothApiVersions]
    public async Task The_stream_is_read_from_its_position_and_left_open(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        using ISpeechToTextClient client = Create(env);
        byte[] wav = SpeechAudio.Spoken("from the middle");
        using var audio = new MemoryStream([.. "junk before the recording"u8, .. wav]);
        audio.Position = "junk before the recording".Length;

        SpeechToTextResponse response = await client.GetTextAsync(audio);

        Assert.Equal("FROM THE MIDDLE", response.Text);
        Assert.True(audio.CanRead, "the caller's stream was disposed");
        Assert.Equal(audio.Length, audio.Position);
    }

    [Theory]
    [BothApiVersions]
    public async Task The_response_carries_the_model_the_raw_result_and_the_span_of_the_wav(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        using ISpeechToTextClient client = Create(env);
        byte[] wav = SpeechAudio.ToneWav(seconds: 1.25);

        SpeechToTextResponse response = await client.GetTextAsync(new MemoryStream(wav));

        Assert.Equal(Model, response.ModelId);
        Assert.False(string.IsNullOrEmpty(response.ResponseId));
        Assert.Equal(TimeSpan.Zero, response.StartTime);
        Assert.Equal(SpeechAudio.Duration(wav), response.EndTime);
        Assert.Equal(TimeSpan.FromSeconds(1.25), response.EndTime);
        BytezRunResult raw = Assert.IsType<BytezRunResult>(response.RawRepresentation);
        Assert.Equal(response.Text, raw.GetTranscription());
        Assert.Equal(response.Text, Assert.IsType<TextContent>(Assert.Single(response.Contents)).Text);
    }

    [Theory]
    [BothApiVersions]
    public async Task The_transcript_depends_on_the_audio_and_the_same_audio_gives_the_same_transcript(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        using ISpeechToTextClient client = Create(env);

        string shortTone = (await client.GetTextAsync(new MemoryStream(SpeechAudio.ToneWav(0.8)))).Text;
        string longTone = (await client.GetTextAsync(new MemoryStream(SpeechAudio.ToneWav(4, frequency: 523)))).Text;
        string again = (await client.GetTextAsync(new MemoryStream(SpeechAudio.ToneWav(0.8)))).Text;

        Assert.NotEqual(shortTone, longTone);
        Assert.Equal(shortTone, again);
        Assert.True(longTone.Split(' ').Length > shortTone.Split(' ').Length, $"'{longTone}' should have more words than '{shortTone}'");
    }

    [Fact]
    public async Task V2_sends_mp3_audio_as_a_data_url_of_its_type()
    {
        await using var env = await EmulatorFixture.StartAsync(BytezApiVersion.V2);
        using ISpeechToTextClient client = Create(env);
        byte[] mp3 = SpeechAudio.Mp3();

        SpeechToTextResponse response = await client.GetTextAsync(new MemoryStream(mp3));

        Assert.NotEmpty(response.Text);
        Assert.Null(response.EndTime); // only a WAV's header says how long it lasts
        Assert.Equal("data:audio/mpeg;base64," + Convert.ToBase64String(mp3), (string?)env.Log.RunBodies(Model).Single()["base64"]);
    }

    [Fact]
    public async Task V2_sends_a_link_as_url_through_a_pipeline()
    {
        await using var env = await EmulatorFixture.StartAsync(BytezApiVersion.V2);
        using ISpeechToTextClient client = Create(env).AsBuilder().UseLogging(NullLoggerFactory.Instance).Build();
        var link = new UriContent(new Uri("https://example.com/recordings/hello.wav"), "audio/wav");

        SpeechToTextResponse response = await client.GetTextAsync(link);
        string streamed = string.Concat(await client.GetStreamingTextAsync(link).Select(u => u.Text).ToListAsync());

        Assert.NotEmpty(response.Text);
        Assert.Equal(response.Text, streamed);
        Assert.Null(response.EndTime);
        Assert.All(env.Log.RunBodies(Model), body =>
        {
            Assert.Equal("https://example.com/recordings/hello.wav", (string?)body["url"]);
            Assert.False(body.ContainsKey("base64"));
        });
        Assert.Equal(2, env.Log.RunCount(Model));
    }

    // ---- Bad audio: a clear error and no request ----

    public static TheoryData<BytezApiVersion, string> BadAudio()
    {
        var data = new TheoryData<BytezApiVersion, string>();
        foreach (BytezApiVersion api in new[] { BytezApiVersion.V1, BytezApiVersion.V2 })
        {
            foreach (string kind in new[] { "empty", "text", "png", "signature-only", "no-samples" })
            {
                data.Add(api, kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadAudio))]
    public async Task Bad_audio_fails_with_an_ArgumentException_naming_the_fix_and_sends_nothing(BytezApiVersion api, string kind)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        using ISpeechToTextClient client = Create(env);
        (byte[] bytes, string expected) = kind switch
        {
            "empty" => ([], "The audio stream is empty"),
            "text" => (Encoding.UTF8.GetBytes("this is a text file, not a recording"), "is not a WAV file"),
            "png" => ([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "is not a WAV file"),
            "signature-only" => (SpeechAudio.SignatureOnly(), "it has no format chunk"),
            _ => (SpeechAudio.EmptyWav(), "it holds no audio samples"),
        };

        var whole = await Assert.ThrowsAsync<ArgumentException>(() => client.GetTextAsync(new MemoryStream(bytes)));
        var streamed = await Assert.ThrowsAsync<ArgumentException>(async () =>
        {
            await foreach (SpeechToTextResponseUpdate update in client.GetStreamingTextAsync(new MemoryStream(bytes)))
            {
                Assert.Fail($"An update was yielded: {update.Text}");
            }
        });

        Assert.Contains(expected, whole.Message, StringComparison.Ordinal);
        Assert.Equal("audioSpeechStream", whole.ParamName);
        Assert.Equal(whole.Message, streamed.Message);
        Assert.Empty(env.Log.Entries);
    }

    [Theory]
    [BothApiVersions(true)]
    [BothApiVersions(false)]
    public async Task A_recording_over_MaxAudioSize_fails_before_any_request_and_one_at_the_limit_is_sent(BytezApiVersion api, bool seekable)
    {
        byte[] wav = SpeechAudio.ToneWav(0.5);
        await using var env = await EmulatorFixture.StartAsync(api);
        using ISpeechToTextClient atLimit = Create(env, new BytezSpeechToTextClientOptions { MaxAudioSize = wav.Length });
        using ISpeechToTextClient belowIt = Create(env, new BytezSpeechToTextClientOptions { MaxAudioSize = wav.Length - 1 });

        var tooLong = await Assert.ThrowsAsync<ArgumentException>(() => belowIt.GetTextAsync(Open(wav, seekable)));

        Assert.Equal("audioSpeechStream", tooLong.ParamName);
        Assert.Contains($"BytezSpeechToTextClientOptions.MaxAudioSize ({wav.Length - 1} bytes)", tooLong.Message, StringComparison.Ordinal);
        Assert.Equal(0, env.Log.RunCount(Model));

        SpeechToTextResponse response = await atLimit.GetTextAsync(Open(wav, seekable));
        Assert.False(string.IsNullOrEmpty(response.Text));
        Assert.Equal(1, env.Log.RunCount(Model));
    }

    [Theory]
    [BothApiVersions]
    public async Task A_forward_only_stream_is_read_to_its_end_and_left_open(BytezApiVersion api)
    {
        // The seekable case is The_stream_is_read_from_its_position_and_left_open; this one takes the bounded read.
        await using var env = await EmulatorFixture.StartAsync(api);
        using ISpeechToTextClient client = Create(env);
        using Stream audio = Open(SpeechAudio.Spoken("read to the end"), seekable: false);

        SpeechToTextResponse response = await client.GetTextAsync(audio);

        Assert.Equal("READ TO THE END", response.Text);
        Assert.True(audio.CanRead, "the caller's stream was disposed");
    }

    [Fact]
    public async Task An_endless_stream_is_refused_after_reading_no_more_than_the_limit()
    {
        await using var env = await EmulatorFixture.StartAsync(BytezApiVersion.V2);
        using ISpeechToTextClient client = Create(env, new BytezSpeechToTextClientOptions { MaxAudioSize = 1024 * 1024 });
        var endless = new EndlessWavStream();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.GetTextAsync(endless));

        Assert.Contains("MaxAudioSize (1 MiB)", ex.Message, StringComparison.Ordinal);
        Assert.InRange(endless.BytesRead, 1024 * 1024, (1024 * 1024) + (128 * 1024)); // the limit, and at most one read past it
        Assert.Empty(env.Log.Entries);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task MaxAudioSize_must_be_positive(long maxAudioSize)
    {
        await using var env = await EmulatorFixture.StartAsync(BytezApiVersion.V2);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Create(env, new BytezSpeechToTextClientOptions { MaxAudioSize = maxAudioSize }));

        Assert.Contains("MaxAudioSize must be positive", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task V1_refuses_mp3_audio_and_links_before_any_request_naming_V2()
    {
        await using var env = await EmulatorFixture.StartAsync(BytezApiVersion.V1);
        using ISpeechToTextClient client = Create(env);

        var mp3 = await Assert.ThrowsAsync<NotSupportedException>(() => client.GetTextAsync(new MemoryStream(SpeechAudio.Mp3())));
        var link = await Assert.ThrowsAsync<NotSupportedException>(
            () => client.GetTextAsync(new UriContent(new Uri("https://example.com/a.wav"), "audio/wav")));

        Assert.Contains("audio/mpeg", mp3.Message, StringComparison.Ordinal);
        Assert.Contains("convert the audio to WAV", mp3.Message, StringComparison.Ordinal);
        Assert.Contains("BytezClientOptions.ApiVersion = BytezApiVersion.V2", link.Message, StringComparison.Ordinal);
        Assert.Contains("download the audio", link.Message, StringComparison.Ordinal);
        Assert.Empty(env.Log.Entries);
    }

    [Theory]
    [BothApiVersions]
    public async Task Unreadable_streams_bad_links_and_null_arguments_fail_before_any_request(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        using ISpeechToTextClient client = Create(env);
        var closed = new MemoryStream(SpeechAudio.ToneWav(0.5));
        closed.Dispose();

        var unreadable = await Assert.ThrowsAsync<ArgumentException>(() => client.GetTextAsync(closed));
        var notAudio = await Assert.ThrowsAsync<ArgumentException>(
            () => client.GetTextAsync(new UriContent(new Uri("https://example.com/cat.png"), "image/png")));
        var notHttp = await Assert.ThrowsAsync<ArgumentException>(
            () => client.GetTextAsync(new UriContent(new Uri("ftp://example.com/a.wav"), "audio/wav")));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.GetTextAsync((Stream)null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.GetTextAsync((UriContent)null!));

        Assert.Contains("cannot be read", unreadable.Message, StringComparison.Ordinal);
        Assert.Contains("'image/png', not audio", notAudio.Message, StringComparison.Ordinal);
        Assert.Contains("not an absolute http(s) URL", notHttp.Message, StringComparison.Ordinal);
        Assert.Empty(env.Log.Entries);
    }

    [Fact]
    public async Task A_link_needs_a_Bytez_client_at_the_end_of_the_pipeline()
    {
        using ISpeechToTextClient other = Substitute.For<ISpeechToTextClient>();
        var link = new UriContent(new Uri("https://example.com/a.wav"), "audio/wav");

        var ex = await Assert.ThrowsAsync<NotSupportedException>(() => other.GetTextAsync(link));
        Assert.Throws<NotSupportedException>(() => other.GetStreamingTextAsync(link));

        Assert.Contains("BytezModel.AsISpeechToTextClient", ex.Message, StringComparison.Ordinal);
        await other.DidNotReceiveWithAnyArgs().GetTextAsync(default(Stream)!, default, default);
    }

    // ---- Options ----

    [Theory]
    [BothApiVersions]
    public async Task SpeechLanguage_becomes_generate_kwargs_language_and_a_translation_into_English_its_task(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        using ISpeechToTextClient client = Create(env);
        byte[] wav = SpeechAudio.Spoken("bonjour");

        _ = await client.GetTextAsync(new MemoryStream(wav), new SpeechToTextOptions { SpeechLanguage = "fr-FR" });
        _ = await client.GetTextAsync(new MemoryStream(wav), new SpeechToTextOptions { SpeechLanguage = "fr", TextLanguage = "en-GB" });
        _ = await client.GetTextAsync(new MemoryStream(wav), new SpeechToTextOptions { SpeechLanguage = "fr", TextLanguage = "fr" });
        _ = await client.GetTextAsync(new MemoryStream(wav));

        IReadOnlyList<JsonObject> bodies = env.Log.RunBodies(Model);
        Assert.Equal("""{"language":"fr"}""", bodies[0]["params"]!["generate_kwargs"]!.ToJsonString());
        Assert.Equal("""{"language":"fr","task":"translate"}""", bodies[1]["params"]!["generate_kwargs"]!.ToJsonString());
        Assert.Equal("""{"language":"fr"}""", bodies[2]["params"]!["generate_kwargs"]!.ToJsonString());
        Assert.Null(bodies[3]["params"]?["generate_kwargs"]);
    }

    [Theory]
    [BothApiVersions]
    public async Task Raw_representation_then_additional_properties_then_typed_options(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        using ISpeechToTextClient client = Create(env);

        _ = await client.GetTextAsync(new MemoryStream(SpeechAudio.ToneWav(0.5)), new SpeechToTextOptions
        {
            SpeechLanguage = "fr",
            TextLanguage = "en",
            RawRepresentationFactory = _ => new JsonObject { ["generate_kwargs"] = new JsonObject { ["language"] = "es" }, ["chunk_length_s"] = 30 },
            AdditionalProperties = new() { ["return_timestamps"] = true, ["chunk_length_s"] = 10 },
        });

        JsonNode parameters = env.Log.RunBodies(Model).Single()["params"]!;
        Assert.Equal("es", (string?)parameters["generate_kwargs"]!["language"]); // the raw object wins over SpeechLanguage
        Assert.Equal("translate", (string?)parameters["generate_kwargs"]!["task"]); // typed options fill what it lacks
        Assert.Equal(30, (int)parameters["chunk_length_s"]!); // and over a key written by name
        Assert.True((bool)parameters["return_timestamps"]!);
    }

    [Theory]
    [BothApiVersions]
    public async Task A_translation_into_another_language_than_English_and_an_empty_language_fail_before_any_request(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        using ISpeechToTextClient client = Create(env);
        byte[] wav = SpeechAudio.ToneWav(0.5);

        var translation = await Assert.ThrowsAsync<NotSupportedException>(
            () => client.GetTextAsync(new MemoryStream(wav), new SpeechToTextOptions { SpeechLanguage = "en", TextLanguage = "de" }));
        var empty = await Assert.ThrowsAsync<ArgumentException>(
            () => client.GetTextAsync(new MemoryStream(wav), new SpeechToTextOptions { SpeechLanguage = " " }));

        Assert.Contains("translate into English only", translation.Message, StringComparison.Ordinal);
        Assert.Contains("SpeechToTextOptions.SpeechLanguage is empty", empty.Message, StringComparison.Ordinal);
        Assert.Empty(env.Log.Entries);
    }

    [Theory]
    [BothApiVersions]
    public async Task ModelId_of_another_model_runs_that_model_through_its_own_lease_released_on_dispose(BytezApiVersion api)
    {
        const string Other = "openai/whisper-large-v3";
        await using var env = await EmulatorFixture.StartAsync(api);
        env.Emulator.AddModel(new EmulatedModel(Other, BytezTasks.AutomaticSpeechRecognition));
        ISpeechToTextClient client = Create(env);

        SpeechToTextResponse response = await client.GetTextAsync(new MemoryStream(SpeechAudio.Spoken("other model")), new SpeechToTextOptions { ModelId = Other });
        client.Dispose();

        Assert.Equal("OTHER MODEL", response.Text);
        Assert.Equal(Other, response.ModelId);
        Assert.Single(env.Log.RunBodies(Other));
        Assert.Empty(env.Log.RunBodies(Model));
        int lifecycle = api == BytezApiVersion.V1 ? 1 : 0;
        Assert.Equal((lifecycle, lifecycle), (env.Log.LoadCount(Other), env.Log.StopCount(Other)));
    }

    // ---- Errors, cancellation, metadata, lifecycle ----

    [Theory]
    [BothApiVersions]
    public async Task An_answer_without_a_transcript_throws_BytezProtocolException(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        env.Emulator.Script(Model).ReplyJson(new JsonObject { ["output"] = new JsonArray(1, 2) });
        using ISpeechToTextClient client = Create(env);

        var ex = await Assert.ThrowsAsync<BytezProtocolException>(() => client.GetTextAsync(new MemoryStream(SpeechAudio.ToneWav(0.5))));
        Assert.Contains("transcription", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [BothApiVersions]
    public async Task A_cancelled_token_stops_the_call_before_and_during_the_request(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        using ISpeechToTextClient client = Create(env);
        byte[] wav = SpeechAudio.ToneWav(0.5);

        using var before = new CancellationTokenSource();
        await before.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetTextAsync(new MemoryStream(wav), cancellationToken: before.Token));
        Assert.Equal(0, env.Log.RunCount(Model));

        // The emulator cancels the caller's token while it is handling the run, before it answers.
        using var during = new CancellationTokenSource();
        env.Emulator.Script(Model).Handle(_ =>
        {
            during.Cancel();
            return null;
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (SpeechToTextResponseUpdate update in client.GetStreamingTextAsync(new MemoryStream(wav), cancellationToken: during.Token))
            {
                Assert.Fail($"An update was yielded: {update.Text}");
            }
        });
    }

    [Theory]
    [BothApiVersions]
    public async Task Metadata_and_GetService_follow_the_M_E_AI_conventions(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        BytezModel model = env.Client.GetModel(Model);
        using ISpeechToTextClient client = model.AsISpeechToTextClient();

        using ISpeechToTextClient pipeline = client.AsBuilder().UseLogging(NullLoggerFactory.Instance).UseOpenTelemetry().Build();
        AdapterConventions.AssertGetService<SpeechToTextClientMetadata>(
            env, model, client, typeof(ISpeechToTextClient), client.GetService, pipeline.GetService, m => (m.ProviderName, m.ProviderUri, m.DefaultModelId));
    }

    [Theory]
    [BothApiVersions]
    public async Task Dispose_stops_the_instance_it_started(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        ISpeechToTextClient client = Create(env);
        _ = await client.GetTextAsync(new MemoryStream(SpeechAudio.ToneWav(0.5)));
        _ = await client.GetTextAsync(new MemoryStream(SpeechAudio.ToneWav(0.5)));

        client.Dispose();

        int lifecycle = api == BytezApiVersion.V1 ? 1 : 0; // v2 is serverless
        Assert.Equal((lifecycle, lifecycle), (env.Log.LoadCount(Model), env.Log.StopCount(Model)));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetTextAsync(new MemoryStream(SpeechAudio.ToneWav(0.5))));
        Assert.Throws<ArgumentNullException>(() => ((BytezModel)null!).AsISpeechToTextClient());
    }

    private static ISpeechToTextClient Create(EmulatorFixture env, BytezSpeechToTextClientOptions? options = null) =>
        env.Client.GetModel(Model).AsISpeechToTextClient(options);

    private static Stream Open(byte[] bytes, bool seekable) => seekable ? new MemoryStream(bytes) : new ForwardOnlyStream(bytes);

    /// <summary>A stream that cannot seek (no length to check up front, as a network stream): read to its end.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override bool CanRead => _inner.CanRead; // false once disposed, as a stream's should be

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            _inner.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>A WAV header followed by silence without end (a live source): counts what was read from it.</summary>
    private sealed class EndlessWavStream : Stream
    {
        private readonly byte[] _header = SpeechAudio.ToneWav(0.1).AsSpan(0, 44).ToArray();

        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = BytesRead + i < _header.Length ? _header[BytesRead + i] : (byte)0;
            }

            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
