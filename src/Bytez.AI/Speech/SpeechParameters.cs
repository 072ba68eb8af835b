using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using Bytez.AI.Mapping;
using Bytez.AI.Validation;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Speech;

/// <summary>
/// Builds the <c>params</c> of a speech run from M.E.AI options, with the precedence of every adapter
/// (<see cref="BytezParameters"/>): the raw object, then additional properties, then the typed options fill what is unset.
/// </summary>
[Experimental("MEAI001")]
internal static class SpeechParameters
{
    /// <summary>The Hugging Face pipeline argument that carries Whisper's generation settings.</summary>
    private const string GenerateKwargs = "generate_kwargs";

    /// <summary>
    /// Speech to text: <see cref="SpeechToTextOptions.SpeechLanguage"/> becomes <c>generate_kwargs.language</c> (its
    /// primary subtag, <c>en-US</c> gives <c>en</c>) and a translation into English <c>generate_kwargs.task =
    /// "translate"</c>, as Whisper models read them; models that do not generate (CTC models) ignore them. A
    /// <c>generate_kwargs</c> the caller wrote that is not an object is left as written.
    /// </summary>
    /// <param name="options">The options, already validated.</param>
    /// <param name="rawRepresentation">What the options' factory returned.</param>
    /// <param name="translate">Whether the options ask for a translation into English.</param>
    /// <returns>The parameters.</returns>
    public static JsonObject ForTranscription(SpeechToTextOptions? options, object? rawRepresentation, bool translate)
    {
        JsonObject parameters = BytezParameters.Start(rawRepresentation, options?.AdditionalProperties);
        string? language = SpeechOptionsValidator.Language(options?.SpeechLanguage, "SpeechToTextOptions.SpeechLanguage");
        if (language is null && !translate)
        {
            return parameters;
        }

        BytezParameters.SetIfAbsent(parameters, GenerateKwargs, new JsonObject());
        if (parameters[GenerateKwargs] is JsonObject generate)
        {
            if (language is not null)
            {
                BytezParameters.SetIfAbsent(generate, "language", language);
            }

            if (translate)
            {
                BytezParameters.SetIfAbsent(generate, "task", "translate");
            }
        }

        return parameters;
    }

    /// <summary>Text to speech: <see cref="TextToSpeechOptions.VoiceId"/> goes to the configured voice key.</summary>
    /// <param name="options">The options, already validated.</param>
    /// <param name="rawRepresentation">What the options' factory returned.</param>
    /// <param name="voiceParameter">The params key of the voice, or null (then VoiceId was refused by validation).</param>
    /// <returns>The parameters.</returns>
    public static JsonObject ForSpeech(TextToSpeechOptions? options, object? rawRepresentation, string? voiceParameter)
    {
        JsonObject parameters = BytezParameters.Start(rawRepresentation, options?.AdditionalProperties);
        if (options?.VoiceId is { } voice && voiceParameter is not null)
        {
            BytezParameters.SetIfAbsent(parameters, voiceParameter, voice);
        }

        return parameters;
    }
}
