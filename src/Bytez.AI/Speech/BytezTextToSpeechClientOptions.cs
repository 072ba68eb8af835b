namespace Bytez.AI;

/// <summary>Options of the Bytez <c>ITextToSpeechClient</c>.</summary>
public sealed class BytezTextToSpeechClientOptions : BytezInstanceOptions
{
    /// <summary>
    /// Gets or sets the <c>params</c> key that <c>TextToSpeechOptions.VoiceId</c> is sent as, for a model that reads a
    /// voice from one (for example <c>"voice_preset"</c>, if your Bark deployment takes it). Bytez documents no voice
    /// parameter, so by default (null) a <c>VoiceId</c> throws <see cref="NotSupportedException"/> before any request
    /// rather than being silently dropped.
    /// </summary>
    public string? VoiceParameter { get; set; }
}
