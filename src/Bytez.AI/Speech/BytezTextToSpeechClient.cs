using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Bytez.AI.Adapters;
using Bytez.AI.Lifecycle;
using Bytez.AI.Protocol;
using Bytez.AI.Validation;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Speech;

/// <summary>An <see cref="ITextToSpeechClient"/> for a Bytez text-to-speech or text-to-audio model.</summary>
/// <remarks>
/// <para>The text is sent as <c>text</c> (v2) or <c>input</c> (v1). v2 asks for the raw audio (<c>"json": false</c>) and
/// downloads the CDN link instead if the server answers with one; v1 decodes the base64 of <c>output_wav</c>. The
/// response holds one <see cref="DataContent"/> with the audio and its media type (from the answer's
/// <c>Content-Type</c>, else the bytes: <c>audio/wav</c> for what Bytez models produce), the model that ran, a response
/// id, and the <see cref="BytezMedia"/> as raw representation.</para>
/// <para><see cref="GetStreamingAudioAsync"/> yields the audio as it arrives (v2 raw bytes), one
/// <see cref="TextToSpeechResponseUpdateKind.AudioUpdating"/> update per piece and
/// <see cref="TextToSpeechResponseUpdateKind.AudioUpdated"/> on the last, all with one response id and media type; v1,
/// which answers JSON, gives one <c>AudioUpdated</c> update.</para>
/// <para>Options: <see cref="SpeechOptionsValidator.Validate(TextToSpeechOptions?, string?)"/> refuses, before any
/// request, what Bytez models do not take; <c>AdditionalProperties</c> and a <see cref="JsonObject"/> from
/// <c>RawRepresentationFactory</c> become <c>params</c>; <see cref="TextToSpeechOptions.ModelId"/> naming another model
/// runs the call on that model through its own lease.</para>
/// </remarks>
[Experimental("MEAI001")]
internal sealed class BytezTextToSpeechClient : BytezAdapter<TextToSpeechClientMetadata>, ITextToSpeechClient
{
    /// <summary>The audio Bytez speech models produce, when the bytes do not say.</summary>
    private const string WavMediaType = "audio/wav";

    private readonly string? _voiceParameter;

    /// <summary>Initializes a new instance of the <see cref="BytezTextToSpeechClient"/> class.</summary>
    /// <param name="model">The model.</param>
    /// <param name="options">Instance management and the voice parameter; defaults when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentException"><see cref="BytezTextToSpeechClientOptions.VoiceParameter"/> is empty.</exception>
    public BytezTextToSpeechClient(BytezModel model, BytezTextToSpeechClientOptions? options = null)
        : base(model, Validated(options ??= new BytezTextToSpeechClientOptions()), static (provider, endpoint, modelId) => new TextToSpeechClientMetadata(provider, endpoint, modelId))
    {
        _voiceParameter = options.VoiceParameter?.Trim();
    }

    /// <inheritdoc />
    public async Task<TextToSpeechResponse> GetAudioAsync(string text, TextToSpeechOptions? options = null, CancellationToken cancellationToken = default)
    {
        (ModelInstanceLease lease, BytezInput input, JsonObject parameters) = Begin(text, options);

        BytezMedia media = await lease.ExecuteAsync(
            (model, ct) => model.RunMediaAsync(input, parameters, ct),
            cancellationToken).ConfigureAwait(false);

        return new TextToSpeechResponse([new DataContent(media.Data, AudioType(media.MediaType))])
        {
            ResponseId = Guid.NewGuid().ToString("N"),
            ModelId = lease.Model.ModelId,
            RawRepresentation = media,
        };
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<TextToSpeechResponseUpdate> GetStreamingAudioAsync(
        string text, TextToSpeechOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        (ModelInstanceLease lease, BytezInput input, JsonObject parameters) = Begin(text, options);
        string responseId = Guid.NewGuid().ToString("N");
        string? mediaType = null;

        // Each piece is yielded when the next arrives, so the last one can say the audio is complete.
        ReadOnlyMemory<byte>? held = null;
        await foreach (ReadOnlyMemory<byte> piece in lease.ExecuteStreamingAsync(
            (model, ct) => model.RunMediaStreamingAsync(input, parameters, ct),
            cancellationToken).ConfigureAwait(false))
        {
            if (piece.IsEmpty)
            {
                continue;
            }

            mediaType ??= AudioType(MediaTypes.Sniff(piece.Span));
            if (held is { } previous)
            {
                yield return Update(previous, mediaType, TextToSpeechResponseUpdateKind.AudioUpdating);
            }

            held = piece;
        }

        yield return held is { } last
            ? Update(last, mediaType!, TextToSpeechResponseUpdateKind.AudioUpdated)
            : throw new BytezProtocolException($"Model '{lease.Model.ModelId}' answered with no audio.");

        TextToSpeechResponseUpdate Update(ReadOnlyMemory<byte> audio, string type, TextToSpeechResponseUpdateKind kind) =>
            new([new DataContent(audio, type)])
            {
                Kind = kind,
                ResponseId = responseId,
                ModelId = lease.Model.ModelId,
            };
    }

    private static BytezTextToSpeechClientOptions Validated(BytezTextToSpeechClientOptions options)
    {
        // Before the base constructor takes a lease, so a refused option leaves nothing to release.
        SpeechOptionsValidator.Validate(options);
        return options;
    }

    /// <summary>A media type for audio whose type the answer did not name: WAV, what Bytez speech models produce.</summary>
    private static string AudioType(string mediaType) =>
        mediaType == MediaTypes.OctetStream ? WavMediaType : mediaType;

    /// <summary>Checks the call (before any request) and builds its input and parameters.</summary>
    private (ModelInstanceLease Lease, BytezInput Input, JsonObject Parameters) Begin(string text, TextToSpeechOptions? options)
    {
        SpeechInputValidator.ValidateText(text, nameof(text));
        SpeechOptionsValidator.Validate(options, _voiceParameter);
        ModelInstanceLease lease = LeaseFor(options?.ModelId);
        JsonObject parameters = SpeechParameters.ForSpeech(options, options?.RawRepresentationFactory?.Invoke(this), _voiceParameter);
        return (lease, BytezInput.FromText(text), parameters);
    }
}
