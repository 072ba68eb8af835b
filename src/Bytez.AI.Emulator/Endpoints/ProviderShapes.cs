using System.Globalization;
using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Endpoints.OpenAI;
using Bytez.AI.Emulator.Server;

namespace Bytez.AI.Emulator.Endpoints;

/// <summary>
/// Closed-source models on the native v2 endpoint (wire reference §3.9): Bytez normalises the reply into
/// <c>output</c> (<c>{role, content}</c>) and adds the provider's untouched reply as <c>provider</c>, in that provider's
/// own format.
/// </summary>
internal static class ProviderShapes
{
    /// <summary>The header a closed-source provider's own key travels in.</summary>
    public const string KeyHeader = "provider-key";

    public static RenderedResponse Render(RunCall call, JsonObject v1Body, string provider, DateTimeOffset now)
    {
        var output = V2Shapes.MapOutput(call, v1Body["output"]);
        var reply = HttpJson.String(output?["content"]) ?? HttpJson.String(output) ?? string.Empty;
        var body = V2Shapes.Envelope(output);
        body["provider"] = Reply(call, provider, reply, now);
        return RenderedResponse.Json(200, body);
    }

    /// <summary>Whether the model's provider needs the caller's own key (Bytez's docs: Cohere does; the others bill Bytez credits).</summary>
    public static bool RequiresKey(EmulatedModel model) => model.Provider == "cohere";

    private static JsonObject Reply(RunCall call, string provider, string reply, DateTimeOffset now)
    {
        var name = call.Model.ModelId[(call.Model.ModelId.IndexOf('/', StringComparison.Ordinal) + 1)..];
        var (promptTokens, _) = OpenAIShapes.Measure(call);
        var outputTokens = OpenAIShapes.CountWords(reply);
        // Lower-case hex of the timestamp's bytes, spelled out because net8.0 has no Convert.ToHexStringLower.
        var id = string.Concat(BitConverter.GetBytes(now.ToUnixTimeMilliseconds()).Select(static b => b.ToString("x2", CultureInfo.InvariantCulture)));
        return provider switch
        {
            "anthropic" => new JsonObject
            {
                ["id"] = "msg_" + id,
                ["type"] = "message",
                ["role"] = "assistant",
                ["model"] = name,
                ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = reply }),
                ["stop_reason"] = "end_turn",
                ["usage"] = new JsonObject { ["input_tokens"] = promptTokens, ["output_tokens"] = outputTokens },
            },
            "google" => new JsonObject
            {
                ["candidates"] = new JsonArray(new JsonObject
                {
                    ["content"] = new JsonObject { ["parts"] = new JsonArray(new JsonObject { ["text"] = reply }), ["role"] = "model" },
                    ["finishReason"] = "STOP",
                }),
                ["usageMetadata"] = new JsonObject
                {
                    ["promptTokenCount"] = promptTokens,
                    ["candidatesTokenCount"] = outputTokens,
                    ["totalTokenCount"] = promptTokens + outputTokens,
                },
                ["modelVersion"] = name,
            },
            "cohere" => new JsonObject
            {
                ["id"] = id,
                ["message"] = new JsonObject
                {
                    ["role"] = "assistant",
                    ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = reply }),
                },
                ["finish_reason"] = "COMPLETE",
                ["usage"] = new JsonObject { ["tokens"] = new JsonObject { ["input_tokens"] = promptTokens, ["output_tokens"] = outputTokens } },
            },

            // OpenAI and Mistral both answer with an OpenAI-style chat.completion.
            _ => OpenAIShapes.CompletionBody(call, name, reply, now),
        };
    }
}
