using System.Text;
using System.Text.Json.Nodes;
using Bytez.AI.Emulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.AudioToText;
using Microsoft.SemanticKernel.Services;
using Microsoft.SemanticKernel.TextToAudio;

namespace Bytez.AI.SemanticKernel.Tests.Integration;

/// <summary>
/// Semantic Kernel's audio services (<see cref="ITextToAudioService"/>, <see cref="IAudioToTextService"/>) registered
/// on a kernel builder that shares the <see cref="BytezClient"/> configured in DI, against the emulator on each API
/// generation: a voice round trip, settings, bad audio refused before any request, and disposal stopping the models.
/// </summary>
public sealed class AudioTests
{
    private const string Speech = TestModels.TextToSpeech;
    private const string Recognition = TestModels.SpeechRecognition;

    [Theory]
    [BothApiVersions]
    public async Task Text_to_audio_then_audio_to_text_round_trips_on_the_configured_client_and_disposal_stops_the_models(BytezApiVersion api)
    {
        await using var emulator = await EmulatorFixture.StartEmulatorAsync(o => o.AcceptedApiKeys = [EmulatorFixture.ApiKey]);
        Kernel kernel = BuildKernel(emulator, api);

        ITextToAudioService speech = kernel.GetRequiredService<ITextToAudioService>();
        IAudioToTextService recognition = kernel.GetRequiredService<IAudioToTextService>();
        AudioContent audio = await speech.GetAudioContentAsync("The meeting moved to Friday.", kernel: kernel);
        TextContent text = await recognition.GetTextContentAsync(audio, kernel: kernel);

        Assert.Equal("audio/wav", audio.MimeType);
        Assert.True(audio.Data!.Value.Span.StartsWith("RIFF"u8), "not a WAV");
        Assert.Equal(Speech, audio.ModelId);
        Assert.IsType<BytezMedia>(audio.InnerContent);
        Assert.Equal("THE MEETING MOVED TO FRIDAY", text.Text);
        Assert.Equal(Recognition, text.ModelId);
        Assert.Equal(Speech, speech.GetModelId());
        Assert.Equal(emulator.Endpoint.ToString(), recognition.GetEndpoint());

        // Kernel is not disposable: its Services is the container Build() made, which owns the services and the client.
        await ((IAsyncDisposable)kernel.Services).DisposeAsync();
        int started = api == BytezApiVersion.V1 ? 1 : 0;
        Assert.Empty(emulator.Instances);
        Assert.Equal((started, started), (emulator.RequestLog.LoadCount(Speech), emulator.RequestLog.StopCount(Speech)));
        Assert.Equal((started, started), (emulator.RequestLog.LoadCount(Recognition), emulator.RequestLog.StopCount(Recognition)));
    }

    [Theory]
    [BothApiVersions]
    public async Task Settings_become_options_and_params_and_unsupported_ones_fail_before_any_request(BytezApiVersion api)
    {
        await using var emulator = await EmulatorFixture.StartEmulatorAsync();
        Kernel kernel = BuildKernel(emulator, api);
        ITextToAudioService speech = kernel.GetRequiredService<ITextToAudioService>();
        IAudioToTextService recognition = kernel.GetRequiredService<IAudioToTextService>();

        var voice = await Assert.ThrowsAsync<NotSupportedException>(() => speech.GetAudioContentsAsync("Hello.", Settings(("voice", "alloy"))));
        var format = await Assert.ThrowsAsync<NotSupportedException>(() => speech.GetAudioContentsAsync("Hello.", Settings(("response_format", "mp3"))));
        Assert.Contains("VoiceParameter", voice.Message, StringComparison.Ordinal);
        Assert.Contains("AudioFormat 'mp3'", format.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.RequestLog.Entries);

        AudioContent audio = Assert.Single(await speech.GetAudioContentsAsync("Bonjour.", Settings(("response_format", "audio/wav"), ("semantic_temperature", 0.5))));
        _ = await recognition.GetTextContentsAsync(audio, Settings(("language", "fr-FR"), ("chunk_length_s", 30)));

        JsonNode speechParams = emulator.RequestLog.RunBodies(Speech).Single()["params"]!;
        JsonNode recognitionParams = emulator.RequestLog.RunBodies(Recognition).Single()["params"]!;
        Assert.Equal(0.5, (double)speechParams["semantic_temperature"]!);
        Assert.Equal("fr", (string?)recognitionParams["generate_kwargs"]!["language"]);
        Assert.Equal(30, (int)recognitionParams["chunk_length_s"]!);
        await ((IAsyncDisposable)kernel.Services).DisposeAsync();
    }

    [Theory]
    [BothApiVersions]
    public async Task Bad_audio_fails_with_an_ArgumentException_and_sends_nothing(BytezApiVersion api)
    {
        await using var emulator = await EmulatorFixture.StartEmulatorAsync();
        Kernel kernel = BuildKernel(emulator, api);
        IAudioToTextService recognition = kernel.GetRequiredService<IAudioToTextService>();

        var nothing = await Assert.ThrowsAsync<ArgumentException>(() => recognition.GetTextContentsAsync(new AudioContent()));
        var silent = await Assert.ThrowsAsync<ArgumentException>(
            () => recognition.GetTextContentsAsync(new AudioContent(SpeechAudio.EmptyWav(), "audio/wav"))); // a header, no samples
        var notWav = await Assert.ThrowsAsync<ArgumentException>(
            () => recognition.GetTextContentsAsync(new AudioContent(Encoding.UTF8.GetBytes("not a recording at all"), "audio/wav")));

        Assert.Contains("neither data nor an http(s) link", nothing.Message, StringComparison.Ordinal);
        Assert.Contains("it holds no audio samples", silent.Message, StringComparison.Ordinal);
        Assert.Contains("is not a WAV file", notWav.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.RequestLog.Entries);
        await ((IAsyncDisposable)kernel.Services).DisposeAsync();
    }

    [Fact]
    public async Task V2_sends_an_audio_link_as_url()
    {
        await using var emulator = await EmulatorFixture.StartEmulatorAsync();
        Kernel kernel = BuildKernel(emulator, BytezApiVersion.V2);

        TextContent text = await kernel.GetRequiredService<IAudioToTextService>()
            .GetTextContentAsync(new AudioContent(new Uri("https://example.com/voicemail.wav")) { MimeType = "audio/wav" });

        Assert.False(string.IsNullOrEmpty(text.Text));
        Assert.Equal("https://example.com/voicemail.wav", (string?)emulator.RequestLog.RunBodies(Recognition).Single()["url"]);
        await ((IAsyncDisposable)kernel.Services).DisposeAsync();
    }

    private static Kernel BuildKernel(BytezEmulator emulator, BytezApiVersion api)
    {
        IKernelBuilder builder = Kernel.CreateBuilder();
        builder.Services.AddBytezClient(o =>
        {
            BytezClientOptions preset = emulator.CreateClientOptions();
            o.Endpoint = preset.Endpoint;
            o.ApiKey = EmulatorFixture.ApiKey;
            o.LoadPollInterval = preset.LoadPollInterval;
            o.ApiVersion = api;
        });
        builder.AddBytezTextToAudio(Speech);
        builder.AddBytezAudioToText(Recognition);
        return builder.Build();
    }

    private static PromptExecutionSettings Settings(params (string Key, object Value)[] values) =>
        new() { ExtensionData = values.ToDictionary(v => v.Key, v => v.Value) };
}
