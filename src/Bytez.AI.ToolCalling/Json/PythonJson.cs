using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bytez.AI.ToolCalling;

/// <summary>
/// Writes JSON exactly as Python's <c>json.dumps(value, ensure_ascii=False)</c> does, which is what the chat templates'
/// <c>tojson</c> filter (transformers' override) produces: <c>", "</c> and <c>": "</c> separators, non-ASCII text kept,
/// only quotes, backslashes and control characters escaped; with an indent, one member per line and <c>","</c> at line
/// ends. Prompts then read as the model saw them in training.
/// </summary>
internal static class PythonJson
{
    /// <summary>Writes a value; <paramref name="indent"/> spaces per level, or 0 for one line.</summary>
    public static string Write(JsonNode? node, int indent = 0)
    {
        var sb = new StringBuilder();
        Write(sb, node, indent, 0);
        return sb.ToString();
    }

    /// <summary>Writes a string literal with Python's escapes.</summary>
    public static void WriteString(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                case '\b':
                    sb.Append("\\b");
                    break;
                case '\f':
                    sb.Append("\\f");
                    break;
                case < ' ':
                    sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        sb.Append('"');
    }

    /// <summary>
    /// Writes objects and arrays the way Python prints them (<c>", "</c> and <c>": "</c>, or <c>json.dumps</c>'s layout
    /// with an indent); <paramref name="writeScalar"/> writes values (null included) and <paramref name="writeKey"/> keys,
    /// so JSON (<see cref="Write(JsonNode?, int)"/>) and Python literals (<see cref="PythonLiteral"/>) share the walk.
    /// </summary>
    public static void WriteTree(StringBuilder sb, JsonNode? node, int indent, int level, Action<StringBuilder, JsonValue?> writeScalar, Action<StringBuilder, string> writeKey)
    {
        switch (node)
        {
            case JsonObject obj:
                WriteContainer(sb, '{', '}', obj.Count, indent, level, obj.Select(pair => (Action)(() =>
                {
                    writeKey(sb, pair.Key);
                    sb.Append(": ");
                    WriteTree(sb, pair.Value, indent, level + 1, writeScalar, writeKey);
                })));
                break;
            case JsonArray array:
                WriteContainer(sb, '[', ']', array.Count, indent, level, array.Select(item => (Action)(() => WriteTree(sb, item, indent, level + 1, writeScalar, writeKey))));
                break;
            default:
                writeScalar(sb, (JsonValue?)node);
                break;
        }
    }

    private static void Write(StringBuilder sb, JsonNode? node, int indent, int level) =>
        WriteTree(sb, node, indent, level, WriteScalar, WriteString);

    private static void WriteContainer(StringBuilder sb, char open, char close, int count, int indent, int level, IEnumerable<Action> items)
    {
        if (count == 0)
        {
            sb.Append(open).Append(close);
            return;
        }

        sb.Append(open);
        bool first = true;
        foreach (Action item in items)
        {
            if (!first)
            {
                sb.Append(indent > 0 ? "," : ", ");
            }

            if (indent > 0)
            {
                sb.Append('\n').Append(' ', indent * (level + 1));
            }

            item();
            first = false;
        }

        if (indent > 0)
        {
            sb.Append('\n').Append(' ', indent * level);
        }

        sb.Append(close);
    }

    private static void WriteScalar(StringBuilder sb, JsonValue? value)
    {
        if (value is null)
        {
            sb.Append("null");
            return;
        }

        WriteValue(sb, value);
    }

    private static void WriteValue(StringBuilder sb, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(sb, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                sb.Append("true");
                break;
            case JsonValueKind.False:
                sb.Append("false");
                break;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                sb.Append("null");
                break;
            default:
                // Numbers keep the text they were written with (a JsonElement's raw text, or the shortest round-trip form).
                sb.Append(value.ToJsonString());
                break;
        }
    }
}
