using System.Text;
using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Tools;
using Bytez.AI.Emulator.Server;

namespace Bytez.AI.Emulator.Endpoints.OpenAI;

/// <summary>
/// An OpenAI-compatible request as the emulator answers it: the conversation as plain <c>{role, content}</c> messages
/// for the task behaviours (tool history folded into text, so standard tool messages never reach a behaviour that would
/// reject them), the declared tools and <c>tool_choice</c>, the call rounds since the question, and the
/// <c>response_format</c>.
/// </summary>
internal sealed class OpenAIRequest
{
    private OpenAIRequest(OpenAIApi api, JsonObject body)
    {
        Api = api;
        Body = body;
    }

    public OpenAIApi Api { get; }

    /// <summary>Gets the body as received.</summary>
    public JsonObject Body { get; }

    /// <summary>Gets the conversation as plain messages (text, or Bytez content blocks for multimodal models).</summary>
    public JsonArray PlainMessages { get; private set; } = [];

    /// <summary>Gets the tool conversation (declared tools, requirement, rounds), or null when neither tools nor tool history are present.</summary>
    public ToolConversation? Tools { get; private set; }

    /// <summary>Gets the JSON schema of a <c>json_schema</c> response format, or null.</summary>
    public JsonObject? ResponseSchema { get; private set; }

    /// <summary>Gets a value indicating whether the response format is <c>json_object</c> (any JSON object).</summary>
    public bool WantsJsonObject { get; private set; }

    /// <summary>Gets the question the reply answers: the last user message's text.</summary>
    public string Query { get; private set; } = string.Empty;

    /// <summary>Gets a value indicating whether a stream should end with a usage chunk (<c>stream_options.include_usage</c>).</summary>
    public bool IncludeUsage => Body["stream_options"]?["include_usage"] is JsonValue v && v.TryGetValue(out bool b) && b;

    /// <summary>Whether a model answers <c>tools</c> with native <c>tool_calls</c>: closed-source models, and open models whose catalog entry names a tool format.</summary>
    public static bool TakesTools(EmulatedModel model) => model.Provider is not null || model.ToolFormat is not null;

    /// <summary>Reads a chat-completions body (<c>messages</c>, <c>tools</c>, <c>tool_choice</c>, <c>response_format</c>).</summary>
    /// <exception cref="OpenAIRequestException">The body is not a valid request.</exception>
    public static OpenAIRequest ForChat(EmulatedModel model, JsonObject body)
    {
        if (body["messages"] is not JsonArray { Count: > 0 } messages)
        {
            throw new OpenAIRequestException("\"messages\" must be a non-empty array", "messages");
        }

        var request = new OpenAIRequest(OpenAIApi.Chat, body);
        request.ReadMessages(model, messages);
        request.ReadTools(model, body["tools"], body["tool_choice"], messages);
        request.ReadResponseFormat(body["response_format"]);
        return request;
    }

    /// <summary>Reads a completions body (<c>prompt</c>: a string, or an array whose first string is used).</summary>
    public static OpenAIRequest ForCompletions(JsonObject body)
    {
        string prompt = body["prompt"] switch
        {
            JsonValue v when v.TryGetValue(out string? s) => s,
            JsonArray { Count: > 0 } a when HttpJson.String(a[0]) is { } first => first,
            _ => throw new OpenAIRequestException("\"prompt\" must be a string", "prompt"),
        };

        return new OpenAIRequest(OpenAIApi.Completions, body) { Query = prompt };
    }

    /// <summary>Reads a Responses body (<c>input</c>: a string or messages; <c>instructions</c>; function <c>tools</c>; <c>text.format</c>).</summary>
    public static OpenAIRequest ForResponses(EmulatedModel model, JsonObject body)
    {
        var messages = new JsonArray();
        if (HttpJson.String(body["instructions"]) is { } instructions)
        {
            messages.Add((JsonNode)new JsonObject { ["role"] = "system", ["content"] = instructions });
        }

        switch (body["input"])
        {
            case JsonValue v when v.TryGetValue(out string? text):
                messages.Add((JsonNode)new JsonObject { ["role"] = "user", ["content"] = text });
                break;
            case JsonArray items:
                foreach (JsonNode? item in items)
                {
                    messages.Add((JsonNode)ResponsesItemAsMessage(item));
                }

                break;
            default:
                throw new OpenAIRequestException("\"input\" must be a string or an array of messages", "input");
        }

        var request = new OpenAIRequest(OpenAIApi.Responses, body);
        request.ReadMessages(model, messages);

        // Responses tools are flat ({"type": "function", "name", "parameters"}); the chat reader takes them as they are.
        request.ReadTools(model, body["tools"], body["tool_choice"], messages);
        request.ReadResponseFormat(body["text"]?["format"] is JsonObject format ? new JsonObject { ["type"] = format["type"]?.DeepClone(), ["json_schema"] = format.DeepClone() } : null);
        return request;
    }

    private void ReadMessages(EmulatedModel model, JsonArray messages)
    {
        bool multimodal = model.Task.EndsWith("-text-to-text", StringComparison.Ordinal);
        for (int i = 0; i < messages.Count; i++)
        {
            if (messages[i] is not JsonObject message || HttpJson.String(message["role"]) is not { Length: > 0 } role)
            {
                throw new OpenAIRequestException($"messages[{i}] must be an object with a string \"role\"", $"messages[{i}]");
            }

            JsonNode? content = message["content"];
            JsonNode plain = multimodal && content is JsonArray parts ? BytezBlocks(parts) : JsonValue.Create(Text(content, message["tool_calls"]));
            PlainMessages.Add((JsonNode)new JsonObject { ["role"] = role, ["content"] = plain });
            if (role == "user")
            {
                Query = Text(content, null);
            }
        }
    }

