using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Server;

namespace Bytez.AI.Emulator.Endpoints.OpenAI;

/// <summary>OpenAI <c>text_completion</c> objects and their SSE chunks (<c>completions</c>, wire reference §3.10).</summary>
internal static class OpenAITextShapes
{
    public static RenderedResponse Completion(RunCall call, string text, DateTimeOffset now)
    {
        var (promptTokens, limit) = OpenAIShapes.Measure(call);
        var reply = new OpenAIReply(text);
        var body = Chunk(NewId(), now, call, text, OpenAIShapes.FinishReason(reply, reply.CompletionTokens, limit));
        body["usage"] = OpenAIShapes.Usage(promptTokens, reply.CompletionTokens);
        return RenderedResponse.Json(200, body);
    }

    public static RenderedResponse Stream(RunCall call, IReadOnlyList<string> deltas, DateTimeOffset now)
    {
        var (promptTokens, limit) = OpenAIShapes.Measure(call);
        var reply = new OpenAIReply(string.Concat(deltas));
        var id = NewId();
        var events = deltas.Select(d => OpenAIShapes.Event(Chunk(id, now, call, d, null))).ToList();
        var last = Chunk(id, now, call, string.Empty, OpenAIShapes.FinishReason(reply, reply.CompletionTokens, limit));
        if (call.OpenAI?.IncludeUsage == true)
        {
            last["usage"] = OpenAIShapes.Usage(promptTokens, reply.CompletionTokens);
        }

        events.Add(OpenAIShapes.Event(last));
        events.Add(OpenAIShapes.Done);
        return new RenderedResponse { StatusCode = 200, ContentType = OpenAIShapes.SseContentType, Chunks = events, Streamed = true };
    }

    private static JsonObject Chunk(string id, DateTimeOffset now, RunCall call, string text, string? finishReason) => new()
    {
        ["id"] = id,
        ["object"] = "text_completion",
        ["created"] = now.ToUnixTimeSeconds(),
        ["model"] = call.Model.ModelId,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["text"] = text,
            ["logprobs"] = null,
            ["finish_reason"] = finishReason,
        }),
    };

    private static string NewId() => "cmpl-" + Guid.NewGuid().ToString("N")[..24];
}
