using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>
/// Turns one JSON call object (<c>{"name": ..., "arguments"|"parameters": {...}}</c>, also OpenAI's
/// <c>{"function": {...}}</c> wrapper) into a <see cref="FunctionCallContent"/>, or judges it not a call, or unusable.
/// </summary>
/// <remarks>
/// After a trained marker (<c>&lt;tool_call&gt;</c>, <c>&lt;|python_tag|&gt;</c>, <c>[TOOL_CALLS]</c>) the model meant a
/// call: anything unusable is an error, and an undeclared name is still a call (the invoking client reports it as not
/// found). Elsewhere (bare JSON, lenient wrappers) only an object naming a declared tool is a call; if it names one but
/// cannot be used (bad JSON, arguments that are not an object) it is an error; anything else is prose.
/// </remarks>
internal static class CallObjectReader
{
    /// <summary>Parses <paramref name="raw"/> and reads it as a call object.</summary>
    public static CallObjectOutcome Read(string raw, ToolCallParseContext context, bool explicitMarker, out AIContent? content)
    {
        if (!LenientJson.TryParseDocument(raw, context.Options.LenientJson, out var document, out var error))
        {
            return Fail(explicitMarker || NamesDeclaredTool(raw, context), $"The call is not valid JSON: {error}", raw, out content);
        }

        using (document)
        {
            return Read(document.RootElement, raw, context, explicitMarker, out content);
        }
    }

    /// <summary>Reads an already parsed value as a call object.</summary>
    public static CallObjectOutcome Read(JsonElement element, string raw, ToolCallParseContext context, bool explicitMarker, out AIContent? content)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return Fail(explicitMarker, "The call is not a JSON object.", raw, out content);
        }

        JsonElement call = element;
        if (!call.TryGetProperty("name", out _) && call.TryGetProperty("function", out JsonElement wrapped) && wrapped.ValueKind == JsonValueKind.Object)
        {
            call = wrapped;
        }

        if (!call.TryGetProperty("name", out JsonElement nameElement) || nameElement.ValueKind != JsonValueKind.String ||
            nameElement.GetString() is not { } name || string.IsNullOrWhiteSpace(name))
        {
            return Fail(explicitMarker, "The call has no \"name\".", raw, out content);
        }

        bool declared = context.IsDeclared(name);
        if (!explicitMarker && !declared)
        {
            content = null;
            return CallObjectOutcome.NotACall;
        }

        Dictionary<string, object?> arguments;
        if (!call.TryGetProperty("arguments", out JsonElement argumentsElement) && !call.TryGetProperty("parameters", out argumentsElement))
        {
            arguments = [];
        }
        else if (argumentsElement.ValueKind == JsonValueKind.String)
        {
            // Some models JSON-encode the arguments a second time: "arguments": "{\"city\": \"Paris\"}".
            string text = argumentsElement.GetString()!;
            if (string.IsNullOrWhiteSpace(text))
            {
                arguments = [];
            }
            else if (!LenientJson.TryParseDocument(text, context.Options.LenientJson, out var inner, out _) || !TryGetArguments(inner, out arguments))
            {
                return Fail(explicitMarker || declared, $"The arguments of '{name}' are not a JSON object.", raw, out content);
            }
        }
        else if (argumentsElement.ValueKind == JsonValueKind.Null)
        {
            arguments = [];
        }
        else if (!TryGetArguments(argumentsElement, out arguments))
        {
            return Fail(explicitMarker || declared, $"The arguments of '{name}' are not a JSON object.", raw, out content);
        }

        string id = call.TryGetProperty("id", out JsonElement idElement) && idElement.ValueKind == JsonValueKind.String &&
                    idElement.GetString() is { } given && !string.IsNullOrWhiteSpace(given)
            ? given
            : context.NewCallId();
        content = new FunctionCallContent(id, name, arguments);
        return CallObjectOutcome.Call;
    }

    /// <summary>
    /// Reads the arguments of a call whose name the wrapper gave (<c>&lt;function=name&gt;{...}&lt;/function&gt;</c>): a
    /// call when they are a JSON object, otherwise an error.
    /// </summary>
    public static AIContent ReadArguments(string name, string raw, ToolCallParseContext context)
    {
        if (LenientJson.TryParseDocument(raw, context.Options.LenientJson, out var document, out _) && TryGetArguments(document, out var arguments))
        {
            return new FunctionCallContent(context.NewCallId(), name, arguments);
        }

        return ToolCallErrors.Invalid($"The arguments of '{name}' are not a JSON object.", raw);
    }

    /// <summary>
    /// For a JSON object cut off before its end (or not parseable): whether it already names a declared tool, so the
    /// text was a call rather than prose. Looks for a complete <c>"name": "..."</c> pair.
    /// </summary>
    public static bool NamesDeclaredTool(ReadOnlySpan<char> partial, ToolCallParseContext context)
    {
        foreach (char quote in (ReadOnlySpan<char>)['"', '\''])
        {
            ReadOnlySpan<char> key = quote == '"' ? "\"name\"" : "'name'";
            int from = 0;
            while (from < partial.Length)
            {
                int k = partial[from..].IndexOf(key, StringComparison.Ordinal);
                if (k < 0)
                {
                    break;
                }

                int colon = ToolCallJson.SkipWhiteSpace(partial, from + k + key.Length);
                if (colon < partial.Length && partial[colon] == ':')
                {
                    int v = ToolCallJson.SkipWhiteSpace(partial, colon + 1);
                    if (v < partial.Length && partial[v] == quote)
                    {
                        int end = partial[(v + 1)..].IndexOf(quote);
                        if (end >= 0 && context.IsDeclared(partial.Slice(v + 1, end).ToString()))
                        {
                            return true;
                        }
                    }
                }

                from += k + key.Length;
            }
        }

        return false;
    }

    private static bool TryGetArguments(JsonDocument document, out Dictionary<string, object?> arguments)
    {
        using (document)
        {
            return TryGetArguments(document.RootElement, out arguments);
        }
    }

    private static bool TryGetArguments(JsonElement element, out Dictionary<string, object?> arguments)
    {
        arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (JsonProperty property in element.EnumerateObject())
        {
            arguments[property.Name] = property.Value.Clone();
        }

        return true;
    }

    private static CallObjectOutcome Fail(bool isCall, string reason, string raw, out AIContent? content)
    {
        if (!isCall)
        {
            content = null;
            return CallObjectOutcome.NotACall;
        }

        content = ToolCallErrors.Invalid(reason, raw);
        return CallObjectOutcome.Invalid;
    }
}
