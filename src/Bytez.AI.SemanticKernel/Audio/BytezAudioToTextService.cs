using System.Diagnostics.CodeAnalysis;
using Bytez.AI.SemanticKernel.Audio;
using Bytez.AI.SemanticKernel.Internal;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.AudioToText;
using TextContent = Microsoft.SemanticKernel.TextContent;

namespace Bytez.AI.SemanticKernel;

/// <summary>
/// A Semantic Kernel <see cref="IAudioToTextService"/> backed by a Bytez automatic-speech-recognition model, over the
/// Bytez <see cref="ISpeechToTextClient"/>.
/// </summary>
/// <remarks>
/// <para>
/// The audio is the <see cref="AudioContent"/>'s data (a WAV; on Bytez's v2 API also MP3, FLAC or Ogg), or, when it
/// has no data, its http(s) <see cref="BinaryContent.Uri"/>, which Bytez's v2 API fetches. Bad audio (no data and no
/// link, an empty or broken recording) throws <see cref="ArgumentException"/> before any request.
/// </para>
/// <para>
/// Execution settings: <see cref="PromptExecutionSettings.ModelId"/> runs another model; extension data <c>language</c>
/// is the spoken language (Whisper's <c>generate_kwargs.language</c>); other keys are passed to the model as
/// parameters. Typed settings classes of other connectors (such as <c>OpenAIAudioToTextExecutionSettings</c>) are not read.
/// </para>
/// <para>Disposing the service disposes its client, which stops the instance if this process started it (v1).</para>
/// </remarks>
[Experimental("SKEXP0001")]
public sealed class BytezAudioToTextService : IAudioToTextService, IDisposable
{
    private readonly ServiceCore<ISpeechToTextClient> _core;

    /// <summary>Initializes a new instance of the <see cref="BytezAudioToTextService"/> class.</summary>
    /// <param name="model">The automatic-speech-recognition model.</param>
    /// <param name="options">Instance management; defaults when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public BytezAudioToTextService(BytezModel model, BytezSpeechToTextClientOptions? options = null)
        : this(CreateClient(model, options), model.ModelId, model.Client.Endpoint, ownsClient: true)
    {
    }

    /// <summary>Initializes a new instance over a speech-to-text client (for example a pipeline with telemetry).</summary>
    /// <param name="client">The client; disposed with this service when <paramref name="ownsClient"/>.</param>
    /// <param name="modelId">The model id reported in <see cref="Attributes"/> and on each text.</param>
    /// <param name="endpoint">The API base address reported in <see cref="Attributes"/>.</param>
    /// <param name="ownsClient">Whether disposing this service disposes the client.</param>
    internal BytezAudioToTextService(ISpeechToTextClient client, string modelId, Uri endpoint, bool ownsClient)
        => _core = new(client, modelId, endpoint, ownsClient);

    /// <inheritdoc />
    public IReadOnlyDictionary<string, object?> Attributes => _core.Attributes;

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="content"/> is null.</exception>
    /// <exception cref="ArgumentException">The content has neither audio data nor an http(s) link, or the audio is empty or broken.</exception>
    /// <exception cref="NotSupportedException">The audio or a setting is something the model's API generation does not take (the message says what to do).</exception>
    public async Task<IReadOnlyList<TextContent>> GetTextContentsAsync(
        AudioContent content,
        PromptExecutionSettings? executionSettings = null,
        Kernel? kernel = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        SpeechToTextOptions? options = AudioExecutionSettings.ForSpeechToText(executionSettings);
        string mediaType = content.MimeType ?? "audio/wav";

        SpeechToTextResponse response = content switch
        {
            { Data: { } data } => await _core.Client.GetTextAsync(new DataContent(data, mediaType), options, cancellationToken).ConfigureAwait(false),
            { Uri: { IsAbsoluteUri: true } link } when link.Scheme == Uri.UriSchemeHttps || link.Scheme == Uri.UriSchemeHttp =>
                await _core.Client.GetTextAsync(new UriContent(link, mediaType), options, cancellationToken).ConfigureAwait(false),
            _ => throw new ArgumentException(
                "The audio content has neither data nor an http(s) link: create it with the recording's bytes (new AudioContent(bytes, \"audio/wav\")) or a public link Bytez can fetch.",
                nameof(content)),
        };

        return [new TextContent(response.Text, response.ModelId ?? _core.ModelId) { InnerContent = response }];
    }

    /// <summary>Disposes the client if this service owns it (stopping an instance this process started).</summary>
    public void Dispose() => _core.Dispose();

    private static ISpeechToTextClient CreateClient(BytezModel model, BytezSpeechToTextClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.AsISpeechToTextClient(options);
    }
}
