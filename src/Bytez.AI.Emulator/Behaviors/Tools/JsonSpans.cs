using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bytez.AI.Emulator.Behaviors.Tools;

/// <summary>Finds JSON objects and arrays embedded in prompt text (balanced brackets, strings and escapes tracked).</summary>
internal static class JsonSpans
{
    /// <summary>Every top-level JSON object in <paramref name="text"/> that parses, with its end offset (exclusive).</summary>
    public static List<(JsonObject Value, int Start, int End)> Objects(string text)
    {
        var found = new List<(JsonObject, int, int)>();
        int i = 0;
        while ((i = text.IndexOf('{', i)) >= 0)
        {
            if (TryRead(text, i, out JsonNode? node, out int end) && node is JsonObject obj)
            {
                found.Add((obj, i, end));
                i = end;
            }
            else
            {
                i++;
            }
        }

        return found;
    }

    /// <summary>Reads <paramref name="text"/> as one JSON string literal.</summary>
    public static bool TryReadString(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
    {
        value = null;
        try
        {
            return JsonNode.Parse(text) is JsonValue literal && literal.TryGetValue(out value);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Reads the JSON object or array starting at <paramref name="start"/>.</summary>
    public static bool TryRead(string text, int start, out JsonNode? node, out int end)
    {
        node = null;
        end = Match(text, start);
        if (end < 0)
        {
            return false;
        }

        string json = text.AsSpan(start, end - start).ToString();
        try
        {
            node = JsonNode.Parse(json);
            return node is not null;
        }
        catch (JsonException)
        {
            // Templates that build JSON by concatenation (Hermes-2-Pro's tool_use) leave line breaks unescaped in strings.
            try
            {
                node = JsonNode.Parse(EscapeControlCharacters(json));
                return node is not null;
            }
            catch (JsonException)
            {
                return false;
            }
        }
    }

    private static string EscapeControlCharacters(string json)
    {
        var sb = new System.Text.StringBuilder(json.Length + 16);
        bool inString = false;
        for (int i = 0; i < json.Length; i++)
        {
            char c = json[i];
            if (inString && c == '\\' && i + 1 < json.Length)
            {
                sb.Append(c).Append(json[++i]);
                continue;
            }

            if (c == '"')
            {
                inString = !inString;
            }

            sb.Append(inString && c < ' ' ? "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString());
        }

        return sb.ToString();
    }

    /// <summary>The offset just past the bracket closing the one at <paramref name="start"/>, or -1.</summary>
    private static int Match(string text, int start)
    {
        int depth = 0;
        bool inString = false;
        for (int i = start; i < text.Length; i++)
        {
            char c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{' or '[':
                    depth++;
                    break;
                case '}' or ']':
                    depth--;
                    if (depth == 0)
                    {
                        return i + 1;
                    }

                    break;
            }
        }

        return -1;
    }
}
