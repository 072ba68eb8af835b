using Bytez.AI.Protocol;

namespace Bytez.AI.Validation;

/// <summary>
/// The checks of what the speech adapters are asked to send, made before any request: the audio to transcribe (a
/// usable WAV, or on v2 another audio format Bytez decodes, or a public URL) and the text to speak.
/// </summary>
internal static class SpeechInputValidator
{
    /// <summary>What the formats accepted on v2 are called in messages.</summary>
    private const string OtherFormats = "MP3, FLAC or Ogg";

    /// <summary>Checks audio bytes and names their format.</summary>
    /// <param name="audio">The bytes read from the caller's stream.</param>
    /// <param name="protocol">The generation that will send them (v1 takes WAV only).</param>
    /// <param name="paramName">The caller's parameter, named by the exceptions.</param>
    /// <returns>The media type to send, and how long the audio lasts when the format tells (WAV).</returns>
    /// <exception cref="ArgumentException">The stream was empty, the WAV is broken or holds no samples, or the bytes are no audio format Bytez decodes.</exception>
    /// <exception cref="NotSupportedException">The audio is MP3, FLAC or Ogg and the client speaks v1, which takes WAV only.</exception>
    public static (string MediaType, TimeSpan? Duration) ValidateAudio(ReadOnlySpan<byte> audio, IBytezProtocol protocol, string paramName)
    {
        if (audio.IsEmpty)
        {
            throw new ArgumentException(
                "The audio stream is empty (nothing could be read from its current position): pass a stream holding a WAV recording, positioned at its start.",
                paramName);
        }

        if (WavHeader.HasSignature(audio))
        {
            return WavHeader.TryRead(audio, out WavHeader header, out string problem)
                ? ("audio/wav", header.Duration)
                : throw new ArgumentException($"The audio is not a usable WAV file: {problem}. Pass a complete WAV recording (RIFF/WAVE with a format chunk and audio data).", paramName);
        }

        string sniffed = MediaTypes.Sniff(audio);
        bool otherAudio = sniffed is "audio/mpeg" or "audio/flac" or "audio/ogg";
        if (otherAudio && protocol.AcceptsAnyAudio)
        {
            return (sniffed, null);
        }

        if (otherAudio)
        {
            throw BytezProtocols.NeedsV2(
                $"Speech recognition of {sniffed} audio",
                "the v1 API takes WAV recordings only (b64AudioBufferWav): convert the audio to WAV first.");
        }

        throw new ArgumentException(
            protocol.AcceptsAnyAudio
                ? $"The audio is not a WAV file (it does not start with RIFF....WAVE) nor {OtherFormats} audio: pass a recording in one of these formats."
                : "The audio is not a WAV file (it does not start with RIFF....WAVE): the v1 API takes WAV recordings only (b64AudioBufferWav). Pass a WAV recording.",
            paramName);
    }

    /// <summary>Checks a link to audio: an absolute http(s) URL of an <c>audio/*</c> media type, on a generation that fetches links (v2).</summary>
    /// <param name="audio">The link.</param>
    /// <param name="mediaType">The link's media type, if known.</param>
    /// <param name="protocol">The generation that will send it.</param>
    /// <param name="paramName">The caller's parameter, named by the exceptions.</param>
    /// <returns>The URL to send.</returns>
    /// <exception cref="ArgumentException">The URL is not absolute http(s), or its media type is not audio.</exception>
    /// <exception cref="NotSupportedException">The client speaks v1, which takes the bytes of a WAV only.</exception>
    public static Uri ValidateAudioUrl(Uri audio, string? mediaType, IBytezProtocol protocol, string paramName)
    {
        Uri url = BytezInput.ValidateUrl(audio, paramName);
        if (mediaType is not null && !mediaType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"The link's media type is '{mediaType}', not audio: pass a UriContent with an audio media type such as 'audio/wav' or 'audio/mpeg'.", paramName);
        }

        if (!protocol.AcceptsAnyAudio)
        {
            throw BytezProtocols.NeedsV2(
                "Speech recognition of audio at a URL",
                "the v1 API takes the bytes of a WAV recording only (b64AudioBufferWav): download the audio and pass it as a stream.");
        }

        return url;
    }

    /// <summary>Checks the text to speak: not null, not empty or white space.</summary>
    /// <param name="text">The text.</param>
    /// <param name="paramName">The caller's parameter, named by the exceptions.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="text"/> is empty or white space.</exception>
    public static void ValidateText(string text, string paramName)
    {
        ArgumentNullException.ThrowIfNull(text, paramName);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException("The text to speak is empty: pass the words the model should say.", paramName);
        }
    }
}
