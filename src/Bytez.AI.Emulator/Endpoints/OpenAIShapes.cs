using System.Text;
using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Server;

namespace Bytez.AI.Emulator.Endpoints;

/// <summary>OpenAI <c>chat.completion</c> objects and <c>chat.completion.chunk</c> SSE events for the compatible endpoint.</summary>
internal static class OpenAIShapes
{
    public const string SseContentType = "text/event-stream; charset=utf-8";

    public static RenderedResponse Completion(RunCall call, string reply, DateTimeOffset now) =>
        RenderedResponse.Json(200, CompletionBody(call, call.Model.ModelId, reply, now));

    /// <summary>A <c>chat.completion</c> object (also the raw reply of the OpenAI and Mistral providers on the native endpoint).</summary>
    public static JsonObject CompletionBody(RunCall call, string modelName, string reply, DateTimeOffset now)
    {
        var (promptTokens, limit) = Measure(call);
        var completionTokens = CountWords(reply);
        return new JsonObject
        {
            ["id"] = NewId(),
            ["object"] = "chat.completion",
            ["created"] = now.ToUnixTimeSeconds(),
            ["model"] = modelName,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply },
                ["logprobs"] = null,
                ["finish_reason"] = FinishReason(completionTokens, limit),
            }),
            ["usage"] = Usage(promptTokens, completionTokens),
        };
    }

    public static RenderedResponse Stream(RunCall call, IReadOnlyList<string> deltas, DateTimeOffset now)
    {
        var (promptTokens, limit) = Measure(call);
        var id = NewId();
        var created = now.ToUnixTimeSeconds();
        var events = new List<byte[]> { Event(Chunk(id, created, call, new JsonObject { ["role"] = "assistant", ["content"] = string.Empty }, null)) };
        foreach (var delta in deltas)
        {
            events.Add(Event(Chunk(id, created, call, new JsonObject { ["content"] = delta }, null)));
        }

        var completionTokens = CountWords(string.Concat(deltas));
        events.Add(Event(Chunk(id, created, call, new JsonObject(), FinishReason(completionTokens, limit))));
        if (call.OpenAIBody?["stream_options"]?["include_usage"] is JsonValue include && include.TryGetValue(out bool wanted) && wanted)
        {
            var usage = Chunk(id, created, call, null, null);
            usage["choices"] = new JsonArray();
            usage["usage"] = Usage(promptTokens, completionTokens);
            events.Add(Event(usage));
        }

        events.Add(Encoding.UTF8.GetBytes("data: [DONE]\n\n"));
        return new RenderedResponse { StatusCode = 200, ContentType = SseContentType, Chunks = events, Streamed = true };
    }

    /// <summary>An in-stream error event, as OpenAI-compatible servers send when generation fails after the stream began.</summary>
    public static byte[] ErrorEvent(string message) =>
        Event(new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = "server_error", ["code"] = null } });

    public static int CountWords(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static JsonObject Chunk(string id, long created, RunCall call, JsonObject? delta, string? finishReason) => new()
    {
        ["id"] = id,
        ["object"] = "chat.completion.chunk",
        ["created"] = created,
        ["model"] = call.Model.ModelId,
        ["choices"] = delta is null ? null : new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["delta"] = delta,
            ["logprobs"] = null,
            ["finish_reason"] = finishReason,
        }),
    };

    private static byte[] Event(JsonNode node) => Encoding.UTF8.GetBytes("data: " + node.ToJsonString() + "\n\n");

    private static JsonObject Usage(int prompt, int completion) => new()
    {
        ["prompt_tokens"] = prompt,
        ["completion_tokens"] = completion,
        ["total_tokens"] = prompt + completion,
    };

    private static string FinishReason(int completionTokens, int? limit) => limit is { } max && completionTokens >= max ? "length" : "stop";

    public static (int PromptTokens, int? Limit) Measure(RunCall call)
    {
        var words = 0;
        if (call.Request.Input is JsonArray messages)
        {
            foreach (var message in messages)
            {
                var content = message?["content"];
                words += content switch
                {
                    JsonValue v when v.TryGetValue(out string? s) => CountWords(s),
                    JsonArray parts => parts.Sum(p => HttpJson.String(p?["text"]) is { } t ? CountWords(t) : 0),
                    _ => 0,
                };
            }
        }

        var limitNode = call.Request.Parameters["max_new_tokens"];
        int? limit = limitNode is JsonValue lv && lv.TryGetValue(out int max) ? max : null;
        return (words, limit);
    }

    private static string NewId() => "chatcmpl-" + Guid.NewGuid().ToString("N")[..24];
}
