using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Server;

namespace Bytez.AI.Emulator.Endpoints;

/// <summary>Maps a v1 body to the v2 <c>{"error": null, "output": ...}</c> shapes (§3.8): what the Bytez gateway normalises.</summary>
internal static class V2Shapes
{
    private static readonly (string Member, string Extension, string ContentType)[] Media =
    [
        ("output_png", "png", "image/png"),
        ("output_wav", "wav", "audio/wav"),
        ("output_mp4", "mp4", "video/mp4"),
    ];

    public static RenderedResponse Render(RunCall call, JsonObject v1Body, MediaStore store)
    {
        foreach (var (member, extension, contentType) in Media)
        {
            if (HttpJson.String(v1Body[member]) is { } base64)
            {
                var bytes = Convert.FromBase64String(base64);
                if (!call.JsonOutput)
                {
                    return new RenderedResponse { StatusCode = 200, ContentType = contentType, Chunks = [bytes] };
                }

                var name = store.Add(bytes, extension, contentType);
                var request = call.Http.Request;
                var url = $"{request.Scheme}://{request.Host}/cdn/{name}";
                return RenderedResponse.Json(200, Envelope(url));
            }
        }

        var envelope = Envelope(MapOutput(call, v1Body["output"]));
        if (HttpJson.String(v1Body["error"]) is { Length: > 0 } error)
        {
            // A body that reports an error keeps it: the envelope's error member is checked on every answer, 2xx included.
            envelope["error"] = error;
        }

        return RenderedResponse.Json(200, envelope);
    }

    public static JsonObject Envelope(JsonNode? output) => new() { ["error"] = null, ["output"] = output };

    /// <summary>Maps a v1 <c>output</c> to its v2 form; unknown shapes pass through unchanged.</summary>
    public static JsonNode? MapOutput(RunCall call, JsonNode? output)
    {
        var task = call.Model.Task;
        if (output is JsonArray { Count: > 0 } list)
        {
            var first = list[0];
            if (first is JsonObject item)
            {
                var generated = item["generated_text"] ?? item["summary_text"] ?? item["translation_text"];
                if (generated is JsonArray { Count: > 0 } conversation)
                {
                    return conversation[^1]?.DeepClone();
                }

                if (generated is JsonValue && item.Count == 1)
                {
                    return generated.DeepClone();
                }
            }

            if (first is JsonArray inner && task is "video-classification" or "feature-extraction" or "sentence-similarity"
                && inner.All(n => n is not JsonArray) && list.Count == 1)
            {
                return inner.DeepClone();
            }
        }

        if (task == "automatic-speech-recognition" && output is JsonObject asr && asr["text"] is JsonValue text)
        {
            return text.DeepClone();
        }

        return output?.DeepClone();
    }
}
