using System.Text;
using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Server;

namespace Bytez.AI.Emulator.Endpoints.OpenAI;

/// <summary>
/// The Responses API's <c>response</c> object (an output <c>message</c> with <c>output_text</c>, or <c>function_call</c>
/// items) and its streamed events (<c>event: response.created</c> ... <c>response.completed</c>), wire reference §3.10.
/// </summary>
internal static class OpenAIResponseShapes
{
    public static RenderedResponse Body(RunCall call, OpenAIReply reply, DateTimeOffset now) =>
        RenderedResponse.Json(200, Response(call, reply, NewId("resp"), NewId("msg"), now, "completed"));

    public static RenderedResponse Stream(RunCall call, OpenAIReply reply, IReadOnlyList<string> deltas, DateTimeOffset now)
    {
        string id = NewId("resp");
        string messageId = NewId("msg");
        int sequence = 0;
        var events = new List<byte[]>();
        void Add(string type, JsonObject data)
        {
            data["type"] = type;
            data["sequence_number"] = sequence++;
            events.Add(Encoding.UTF8.GetBytes($"event: {type}\ndata: {data.ToJsonString()}\n\n"));
        }

        JsonObject inProgress = Response(call, reply, id, messageId, now, "in_progress");
        inProgress["output"] = new JsonArray();
        inProgress["usage"] = null;
        Add("response.created", new JsonObject { ["response"] = inProgress });
        JsonArray output = Output(reply, messageId, "completed");
        for (int index = 0; index < output.Count; index++)
        {
            var item = (JsonObject)output[index]!;
            if (HttpJson.String(item["type"]) == "message")
            {
                var opened = new JsonObject { ["type"] = "message", ["id"] = messageId, ["status"] = "in_progress", ["role"] = "assistant", ["content"] = new JsonArray() };
                Add("response.output_item.added", new JsonObject { ["output_index"] = index, ["item"] = opened });
                Add("response.content_part.added", new JsonObject { ["item_id"] = messageId, ["output_index"] = index, ["content_index"] = 0, ["part"] = TextPart(string.Empty) });
                foreach (string delta in deltas)
                {
                    Add("response.output_text.delta", new JsonObject { ["item_id"] = messageId, ["output_index"] = index, ["content_index"] = 0, ["delta"] = delta, ["logprobs"] = new JsonArray() });
                }

                Add("response.output_text.done", new JsonObject { ["item_id"] = messageId, ["output_index"] = index, ["content_index"] = 0, ["text"] = reply.Text, ["logprobs"] = new JsonArray() });
                Add("response.content_part.done", new JsonObject { ["item_id"] = messageId, ["output_index"] = index, ["content_index"] = 0, ["part"] = TextPart(reply.Text) });
            }
            else
            {
                Add("response.output_item.added", new JsonObject { ["output_index"] = index, ["item"] = item.DeepClone() });
                Add("response.function_call_arguments.done", new JsonObject { ["item_id"] = item["id"]!.DeepClone(), ["output_index"] = index, ["arguments"] = item["arguments"]!.DeepClone() });
            }

            Add("response.output_item.done", new JsonObject { ["output_index"] = index, ["item"] = item.DeepClone() });
        }

        Add("response.completed", new JsonObject { ["response"] = Response(call, reply, id, messageId, now, "completed") });
        return new RenderedResponse { StatusCode = 200, ContentType = OpenAIShapes.SseContentType, Chunks = events, Streamed = true };
    }

    private static JsonObject Response(RunCall call, OpenAIReply reply, string id, string messageId, DateTimeOffset now, string status)
    {
        var (promptTokens, _) = OpenAIShapes.Measure(call);
        JsonObject body = call.OpenAI?.Body ?? [];
        return new JsonObject
        {
            ["id"] = id,
            ["object"] = "response",
            ["created_at"] = now.ToUnixTimeSeconds(),
            ["status"] = status,
            ["error"] = null,
            ["incomplete_details"] = null,
            ["instructions"] = body["instructions"]?.DeepClone(),
            ["max_output_tokens"] = body["max_output_tokens"]?.DeepClone(),
            ["model"] = call.Model.ModelId,
            ["output"] = Output(reply, messageId, status),
            ["output_text"] = reply.Text,
            ["parallel_tool_calls"] = true,
            ["previous_response_id"] = null,
            ["temperature"] = body["temperature"]?.DeepClone() ?? 1,
            ["tool_choice"] = body["tool_choice"]?.DeepClone() ?? "auto",
            ["tools"] = body["tools"]?.DeepClone() ?? new JsonArray(),
            ["top_p"] = body["top_p"]?.DeepClone() ?? 1,
            ["text"] = body["text"]?.DeepClone() ?? new JsonObject { ["format"] = new JsonObject { ["type"] = "text" } },
            ["metadata"] = body["metadata"]?.DeepClone() ?? new JsonObject(),
            ["usage"] = new JsonObject
            {
                ["input_tokens"] = promptTokens,
                ["input_tokens_details"] = new JsonObject { ["cached_tokens"] = 0 },
                ["output_tokens"] = reply.CompletionTokens,
                ["output_tokens_details"] = new JsonObject { ["reasoning_tokens"] = 0 },
                ["total_tokens"] = promptTokens + reply.CompletionTokens,
            },
        };
    }

    private static JsonArray Output(OpenAIReply reply, string messageId, string status)
    {
        if (reply.Calls is { Count: > 0 } calls)
        {
            return new JsonArray([.. calls.Select((c, i) => (JsonNode)new JsonObject
            {
                ["type"] = "function_call",
                ["id"] = "fc_" + OpenAIShapes.CallId(c.Name, c.Arguments, i)["call_".Length..],
                ["call_id"] = OpenAIShapes.CallId(c.Name, c.Arguments, i),
                ["name"] = c.Name,
                ["arguments"] = c.Arguments.ToJsonString(),
                ["status"] = "completed",
            })]);
        }

        return new JsonArray(new JsonObject
        {
            ["type"] = "message",
            ["id"] = messageId,
            ["status"] = status,
            ["role"] = "assistant",
            ["content"] = new JsonArray(TextPart(reply.Text)),
        });
    }

    private static JsonObject TextPart(string text) => new() { ["type"] = "output_text", ["text"] = text, ["annotations"] = new JsonArray() };

    private static string NewId(string prefix) => prefix + "_" + Guid.NewGuid().ToString("N");
}
