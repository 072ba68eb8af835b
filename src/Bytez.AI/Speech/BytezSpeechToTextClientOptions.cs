namespace Bytez.AI;

/// <summary>Options of the Bytez <c>ISpeechToTextClient</c> (instance management and the audio size limit; the per-call settings are <c>SpeechToTextOptions</c>).</summary>
public sealed class BytezSpeechToTextClientOptions : BytezInstanceOptions
{
    /// <summary>The default <see cref="MaxAudioSize"/>: 25 MiB, the upload limit of OpenAI's Whisper API.</summary>
    public const long DefaultMaxAudioSize = 25L * 1024 * 1024;

    /// <summary>
    /// Gets or sets the largest recording a call reads from its stream, in bytes; default <see cref="DefaultMaxAudioSize"/>
    /// (25 MiB, about 13 minutes of 16 kHz 16-bit mono WAV). The audio is read whole and sent in the request as base64 (a
    /// third larger), so an unbounded stream would be read into memory without end: a longer recording throws
    /// <see cref="ArgumentException"/> before any request. Must be positive; on v2 a public link to the recording
    /// (<see cref="Microsoft.Extensions.AI.BytezSpeechToTextClientExtensions"/>) is not read and has no limit here.
    /// </summary>
    public long MaxAudioSize { get; set; } = DefaultMaxAudioSize;
}
