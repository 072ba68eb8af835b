using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Server;

namespace Bytez.AI.Emulator.Endpoints;

/// <summary>Builds and reads v1 run bodies (§2.8 of the wire reference).</summary>
internal static class V1Shapes
{
    /// <summary>The in-band text a container streams when a task cannot stream (verbatim from container source).</summary>
    public const string StreamNotSupported = "INTERNAL_BYTEZ_ERROR: arg \"stream\" was likely passed to a model that does not support streaming.";

    /// <summary>Shapes a scripted reply text as the task's v1 body.</summary>
    public static JsonObject FromText(RunCall call, string text)
    {
        if (call.Request.Input is JsonArray messages)
        {
            var conversation = new JsonArray();
            foreach (var message in messages)
            {
                conversation.Add(message?.DeepClone());
            }

            conversation.Add((JsonNode)new JsonObject { ["role"] = "assistant", ["content"] = text });
            return Output(new JsonArray(new JsonObject { ["generated_text"] = conversation }));
        }

        return call.Model.Task switch
        {
            "text-generation" => Output(new JsonArray(new JsonObject { ["generated_text"] = Prompt(call) + text })),
            "summarization" => Output(new JsonArray(new JsonObject { ["summary_text"] = text })),
            "translation" => Output(new JsonArray(new JsonObject { ["translation_text"] = text })),
            "text2text-generation" or "image-to-text" => Output(new JsonArray(new JsonObject { ["generated_text"] = text })),
            "automatic-speech-recognition" => Output(new JsonObject { ["text"] = text }),
            _ => Output(text),
        };
    }

    /// <summary>The text a scripted reply streams on the native endpoints (text generation echoes the prompt, as Bytez streams do).</summary>
    public static string StreamText(RunCall call, string reply) =>
        !call.IsChat && call.Model.Task == "text-generation" ? Prompt(call) + reply : reply;

    /// <summary>Reads the reply text out of a v1 body: the last message of a chat, the generated text, or any text output.</summary>
    public static string? ReplyText(JsonObject body)
    {
        var output = body["output"];
        if (output is JsonArray { Count: > 0 } list && list[0] is JsonObject first)
        {
            var generated = first["generated_text"] ?? first["summary_text"] ?? first["translation_text"];
            if (generated is JsonArray { Count: > 0 } conversation && conversation[^1] is JsonObject last)
            {
                return HttpJson.String(last["content"]) ?? last["content"]?.ToJsonString();
            }

            return HttpJson.String(generated);
        }

        if (output is JsonObject obj && HttpJson.String(obj["text"]) is { } transcript)
        {
            return transcript;
        }

        return HttpJson.String(output);
    }

    public static string Prompt(RunCall call) => HttpJson.String(call.Request.Input) ?? string.Empty;

    private static JsonObject Output(JsonNode? output) => new() { ["output"] = output };
}
