using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Validation;

/// <summary>
/// The checks of the speech adapters' options, made before any request: a typed option Bytez's speech models cannot
/// honour fails with <see cref="NotSupportedException"/> naming what to do instead, rather than being dropped.
/// </summary>
internal static class SpeechOptionsValidator
{
    /// <summary>The media types (and format names) of WAV, the audio Bytez speech models produce.</summary>
    private static readonly string[] WavFormats = ["wav", "wave", "audio/wav", "audio/wave", "audio/x-wav", "audio/vnd.wave"];

    /// <summary>Validates the text-to-speech client's options (at its construction).</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentException"><see cref="BytezTextToSpeechClientOptions.VoiceParameter"/> is empty or white space.</exception>
    public static void Validate(BytezTextToSpeechClientOptions options)
    {
        if (options.VoiceParameter is { } name && string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException(
                "BytezTextToSpeechClientOptions.VoiceParameter is empty: set it to the params key your model reads a voice from (such as \"voice_preset\"), or leave it null.",
                nameof(options));
        }
    }

    /// <summary>
    /// Validates speech-to-text options: languages are non-empty, and a translation (a text language other than the
    /// speech language) is into English, the only language Whisper translates into.
    /// </summary>
    /// <param name="options">The options; null is valid.</param>
    /// <returns>Whether the call asks for a translation into English rather than a transcription.</returns>
    /// <exception cref="ArgumentException">A language is empty or white space.</exception>
    /// <exception cref="NotSupportedException">The text language is another language than the speech's and not English.</exception>
    [Experimental("MEAI001")]
    public static bool Validate(SpeechToTextOptions? options)
    {
        if (options is null)
        {
            return false;
        }

        string? speech = Language(options.SpeechLanguage, "SpeechToTextOptions.SpeechLanguage");
        string? text = Language(options.TextLanguage, "SpeechToTextOptions.TextLanguage");
        if (text is null || text == speech)
        {
            return false;
        }

        return text is "en" or "english" or "eng"
            ? true
            : throw new NotSupportedException(
                $"SpeechToTextOptions.TextLanguage '{options.TextLanguage}' differs from the speech language, which asks for a translation: Bytez's speech models (Whisper) translate into English only. Set TextLanguage to \"en\", to the speech language, or leave it null.");
    }

    /// <summary>
    /// Validates text-to-speech options: the audio format is WAV (what Bytez speech models produce), a voice is given
    /// only when the client knows the parameter that carries it, and no other typed option is set (no Bytez speech model
    /// takes a language, speed, pitch or volume parameter Bytez documents).
    /// </summary>
    /// <param name="options">The options; null is valid.</param>
    /// <param name="voiceParameter">The params key a voice goes to (<see cref="BytezTextToSpeechClientOptions.VoiceParameter"/>), or null.</param>
    /// <exception cref="NotSupportedException">An option Bytez's speech models do not take is set.</exception>
    [Experimental("MEAI001")]
    public static void Validate(TextToSpeechOptions? options, string? voiceParameter)
    {
        if (options is null)
        {
            return;
        }

        const string ByName = "If your model takes such a setting, pass it by name in AdditionalProperties (it becomes a params key).";
        if (options.AudioFormat is { } format && !WavFormats.Contains(format.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            throw new NotSupportedException(
                $"TextToSpeechOptions.AudioFormat '{format}' is not supported: Bytez speech models produce WAV. Use \"audio/wav\" or leave it unset.");
        }

        if (options.VoiceId is not null && voiceParameter is null)
        {
            throw new NotSupportedException(
                "TextToSpeechOptions.VoiceId is not supported: Bytez documents no voice parameter for its speech models. Set BytezTextToSpeechClientOptions.VoiceParameter to the params key your model reads a voice from (such as \"voice_preset\"), or pass it by name in AdditionalProperties.");
        }

        foreach ((string name, bool isSet) in (ReadOnlySpan<(string, bool)>)[
            ("Language", options.Language is not null),
            ("Speed", options.Speed is not null),
            ("Pitch", options.Pitch is not null),
            ("Volume", options.Volume is not null)])
        {
            if (isSet)
            {
                throw new NotSupportedException(
                    $"TextToSpeechOptions.{name} is not supported: Bytez documents no {name.ToLowerInvariant()} parameter for its speech models (the model decides). {ByName}");
            }
        }
    }

    /// <summary>The primary subtag of a language tag, lower case (<c>en-US</c> gives <c>en</c>); null when unset.</summary>
    /// <param name="language">The tag, such as <c>en</c>, <c>fr-FR</c> or <c>english</c>.</param>
    /// <param name="option">The option's name, for the error.</param>
    /// <returns>The language as Whisper reads it.</returns>
    public static string? Language(string? language, string option)
    {
        if (language is null)
        {
            return null;
        }

        string trimmed = language.Trim();
        if (trimmed.Length == 0)
        {
            throw new ArgumentException($"{option} is empty: set a language such as \"en\" or \"fr\", or leave it null.", nameof(language));
        }

        int dash = trimmed.IndexOfAny(['-', '_']);
        return (dash > 0 ? trimmed[..dash] : trimmed).ToLowerInvariant();
    }
}
