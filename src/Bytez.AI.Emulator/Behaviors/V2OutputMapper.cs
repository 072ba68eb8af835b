using System.Text.Json.Nodes;

namespace Bytez.AI.Emulator.Behaviors;

/// <summary>Converts a v1 response body to the v2 <c>output</c> value (HTTP API reference §3.8 and §4).</summary>
internal static class V2OutputMapper
{
    /// <summary>Maps a v1 body to the v2 <c>output</c>.</summary>
    /// <param name="model">The model that produced the body.</param>
    /// <param name="v1Body">The v1 body from <see cref="ITaskBehavior.Run"/> (not modified).</param>
    /// <param name="publishMedia">Stores media bytes with their content type (<c>image/png</c>, <c>audio/wav</c>, <c>video/mp4</c>) and returns the URL to hand out.</param>
    /// <returns>
    /// Chat (a <c>generated_text</c> message list): the last message, <c>{"role":"assistant","content"}</c>.
    /// Text generation, summarization, translation, text2text, image-to-text: the plain string.
    /// Speech recognition: the transcript string. Video classification: the flat label list.
    /// Feature extraction: <c>output[0]</c> (a flat vector, or the token matrix for token-embedding models).
    /// Media (<c>output_png</c>/<c>output_wav</c>/<c>output_mp4</c>): the URL from <paramref name="publishMedia"/>.
    /// Anything else, or a body of an unexpected shape: a copy of <c>output</c> unchanged.
    /// </returns>
    public static JsonNode? V2Output(EmulatedModel model, JsonObject v1Body, Func<byte[], string, string> publishMedia)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(v1Body);
        ArgumentNullException.ThrowIfNull(publishMedia);

        foreach ((string member, string contentType) in (ReadOnlySpan<(string, string)>)[("output_png", "image/png"), ("output_wav", "audio/wav"), ("output_mp4", "video/mp4")])
        {
            if (v1Body[member] is JsonValue media && media.TryGetValue(out string? base64))
            {
                return JsonValue.Create(publishMedia(Convert.FromBase64String(base64), contentType));
            }
        }

        JsonNode? output = v1Body["output"];
        JsonNode? mapped = model.Task switch
        {
            EmulatedTasks.TextGeneration or EmulatedTasks.Chat or EmulatedTasks.ImageTextToText or EmulatedTasks.AudioTextToText
                or EmulatedTasks.VideoTextToText => Generated(output, "generated_text"),
            EmulatedTasks.Text2TextGeneration or EmulatedTasks.ImageToText => Generated(output, "generated_text"),
            EmulatedTasks.Summarization => Generated(output, "summary_text"),
            EmulatedTasks.Translation => Generated(output, "translation_text"),
            EmulatedTasks.AutomaticSpeechRecognition => output is JsonObject asr ? asr["text"] : null,
            EmulatedTasks.VideoClassification or EmulatedTasks.FeatureExtraction => output is JsonArray { Count: > 0 } nested && nested[0] is JsonArray inner ? inner : null,
            _ => null,
        };

        return (mapped ?? output)?.DeepClone();
    }

    private static JsonNode? Generated(JsonNode? output, string member)
    {
        JsonNode? value = output is JsonArray { Count: > 0 } list && list[0] is JsonObject first ? first[member] : null;
        return value is JsonArray { Count: > 0 } conversation ? conversation[^1] : value;
    }
}
