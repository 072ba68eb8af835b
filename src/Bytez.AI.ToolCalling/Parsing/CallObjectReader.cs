using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>
/// Turns one JSON call object (<c>{"name": ..., "arguments"|"parameters": {...}}</c>, also OpenAI's
/// <c>{"function": {...}}</c> wrapper) into a <see cref="FunctionCallContent"/>.
/// </summary>
internal static class CallObjectReader
{
    /// <summary>Parses <paramref name="raw"/> and reads it as a call object.</summary>
    /// <param name="raw">The JSON text of one object.</param>
    /// <param name="context">The parse context.</param>
    /// <param name="explicitMarker">
    /// Whether the object followed an explicit call marker. Without one, only a well-formed object naming a declared
    /// tool is a call (anything else is prose); with one, an undeclared name is still a call (the invoking client
    /// reports it as not found) and malformed JSON is an error.
    /// </param>
    /// <param name="content">The call or error; null when not a call.</param>
    public static CallObjectOutcome Read(string raw, ToolCallParseContext context, bool explicitMarker, out AIContent? content)
    {
        content = null;
        if (!LenientJson.TryParse(raw, context.Options.LenientJson, out var node, out var error))
        {
            return Fail(explicitMarker, $"The call is not valid JSON: {error}", raw, out content);
        }

        return Read(node, raw, context, explicitMarker, out content);
    }

    /// <summary>Reads an already parsed node as a call object.</summary>
    public static CallObjectOutcome Read(JsonNode? node, string raw, ToolCallParseContext context, bool explicitMarker, out AIContent? content)
    {
        content = null;
        if (node is not JsonObject obj)
        {
            return Fail(explicitMarker, "The call is not a JSON object.", raw, out content);
        }

        if (obj["name"] is null && obj["function"] is JsonObject wrapped)
        {
            obj = wrapped;
        }

        if (obj["name"] is not JsonValue nameValue || !nameValue.TryGetValue(out string? name) || string.IsNullOrWhiteSpace(name))
        {
            return Fail(explicitMarker, "The call has no \"name\".", raw, out content);
        }

        if (!explicitMarker && !context.IsDeclared(name))
        {
            return CallObjectOutcome.NotACall;
        }

        JsonNode? arguments = obj["arguments"] ?? obj["parameters"];
        if (arguments is JsonValue stringArguments && stringArguments.TryGetValue(out string? argumentText))
        {
            // Some models JSON-encode the arguments a second time: "arguments": "{\"city\": \"Paris\"}".
            if (string.IsNullOrWhiteSpace(argumentText))
            {
                arguments = null;
            }
            else if (!LenientJson.TryParse(argumentText, context.Options.LenientJson, out arguments, out _))
            {
                return Fail(explicitMarker, $"The arguments of '{name}' are not a JSON object.", raw, out content);
            }
        }

        if (arguments is not null and not JsonObject)
        {
            return Fail(explicitMarker, $"The arguments of '{name}' are not a JSON object.", raw, out content);
        }

        string id = obj["id"] is JsonValue idValue && idValue.TryGetValue(out string? given) && !string.IsNullOrWhiteSpace(given)
            ? given
            : context.NewCallId();
        content = new FunctionCallContent(id, name, JsonText.ToArguments((JsonObject?)arguments));
        return CallObjectOutcome.Call;
    }

    private static CallObjectOutcome Fail(bool explicitMarker, string reason, string raw, out AIContent? content)
    {
        if (!explicitMarker)
        {
            content = null;
            return CallObjectOutcome.NotACall;
        }

        content = ToolCallErrors.Invalid(reason, raw);
        return CallObjectOutcome.Invalid;
    }

    /// <summary>
    /// For a JSON object cut off before its end: whether it already names a declared tool (so the cut text was a
    /// call, not prose). Looks for a complete top-level <c>"name": "..."</c> pair.
    /// </summary>
    public static bool NamesDeclaredTool(string partial, ToolCallParseContext context)
    {
        foreach (var name in context.Tools.Keys)
        {
            foreach (var quote in (ReadOnlySpan<char>)['"', '\''])
            {
                string key = $"{quote}name{quote}";
                int k = partial.IndexOf(key, StringComparison.Ordinal);
                if (k < 0)
                {
                    continue;
                }

                int colon = ToolCallJson.SkipWhiteSpace(partial, k + key.Length);
                if (colon < partial.Length && partial[colon] == ':')
                {
                    int v = ToolCallJson.SkipWhiteSpace(partial, colon + 1);
                    string value = $"{quote}{name}{quote}";
                    if (string.CompareOrdinal(partial, v, value, 0, value.Length) == 0)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
