using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors;
using Bytez.AI.Emulator.Server;

namespace Bytez.AI.Emulator.Endpoints;

/// <summary>Turns each endpoint's run body into the one <see cref="EmulatorRunRequest"/> the behaviours see.</summary>
internal static class RunInputs
{
    private static readonly HashSet<string> NotInput = new(StringComparer.Ordinal) { "model", "modelId", "key", "params", "stream", "json" };

    /// <summary>
    /// v1: <c>input</c> (string or array), the June-2024 <c>prompt</c>, or the May-2024 <c>text</c>; object inputs are
    /// already merged at the top level (an object sent as <c>input</c> is merged too, leniently).
    /// </summary>
    public static EmulatorRunRequest FromV1(EmulatedModel model, JsonObject received)
    {
        var body = Copy(received);
        if (body["input"] is JsonObject merged)
        {
            body.Remove("input");
            Merge(body, merged);
        }

        var input = body["input"] ?? body["prompt"] ?? body["text"];
        return new EmulatorRunRequest(model, input, Params(body), body, IsTrue(body["stream"]));
    }

    /// <summary>
    /// v2: explicit fields (<c>messages</c>, <c>text</c>, <c>url</c>, <c>base64</c>, <c>question</c>, <c>context</c>,
    /// <c>candidate_labels</c>) or the SDKs' generic <c>input</c>; media fields are also offered under the v1 member
    /// names the task expects (<c>image</c>, <c>b64AudioBufferWav</c>, ...), so one behaviour serves both generations.
    /// </summary>
    public static EmulatorRunRequest FromV2(EmulatedModel model, JsonObject? received)
    {
        var body = received is null ? new JsonObject() : Copy(received);
        if (body["input"] is JsonObject merged)
        {
            body.Remove("input");
            Merge(body, merged);
        }

        var input = body["messages"] ?? body["input"] ?? body["text"] ?? body["prompt"];
        var media = body["url"] ?? body["base64"] ?? (TakesMedia(model.Task) && HttpJson.String(body["input"]) is not null ? body["input"] : null);
        if (media is not null)
        {
            var raw = StripDataUrl(HttpJson.String(media));
            var alias = model.Task switch
            {
                "audio-classification" or "automatic-speech-recognition" => "b64AudioBufferWav",
                "mask-generation" => "b64ImageBufferPng",
                "video-classification" => body["url"] is not null ? "mp4Url" : "b64VideoBufferMp4",
                _ => "image",
            };
            if (body[alias] is null && raw is not null)
            {
                body[alias] = raw;
            }

            if (input is null && raw is not null && model.Task is not ("visual-question-answering" or "document-question-answering"
                or "zero-shot-image-classification" or "zero-shot-object-detection" or "mask-generation" or "audio-classification" or "automatic-speech-recognition"))
            {
                body["input"] = raw;
                input = body["input"];
            }
        }

        return new EmulatorRunRequest(model, input, Params(body), body, IsTrue(body["stream"]));
    }

    /// <summary>OpenAI chat completions: <c>messages</c> is the input; the sampling fields become Hugging Face params.</summary>
    public static EmulatorRunRequest FromOpenAI(EmulatedModel model, JsonObject received)
    {
        var body = Copy(received);
        var parameters = new JsonObject();
        if ((body["max_completion_tokens"] ?? body["max_tokens"]) is { } max)
        {
            parameters["max_new_tokens"] = max.DeepClone();
        }

        foreach (var name in (ReadOnlySpan<string>)["temperature", "top_p", "stop", "seed", "presence_penalty", "frequency_penalty", "tools", "tool_choice"])
        {
            if (body[name] is { } value)
            {
                parameters[name] = value.DeepClone();
            }
        }

        var runBody = new JsonObject
        {
            ["model"] = model.ModelId,
            ["input"] = body["messages"]?.DeepClone(),
            ["params"] = parameters,
            ["stream"] = IsTrue(body["stream"]),
        };
        foreach (var (name, value) in body)
        {
            if (runBody[name] is null && name != "messages")
            {
                runBody[name] = value?.DeepClone();
            }
        }

        return new EmulatorRunRequest(model, runBody["input"], parameters, runBody, IsTrue(body["stream"]));
    }

    /// <summary>Whether the task's main input is an image, audio clip or video (sent as <c>url</c>/<c>base64</c> in v2).</summary>
    public static bool TakesMedia(string task) => task is "image-classification" or "object-detection" or "image-segmentation"
        or "depth-estimation" or "image-to-text" or "image-feature-extraction" or "mask-generation" or "video-classification"
        or "audio-classification" or "automatic-speech-recognition" or "visual-question-answering" or "document-question-answering"
        or "zero-shot-image-classification" or "zero-shot-object-detection";

    public static bool IsTrue(JsonNode? node) => node is JsonValue v && v.TryGetValue(out bool b) && b;

    private static JsonObject Copy(JsonObject received)
    {
        var body = (JsonObject)received.DeepClone();
        body.Remove("key");
        return body;
    }

    private static JsonObject Params(JsonObject body)
    {
        if (body["params"] is JsonObject parameters)
        {
            return parameters;
        }

        var empty = new JsonObject();
        body["params"] = empty;
        return empty;
    }

    private static void Merge(JsonObject body, JsonObject members)
    {
        foreach (var (name, value) in members)
        {
            if (!NotInput.Contains(name) || body[name] is null)
            {
                body[name] = value?.DeepClone();
            }
        }
    }

    private static string? StripDataUrl(string? value)
    {
        if (value is not null && value.StartsWith("data:", StringComparison.Ordinal) && value.IndexOf(',', StringComparison.Ordinal) is var comma and > 0)
        {
            return value[(comma + 1)..];
        }

        return value;
    }
}
