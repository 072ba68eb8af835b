using Bytez.AI.Emulator.Behaviors;
using Bytez.AI.Emulator.Server;

namespace Bytez.AI.Emulator.Endpoints.OpenAI;

/// <summary>
/// Answers a run that came through an OpenAI-compatible endpoint, whole or streamed, in that endpoint's shape. The reply
/// is, first match wins: the scripted one; the model's own native answer (<see cref="OpenAIReplies"/>: tool calls, the
/// answer after tool results, schema JSON); the task behaviour's text (wrapped as <c>{"answer": ...}</c> for a
/// <c>json_object</c> response format).
/// </summary>
internal static class OpenAIRendering
{
    public static RenderedResponse Body(RunCall call, ScriptedResponse? scripted, ITaskBehavior behavior, DateTimeOffset now)
    {
        OpenAIReply reply = ScriptedText(scripted) is { } text ? new OpenAIReply(text) : Native(call) ?? new OpenAIReply(BehaviorText(call, behavior));
        return Api(call) switch
        {
            OpenAIApi.Completions => OpenAITextShapes.Completion(call, reply.Text, now),
            OpenAIApi.Responses => OpenAIResponseShapes.Body(call, reply, now),
            _ => OpenAIShapes.Completion(call, reply, now),
        };
    }

    public static RenderedResponse Stream(RunCall call, ScriptedResponse? scripted, ITaskBehavior behavior, DateTimeOffset now)
    {
        OpenAIReply reply;
        IReadOnlyList<string> deltas;
        if (scripted?.Chunks is { } bytes)
        {
            deltas = TextChunker.Decode(bytes);
            reply = new OpenAIReply(string.Concat(deltas));
        }
        else if (ScriptedText(scripted) is { } text)
        {
            deltas = TextChunker.Words(text);
            reply = new OpenAIReply(text);
        }
        else if (Native(call) is { } native)
        {
            deltas = TextChunker.Words(native.Text);
            reply = native;
        }
        else if (Api(call) == OpenAIApi.Chat && call.OpenAI?.WantsJsonObject != true && behavior.Stream(call.Request) is { } streamed)
        {
            deltas = [.. streamed];
            reply = new OpenAIReply(string.Concat(deltas));
        }
        else
        {
            string whole = BehaviorText(call, behavior);
            deltas = TextChunker.Words(whole);
            reply = new OpenAIReply(whole);
        }

        return Api(call) switch
        {
            OpenAIApi.Completions => OpenAITextShapes.Stream(call, deltas, now),
            OpenAIApi.Responses => OpenAIResponseShapes.Stream(call, reply, deltas, now),
            _ => OpenAIShapes.Stream(call, reply, deltas, now),
        };
    }

    private static OpenAIApi Api(RunCall call) => call.OpenAI?.Api ?? OpenAIApi.Chat;

    private static OpenAIReply? Native(RunCall call) => call.OpenAI is { } request ? OpenAIReplies.Native(request) : null;

    private static string? ScriptedText(ScriptedResponse? scripted) =>
        scripted?.ReplyText ?? scripted?.JoinedChunks ?? (scripted?.Body is { } body ? V1Shapes.ReplyText(body) : null);

    /// <summary>The behaviour's reply text: a chat reply, or a completion without the echoed prompt.</summary>
    private static string BehaviorText(RunCall call, ITaskBehavior behavior)
    {
        string text = V1Shapes.ReplyText(behavior.Run(call.Request)) ?? string.Empty;
        if (HttpJson.String(call.Request.Input) is { Length: > 0 } prompt && text.StartsWith(prompt, StringComparison.Ordinal))
        {
            text = text[prompt.Length..].TrimStart();
        }

        return call.OpenAI?.WantsJsonObject == true ? new System.Text.Json.Nodes.JsonObject { ["answer"] = text }.ToJsonString() : text;
    }
}
