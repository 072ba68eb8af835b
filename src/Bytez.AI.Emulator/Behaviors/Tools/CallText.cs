using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bytez.AI.Emulator.Behaviors.Tools;

/// <summary>Writes calls the way the models print them: Python calls for NexusRaven, <c>json.dumps</c>-style JSON for the others.</summary>
internal static class CallText
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><c>f(a='x', b=g(c=1))</c>.</summary>
    public static string Python(PlannedCall call)
    {
        var sb = new StringBuilder(call.Name).Append('(');
        sb.AppendJoin(", ", call.Arguments.Select(static a => a.Name + "=" + (a.Call is { } inner ? Python(inner) : PythonLiteral(a.Value))));
        return sb.Append(')').ToString();
    }

    /// <summary>A Python literal: <c>'text'</c>, <c>12.5</c>, <c>True</c>, <c>None</c>, <c>[1, 2]</c>, <c>{'k': 'v'}</c>.</summary>
    public static string PythonLiteral(JsonNode? node) => node switch
    {
        null => "None",
        JsonArray array => "[" + string.Join(", ", array.Select(PythonLiteral)) + "]",
        JsonObject obj => "{" + string.Join(", ", obj.Select(static p => Quote(p.Key) + ": " + PythonLiteral(p.Value))) + "}",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => Quote(value.GetValue<string>()),
            JsonValueKind.True => "True",
            JsonValueKind.False => "False",
            _ => value.ToJsonString(),
        },
        _ => "None",
    };

    /// <summary><c>{"name": "f", "&lt;key&gt;": {...}}</c> with Python's <c>json.dumps</c> separators.</summary>
    public static string Json(string name, JsonObject arguments, string argumentsKey) =>
        Json(new JsonObject { ["name"] = name, [argumentsKey] = arguments.DeepClone() });

    /// <summary>JSON with <c>", "</c> and <c>": "</c> separators, non-ASCII kept.</summary>
    public static string Json(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray array => "[" + string.Join(", ", array.Select(Json)) + "]",
        JsonObject obj => "{" + string.Join(", ", obj.Select(static p => JsonValue.Create(p.Key).ToJsonString(Relaxed) + ": " + Json(p.Value))) + "}",
        _ => node.ToJsonString(Relaxed),
    };

    /// <summary>The literal arguments of a call whose nested calls are replaced by their results (<paramref name="resultOf"/>).</summary>
    public static JsonObject Arguments(PlannedCall call, Func<PlannedCall, JsonNode?> resultOf)
    {
        var obj = new JsonObject();
        foreach (PlannedArgument argument in call.Arguments)
        {
            obj[argument.Name] = argument.Call is { } inner ? resultOf(inner) : argument.Value?.DeepClone();
        }

        return obj;
    }

    /// <summary>A tool result as a value: JSON when it parses, else the text.</summary>
    public static JsonNode? ResultValue(string result)
    {
        string trimmed = result.Trim();
        if (trimmed.Length > 0 && (trimmed[0] is '{' or '[' or '"' or '-' || char.IsDigit(trimmed[0]) || trimmed is "true" or "false"))
        {
            try
            {
                return JsonNode.Parse(trimmed);
            }
            catch (JsonException)
            {
            }
        }

        return JsonValue.Create(result);
    }

    private static string Quote(string text) =>
        "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "'";
}
