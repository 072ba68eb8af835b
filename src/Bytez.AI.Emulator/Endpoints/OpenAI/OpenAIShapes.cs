using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Text;
using Bytez.AI.Emulator.Server;

namespace Bytez.AI.Emulator.Endpoints.OpenAI;

/// <summary>OpenAI <c>chat.completion</c> objects and <c>chat.completion.chunk</c> SSE events for the compatible endpoint.</summary>
internal static class OpenAIShapes
{
    public const string SseContentType = "text/event-stream; charset=utf-8";

    /// <summary>The characters of a tool call's arguments per streamed chunk (OpenAI streams arguments in pieces).</summary>
    private const int ArgumentPiece = 8;

    public static RenderedResponse Completion(RunCall call, OpenAIReply reply, DateTimeOffset now) =>
        RenderedResponse.Json(200, CompletionBody(call, call.Model.ModelId, reply, now));

    /// <summary>A <c>chat.completion</c> object (also the raw reply of the OpenAI and Mistral providers on the native endpoint).</summary>
    public static JsonObject CompletionBody(RunCall call, string modelName, string reply, DateTimeOffset now) =>
        CompletionBody(call, modelName, new OpenAIReply(reply), now);

    /// <summary>A <c>chat.completion</c> object with text or <c>tool_calls</c>.</summary>
    public static JsonObject CompletionBody(RunCall call, string modelName, OpenAIReply reply, DateTimeOffset now)
    {
        var (promptTokens, limit) = Measure(call);
        var completionTokens = reply.CompletionTokens;
        var message = new JsonObject { ["role"] = "assistant", ["content"] = reply.Calls is { Count: > 0 } ? null : reply.Text };
        if (reply.Calls is { Count: > 0 } calls)
        {
            message["tool_calls"] = new JsonArray([.. calls.Select((c, i) => (JsonNode)ToolCall(c, i, complete: true))]);
        }

        return new JsonObject
        {
            ["id"] = NewId(),
            ["object"] = "chat.completion",
            ["created"] = now.ToUnixTimeSeconds(),
            ["model"] = modelName,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = message,
                ["logprobs"] = null,
                ["finish_reason"] = FinishReason(reply, completionTokens, limit),
            }),
            ["usage"] = Usage(promptTokens, completionTokens),
        };
    }

    /// <summary>A streamed text reply: a role chunk, one chunk per delta, the finish chunk, the usage chunk when asked for, <c>[DONE]</c>.</summary>
    public static RenderedResponse Stream(RunCall call, IReadOnlyList<string> deltas, DateTimeOffset now) =>
        Stream(call, new OpenAIReply(string.Concat(deltas)), deltas, now);

    /// <summary>A streamed reply of text deltas or tool calls (each call's id and name first, then its arguments in pieces).</summary>
    public static RenderedResponse Stream(RunCall call, OpenAIReply reply, IReadOnlyList<string> deltas, DateTimeOffset now)
    {
        var (promptTokens, limit) = Measure(call);
        var id = NewId();
        var created = now.ToUnixTimeSeconds();
        var events = new List<byte[]> { Event(Chunk(id, created, call, new JsonObject { ["role"] = "assistant", ["content"] = string.Empty }, null)) };
        if (reply.Calls is { Count: > 0 } calls)
        {
            for (int i = 0; i < calls.Count; i++)
            {
                events.Add(Event(Chunk(id, created, call, ToolDelta(ToolCall(calls[i], i, complete: false)), null)));
                string arguments = calls[i].Arguments.ToJsonString();
                for (int at = 0; at < arguments.Length; at += ArgumentPiece)
                {
                    var piece = new JsonObject { ["index"] = i, ["function"] = new JsonObject { ["arguments"] = arguments.Substring(at, Math.Min(ArgumentPiece, arguments.Length - at)) } };
                    events.Add(Event(Chunk(id, created, call, ToolDelta(piece), null)));
                }
            }
        }
        else
        {
            foreach (var delta in deltas)
            {
                events.Add(Event(Chunk(id, created, call, new JsonObject { ["content"] = delta }, null)));
            }
        }

        var completionTokens = reply.CompletionTokens;
        events.Add(Event(Chunk(id, created, call, new JsonObject(), FinishReason(reply, completionTokens, limit))));
        if (call.OpenAI?.IncludeUsage == true)
        {
            var usage = Chunk(id, created, call, null, null);
            usage["choices"] = new JsonArray();
            usage["usage"] = Usage(promptTokens, completionTokens);
            events.Add(Event(usage));
        }

        events.Add(Done);
        return new RenderedResponse { StatusCode = 200, ContentType = SseContentType, Chunks = events, Streamed = true };
    }

    /// <summary>An in-stream error event, as OpenAI-compatible servers send when generation fails after the stream began.</summary>
    public static byte[] ErrorEvent(string message) =>
        Event(new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = "server_error", ["code"] = null } });

    /// <summary>The end of every OpenAI stream.</summary>
    public static byte[] Done => Encoding.UTF8.GetBytes("data: [DONE]\n\n");

    public static int CountWords(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>One <c>data:</c> event.</summary>
    public static byte[] Event(JsonNode node) => Encoding.UTF8.GetBytes("data: " + node.ToJsonString() + "\n\n");

    /// <summary>Token usage (whitespace-separated words stand in for tokens, deterministically).</summary>
    public static JsonObject Usage(int prompt, int completion) => new()
    {
        ["prompt_tokens"] = prompt,
        ["completion_tokens"] = completion,
        ["total_tokens"] = prompt + completion,
    };

    /// <summary>The input's words (messages' text or a prompt) and the <c>max_new_tokens</c> limit.</summary>
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
        else if (HttpJson.String(call.Request.Input) is { } prompt)
        {
            words = CountWords(prompt);
        }

        var limitNode = call.Request.Parameters["max_new_tokens"];
        int? limit = limitNode is JsonValue lv && lv.TryGetValue(out int max) ? max : null;
        return (words, limit);
    }

    /// <summary><c>length</c> when the token limit was reached, <c>tool_calls</c> for calls, <c>stop</c> otherwise.</summary>
    public static string FinishReason(OpenAIReply reply, int completionTokens, int? limit) =>
        reply.Calls is { Count: > 0 } ? "tool_calls" : limit is { } max && completionTokens >= max ? "length" : "stop";

    /// <summary>A deterministic call id: the same call in the same conversation always gets the same id.</summary>
    public static string CallId(string name, JsonObject arguments, int index) =>
        "call_" + StableHash.Combine(StableHash.Fnv1a(name + arguments.ToJsonString()), (ulong)index).ToString("x16", CultureInfo.InvariantCulture);

    private static JsonObject ToolCall((string Name, JsonObject Arguments) call, int index, bool complete)
    {
        var toolCall = new JsonObject
        {
            ["id"] = CallId(call.Name, call.Arguments, index),
            ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = complete ? call.Arguments.ToJsonString() : string.Empty },
        };
        if (!complete)
        {
            toolCall = new JsonObject { ["index"] = index, ["id"] = toolCall["id"]!.DeepClone(), ["type"] = "function", ["function"] = toolCall["function"]!.DeepClone() };
        }

        return toolCall;
    }

    private static JsonObject ToolDelta(JsonObject toolCall) => new() { ["tool_calls"] = new JsonArray(toolCall) };

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

    private static string NewId() => "chatcmpl-" + Guid.NewGuid().ToString("N")[..24];
}
