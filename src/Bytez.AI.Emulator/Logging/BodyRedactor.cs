using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bytez.AI.Emulator.Logging;

/// <summary>Removes secrets from request bodies before they reach the request log (the May-2024 API sent the key in the body).</summary>
internal static class BodyRedactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Redacted = "***";

    /// <summary>Returns the body text with every key-like member's value replaced.</summary>
    /// <param name="body">The parsed body, when it was JSON.</param>
    /// <param name="raw">The raw text.</param>
    /// <returns>The redacted text.</returns>
    public static string Redact(JsonNode? body, string raw)
    {
        if (body is null)
        {
            // Not JSON: nothing structured to redact, and a key cannot be told apart from other text.
            return raw.Contains("\"key\"", StringComparison.OrdinalIgnoreCase) ? Redacted : raw;
        }

        var copy = body.DeepClone();
        Scrub(copy);
        return copy.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static void Scrub(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (IsSecret(name))
                    {
                        obj[name] = Redacted;
                    }
                    else
                    {
                        Scrub(obj[name]);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Scrub(item);
                }

                break;
        }
    }

    private static bool IsSecret(string name) => name.Equals("key", StringComparison.OrdinalIgnoreCase)
        || name.Equals("apiKey", StringComparison.OrdinalIgnoreCase)
        || name.Equals("api_key", StringComparison.OrdinalIgnoreCase)
        || name.Equals("authorization", StringComparison.OrdinalIgnoreCase)
        || name.Equals("provider-key", StringComparison.OrdinalIgnoreCase);
}
