using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>How a <see cref="FunctionResultContent"/> is shown to a model: its value as text, errors as readable text.</summary>
internal static class ToolResultText
{
    /// <summary>
    /// The result as text: strings as they are, JSON values as JSON, a failure as <c>Error: message</c> (a result string
    /// that already starts with <c>Error:</c>, as <c>FunctionInvokingChatClient</c> writes them, is kept).
    /// </summary>
    public static string Format(FunctionResultContent result)
    {
        if (result.Result is string s)
        {
            return s;
        }

        if (result.Exception is not null && result.Result is null)
        {
            return $"Error: {result.Exception.Message}";
        }

        return FormatValue(result.Result);
    }

    /// <summary>A value as text: JSON strings unquoted, everything else as compact JSON.</summary>
    public static string FormatValue(object? value)
    {
        if (value is JsonElement { ValueKind: JsonValueKind.String } element)
        {
            return element.GetString() ?? string.Empty;
        }

        var node = JsonText.ToNode(value);
        if (node is JsonValue jsonValue && jsonValue.TryGetValue(out string? text))
        {
            return text;
        }

        return JsonText.Write(node);
    }

    /// <summary>The result as a JSON node: JSON-looking strings are parsed, other strings kept as strings.</summary>
    public static JsonNode? ToNode(FunctionResultContent result)
    {
        if (result.Exception is not null && result.Result is null)
        {
            return JsonValue.Create($"Error: {result.Exception.Message}");
        }

        if (result.Result is string s)
        {
            string trimmed = s.Trim();
            if (trimmed.Length > 0 && trimmed[0] is '{' or '[' && LenientJson.TryParse(trimmed, lenient: false, out var parsed, out _))
            {
                return parsed;
            }

            return JsonValue.Create(s);
        }

        return JsonText.ToNode(result.Result);
    }

    /// <summary>
    /// Whether a result is a failure: an exception, or the <c>Error: ...</c> text <c>FunctionInvokingChatClient</c> writes
    /// for unknown functions and failed invocations (the exception is not serialized, so the text is all that survives).
    /// </summary>
    public static bool IsFailure(FunctionResultContent result) =>
        result.Exception is not null ||
        (result.Result is string s && s.StartsWith("Error:", StringComparison.Ordinal));
}
