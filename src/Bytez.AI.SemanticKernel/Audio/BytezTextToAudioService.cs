using System.Diagnostics.CodeAnalysis;
using Bytez.AI.SemanticKernel.Audio;
using Bytez.AI.SemanticKernel.Internal;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.TextToAudio;

namespace Bytez.AI.SemanticKernel;

/// <summary>
/// A Semantic Kernel <see cref="ITextToAudioService"/> backed by a Bytez text-to-speech or text-to-audio model, over the
/// Bytez <see cref="ITextToSpeechClient"/>.
/// </summary>
/// <remarks>
/// <para>The audio comes back as data (<see cref="BinaryContent.Data"/>, media type <c>audio/wav</c>, what Bytez speech
/// models produce), on both API generations.</para>
/// <para>
/// Execution settings: <see cref="PromptExecutionSettings.ModelId"/> runs another model; extension data <c>voice</c>,
/// <c>response_format</c> and <c>speed</c> (the keys of Semantic Kernel's OpenAI text-to-audio settings) become the
/// typed options, which the Bytez client maps or refuses with <see cref="NotSupportedException"/> before any request
/// (a voice needs <see cref="BytezTextToSpeechClientOptions.VoiceParameter"/>; the format must be WAV; speed is not
/// taken); other keys are passed to the model as parameters.
/// </para>
/// <para>Disposing the service disposes its client, which stops the instance if this process started it (v1).</para>
/// </remarks>
[Experimental("SKEXP0001")]
public sealed class BytezTextToAudioService : ITextToAudioService, IDisposable
{
    private readonly ServiceCore<ITextToSpeechClient> _core;

    /// <summary>Initializes a new instance of the <see cref="BytezTextToAudioService"/> class.</summary>
    /// <param name="model">The text-to-speech or text-to-audio model.</param>
    /// <param name="options">Instance management and the voice parameter; defaults when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public BytezTextToAudioService(BytezModel model, BytezTextToSpeechClientOptions? options = null)
        : this(CreateClient(model, options), model.ModelId, model.Client.Endpoint, ownsClient: true)
    {
    }

    /// <summary>Initializes a new instance over a text-to-speech client (for example a pipeline with telemetry).</summary>
    /// <param name="client">The client; disposed with this service when <paramref name="ownsClient"/>.</param>
    /// <param name="modelId">The model id reported in <see cref="Attributes"/> and on each audio.</param>
    /// <param name="endpoint">The API base address reported in <see cref="Attributes"/>.</param>
    /// <param name="ownsClient">Whether disposing this service disposes the client.</param>
    internal BytezTextToAudioService(ITextToSpeechClient client, string modelId, Uri endpoint, bool ownsClient)
        => _core = new(client, modelId, endpoint, ownsClient);

    /// <inheritdoc />
    public IReadOnlyDictionary<string, object?> Attributes => _core.Attributes;

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentException">The text is empty, or a setting has the wrong type.</exception>
    /// <exception cref="NotSupportedException">A setting is something Bytez speech models do not take (the message says what to do).</exception>
    public async Task<IReadOnlyList<AudioContent>> GetAudioContentsAsync(
        string text,
        PromptExecutionSettings? executionSettings = null,
        Kernel? kernel = null,
        CancellationToken cancellationToken = default)
    {
        TextToSpeechResponse response = await _core.Client
            .GetAudioAsync(text, AudioExecutionSettings.ForTextToSpeech(executionSettings), cancellationToken)
            .ConfigureAwait(false);

        var audio = new List<AudioContent>(response.Contents.Count);
        foreach (DataContent data in response.Contents.OfType<DataContent>())
        {
            audio.Add(new AudioContent(data.Data, data.MediaType)
            {
                ModelId = response.ModelId ?? _core.ModelId,
                InnerContent = data.RawRepresentation ?? response.RawRepresentation,
            });
        }

        return audio;
    }

    /// <summary>Disposes the client if this service owns it (stopping an instance this process started).</summary>
    public void Dispose() => _core.Dispose();

    private static ITextToSpeechClient CreateClient(BytezModel model, BytezTextToSpeechClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.AsITextToSpeechClient(options);
    }
}