    private void ReadTools(EmulatedModel model, JsonNode? toolsNode, JsonNode? choice, JsonArray messages)
    {
        List<ToolDeclaration> tools = toolsNode is JsonArray declared ? JsonToolDeclarations.ReadAll(declared) : [];
        if (tools.Count > 0 && !TakesTools(model))
        {
            throw new OpenAIRequestException($"Model {model.ModelId} does not support tools: its chat template takes no tool declarations", "tools");
        }

        ToolRequirement requirement = choice switch
        {
            JsonValue v when v.TryGetValue(out string? mode) && mode == "required" => ToolRequirement.Any,
            JsonObject named when HttpJson.String(named["function"]?["name"] ?? named["name"]) is { } name => new ToolRequirement(true, name),
            _ => ToolRequirement.Auto,
        };

        if (choice is JsonValue none && none.TryGetValue(out string? noneMode) && noneMode == "none")
        {
            // The model may not call tools; it still answers from results already in the conversation.
            tools = [];
        }

        int queryIndex = -1;
        for (int i = messages.Count - 1; i >= 0 && queryIndex < 0; i--)
        {
            if (HttpJson.String(messages[i]?["role"]) == "user")
            {
                queryIndex = i;
            }
        }

        var conversation = new ToolConversation(tools, Query, requirement, []);
        for (int i = queryIndex + 1; i < messages.Count; i++)
        {
            JsonNode? message = messages[i];
            string? role = HttpJson.String(message?["role"]);
            if (role == "assistant" && message?["tool_calls"] is JsonArray { Count: > 0 } calls)
            {
                conversation.StartRound().Calls.AddRange(calls.Select(RecordedCallOf).OfType<RecordedCall>());
            }
            else if (role == "tool")
            {
                conversation.CurrentRound().Results.Add(Text(message?["content"], null));
            }
        }

        conversation.EndsWithResults = messages.Count > 0 && HttpJson.String(messages[^1]?["role"]) == "tool";
        Tools = conversation.HasTools ? conversation : null;
    }

    private void ReadResponseFormat(JsonNode? format)
    {
        switch (HttpJson.String(format?["type"]))
        {
            case "json_schema":
                ResponseSchema = format?["json_schema"]?["schema"] as JsonObject
                    ?? throw new OpenAIRequestException("response_format json_schema needs a \"schema\" object", "response_format");
                break;
            case "json_object":
                WantsJsonObject = true;
                break;
        }
    }

    /// <summary>A chat tool call (<c>{"id", "type": "function", "function": {"name", "arguments": "&lt;json&gt;"}}</c>) as the planner reads calls back.</summary>
    private static RecordedCall? RecordedCallOf(JsonNode? call) =>
        call?["function"] is JsonObject function
            ? RecordedCall.FromJson(new JsonObject { ["name"] = function["name"]?.DeepClone(), ["arguments"] = function["arguments"]?.DeepClone() })
            : call is JsonObject flat && flat["name"] is not null ? RecordedCall.FromJson(flat) : null;

    /// <summary>A Responses input item as a chat message: messages as they are, function calls and their outputs as tool history.</summary>
    private static JsonObject ResponsesItemAsMessage(JsonNode? item) => HttpJson.String(item?["type"]) switch
    {
        "function_call" => new JsonObject
        {
            ["role"] = "assistant",
            ["content"] = null,
            ["tool_calls"] = new JsonArray(new JsonObject { ["id"] = item?["call_id"]?.DeepClone(), ["name"] = item?["name"]?.DeepClone(), ["arguments"] = item?["arguments"]?.DeepClone() }),
        },
        "function_call_output" => new JsonObject { ["role"] = "tool", ["content"] = item?["output"]?.DeepClone() },
        _ => new JsonObject { ["role"] = item?["role"]?.DeepClone() ?? "user", ["content"] = item?["content"]?.DeepClone() },
    };

    /// <summary>The text of a message: a string, the text parts of an array, or, for an assistant turn of calls, the calls written out.</summary>
    private static string Text(JsonNode? content, JsonNode? toolCalls)
    {
        var text = new StringBuilder();
        switch (content)
        {
            case JsonValue v when v.TryGetValue(out string? s):
                text.Append(s);
                break;
            case JsonArray parts:
                foreach (JsonNode? part in parts)
                {
                    if (HttpJson.String(part?["text"]) is { } partText)
                    {
                        text.Append(text.Length > 0 ? " " : string.Empty).Append(partText);
                    }
                }

                break;
        }

        if (toolCalls is JsonArray { Count: > 0 } calls)
        {
            foreach (JsonNode? call in calls)
            {
                text.Append(text.Length > 0 ? " " : string.Empty).Append("Calling ").Append(HttpJson.String(call?["function"]?["name"] ?? call?["name"]));
            }
        }

        return text.ToString();
    }

    /// <summary>OpenAI content parts as Bytez blocks for a multimodal model: <c>image_url</c> as an image, <c>input_audio</c> as audio.</summary>
    private static JsonArray BytezBlocks(JsonArray parts)
    {
        var blocks = new JsonArray();
        foreach (JsonNode? part in parts)
        {
            switch (HttpJson.String(part?["type"]))
            {
                case "input_audio" when part is JsonObject withAudio && withAudio["input_audio"] is JsonObject audio:
                {
                    string format = HttpJson.String(audio["format"]) ?? "wav";
                    blocks.Add((JsonNode)new JsonObject { ["type"] = "audio", ["base64"] = "data:audio/" + format + ";base64," + HttpJson.String(audio["data"]) });
                    break;
                }
                default:
                    blocks.Add(part?.DeepClone());
                    break;
            }
        }

        return blocks;
    }
}
