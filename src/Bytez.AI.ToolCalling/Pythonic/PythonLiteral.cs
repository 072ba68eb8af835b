using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bytez.AI.ToolCalling;

/// <summary>Writes JSON values as Python literals (<c>'text'</c>, <c>True</c>, <c>None</c>, <c>[1, 2]</c>, <c>{'k': 'v'}</c>).</summary>
internal static class PythonLiteral
{
    public static string Format(JsonNode? node)
    {
        var sb = new StringBuilder();
        Write(sb, node);
        return sb.ToString();
    }

    public static string Format(JsonElement element) => Format(JsonText.ToNode(element));

    private static void Write(StringBuilder sb, JsonNode? node) => PythonJson.WriteTree(sb, node, 0, 0, WriteScalar, WriteString);

    private static void WriteScalar(StringBuilder sb, JsonValue? value)
    {
        switch (value?.GetValueKind())
        {
            case null or JsonValueKind.Null:
                sb.Append("None");
                break;
            case JsonValueKind.String:
                WriteString(sb, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                sb.Append("True");
                break;
            case JsonValueKind.False:
                sb.Append("False");
                break;
            default:
                sb.Append(JsonText.Write(value));
                break;
        }
    }

    private static void WriteString(StringBuilder sb, string text)
    {
        sb.Append('\'');
        foreach (char c in text)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\'': sb.Append("\\'"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default: sb.Append(c); break;
            }
        }

        sb.Append('\'');
    }
}
