using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Bytez.AI.Adapters;
using Bytez.AI.Http;
using Bytez.AI.Lifecycle;
using Bytez.AI.Validation;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Speech;

/// <summary>An <see cref="ISpeechToTextClient"/> for a Bytez automatic-speech-recognition model.</summary>
/// <remarks>
/// <para>The audio is read from the stream's current position to its end (the stream stays the caller's, undisposed)
/// and checked before any request: an empty stream, a broken WAV or bytes that are no audio throw
/// <see cref="ArgumentException"/>. v1 sends a WAV as <c>b64AudioBufferWav</c> (other formats throw
/// <see cref="NotSupportedException"/>); v2 sends it, or MP3, FLAC or Ogg audio, as a <c>base64</c> data URL, and a link
/// given with <see cref="BytezSpeechToTextClientExtensions.GetTextAsync(ISpeechToTextClient, UriContent, SpeechToTextOptions?, CancellationToken)"/>
/// as <c>url</c>.</para>
/// <para>Options become <c>params</c> (see <see cref="SpeechParameters.ForTranscription"/>);
/// <see cref="SpeechToTextOptions.SpeechSampleRate"/> is not sent (the audio's header carries it);
/// <see cref="SpeechToTextOptions.ModelId"/> naming another model runs the call on that model through its own lease.</para>
/// <para>The response holds the transcript as one <see cref="TextContent"/>, the model that ran, a response id, the
/// <see cref="BytezRunResult"/> as raw representation, and for WAV audio the span it covers (start 0, end its
/// duration). Bytez does not stream recognition, so <see cref="GetStreamingTextAsync"/> yields the whole transcript as
/// one <see cref="SpeechToTextResponseUpdateKind.TextUpdated"/> update once the model answers.</para>
/// </remarks>
[Experimental("MEAI001")]
internal sealed class BytezSpeechToTextClient : BytezAdapter<SpeechToTextClientMetadata>, ISpeechToTextClient
{
    private readonly long _maxAudioSize;

    /// <summary>Initializes a new instance of the <see cref="BytezSpeechToTextClient"/> class.</summary>
    /// <param name="model">The model.</param>
    /// <param name="options">Instance management; defaults when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="BytezSpeechToTextClientOptions.MaxAudioSize"/> is not positive.</exception>
    public BytezSpeechToTextClient(BytezModel model, BytezSpeechToTextClientOptions? options = null)
        : base(model, options ??= new BytezSpeechToTextClientOptions(), static (provider, endpoint, modelId) => new SpeechToTextClientMetadata(provider, endpoint, modelId))
    {
        _maxAudioSize = options.MaxAudioSize > 0
            ? options.MaxAudioSize
            : throw new ArgumentOutOfRangeException(nameof(options), options.MaxAudioSize, "BytezSpeechToTextClientOptions.MaxAudioSize must be positive: the largest recording to read, in bytes (default 25 MiB).");
    }

    /// <inheritdoc />
    public async Task<SpeechToTextResponse> GetTextAsync(
        Stream audioSpeechStream, SpeechToTextOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audioSpeechStream);
        bool translate = SpeechOptionsValidator.Validate(options);
        ModelInstanceLease lease = LeaseFor(options?.ModelId);
        (BytezInput input, TimeSpan? duration) = await ReadAudioAsync(audioSpeechStream, lease.Model, _maxAudioSize, cancellationToken).ConfigureAwait(false);
        JsonObject parameters = SpeechParameters.ForTranscription(options, options?.RawRepresentationFactory?.Invoke(this), translate);

        BytezRunResult result = await lease.ExecuteAsync(
            (model, ct) => model.RunAsync(input, parameters, ct),
            cancellationToken).ConfigureAwait(false);

        return new SpeechToTextResponse([new TextContent(result.GetTranscription())])
        {
            ResponseId = Guid.NewGuid().ToString("N"),
            ModelId = lease.Model.ModelId,
            RawRepresentation = result,
            StartTime = duration is null ? null : TimeSpan.Zero,
            EndTime = duration,
        };
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<SpeechToTextResponseUpdate> GetStreamingTextAsync(
        Stream audioSpeechStream, SpeechToTextOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audioSpeechStream);

        // Bytez answers recognition at once (it streams text generation only): the transcript is one final update.
        SpeechToTextResponse response = await GetTextAsync(audioSpeechStream, options, cancellationToken).ConfigureAwait(false);
        foreach (SpeechToTextResponseUpdate update in response.ToSpeechToTextResponseUpdates())
        {
            yield return update;
        }
    }

    /// <summary>Reads and checks the audio, before any request: a link (v2), or the stream's bytes.</summary>
    private static async Task<(BytezInput Input, TimeSpan? Duration)> ReadAudioAsync(Stream audioSpeechStream, BytezModel model, long maxAudioSize, CancellationToken cancellationToken)
    {
        const string ParamName = nameof(audioSpeechStream);
        if (audioSpeechStream is AudioLinkStream link)
        {
            Uri url = SpeechInputValidator.ValidateAudioUrl(link.Url, link.MediaType, model.Client.Protocol, ParamName);
            return (BytezInput.FromUrl(url), null);
        }

        if (!audioSpeechStream.CanRead)
        {
            throw new ArgumentException("The audio stream cannot be read (it is closed or write-only): pass a readable stream holding the recording.", ParamName);
        }

        ReadOnlyMemory<byte> bytes = await ReadBoundedAsync(audioSpeechStream, maxAudioSize, ParamName, cancellationToken).ConfigureAwait(false);
        (string mediaType, TimeSpan? duration) = SpeechInputValidator.ValidateAudio(bytes.Span, model.Client.Protocol, ParamName);
        return (BytezInput.FromMedia(bytes, mediaType), duration);
    }

    /// <summary>
    /// Reads the stream to its end within the limit (the one bounded read every body goes through), refusing a recording
    /// over it before any request: a seekable stream by its length, before reading; any other after one byte past it.
    /// </summary>
    private static async Task<ReadOnlyMemory<byte>> ReadBoundedAsync(Stream stream, long maxAudioSize, string paramName, CancellationToken cancellationToken)
    {
        long? length = stream.CanSeek ? stream.Length - stream.Position : null;
        if (length > maxAudioSize)
        {
            throw TooLong(maxAudioSize, paramName);
        }

        try
        {
            // An array holds at most Array.MaxLength bytes, whatever the option says.
            return await BufferedBody.ReadAsync(stream, length, Math.Min(maxAudioSize, Array.MaxLength - 1), idleTimeout: null, cancellationToken).ConfigureAwait(false);
        }
        catch (ResponseTooLargeException)
        {
            throw TooLong(maxAudioSize, paramName);
        }
    }

    private static ArgumentException TooLong(long maxAudioSize, string paramName) => new(
        $"The recording is larger than BytezSpeechToTextClientOptions.MaxAudioSize ({BytezErrorMapper.Size(maxAudioSize)}): send a shorter recording (or split it), raise MaxAudioSize, or on v2 pass a public link to it (GetTextAsync with a UriContent).",
        paramName);
}
