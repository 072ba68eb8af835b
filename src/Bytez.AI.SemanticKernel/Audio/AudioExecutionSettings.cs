using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

namespace Bytez.AI.SemanticKernel.Audio;

/// <summary>
/// The audio settings read from a <see cref="PromptExecutionSettings"/>: its <see cref="PromptExecutionSettings.ModelId"/>,
/// and extension data under the keys of Semantic Kernel's OpenAI audio settings (we do not depend on that connector),
/// which become the typed M.E.AI options; every other key is passed to the model as a parameter.
/// </summary>
[Experimental("MEAI001")]
internal static class AudioExecutionSettings
{
    /// <summary>Reads speech-to-text options: <c>language</c> (the spoken language, such as <c>"fr"</c>).</summary>
    /// <param name="settings">The settings; null gives null.</param>
    /// <returns>The options, or null when there is nothing to set.</returns>
    /// <exception cref="ArgumentException">A known key holds something other than a string.</exception>
    public static SpeechToTextOptions? ForSpeechToText(PromptExecutionSettings? settings)
    {
        if (settings is null)
        {
            return null;
        }

        var options = new SpeechToTextOptions { ModelId = settings.ModelId };
        options.AdditionalProperties = Read(settings, (key, value) =>
        {
            switch (key)
            {
                case "language":
                    options.SpeechLanguage = Text(key, value);
                    return true;
                default:
                    return false;
            }
        });
        return options;
    }

    /// <summary>
    /// Reads text-to-speech options: <c>voice</c>, <c>response_format</c> (the audio format) and <c>speed</c>; the Bytez
    /// client refuses, before any request, what its models do not take.
    /// </summary>
    /// <param name="settings">The settings; null gives null.</param>
    /// <returns>The options, or null when there is nothing to set.</returns>
    /// <exception cref="ArgumentException">A known key holds a value of the wrong type.</exception>
    public static TextToSpeechOptions? ForTextToSpeech(PromptExecutionSettings? settings)
    {
        if (settings is null)
        {
            return null;
        }

        var options = new TextToSpeechOptions { ModelId = settings.ModelId };
        options.AdditionalProperties = Read(settings, (key, value) =>
        {
            switch (key)
            {
                case "voice":
                    options.VoiceId = Text(key, value);
                    return true;
                case "response_format":
                    options.AudioFormat = Text(key, value);
                    return true;
                case "speed":
                    options.Speed = Number(key, value);
                    return true;
                default:
                    return false;
            }
        });
        return options;
    }

    /// <summary>Offers each extension-data entry to <paramref name="take"/>; what it does not take becomes a parameter.</summary>
    private static AdditionalPropertiesDictionary? Read(PromptExecutionSettings settings, Func<string, object?, bool> take)
    {
        AdditionalPropertiesDictionary? rest = null;
        foreach ((string key, object? value) in settings.ExtensionData ?? new Dictionary<string, object>())
        {
            if (!take(key.ToLowerInvariant(), value))
            {
                (rest ??= [])[key] = value;
            }
        }

        return rest;
    }

    private static string Text(string key, object? value) => value switch
    {
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString()!,
        _ => throw new ArgumentException($"The execution setting '{key}' must be a string."),
    };

    private static float Number(string key, object? value) => value switch
    {
        float f => f,
        double d => (float)d,
        int i => i,
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetSingle(),
        _ => throw new ArgumentException($"The execution setting '{key}' must be a number."),
    };
}
