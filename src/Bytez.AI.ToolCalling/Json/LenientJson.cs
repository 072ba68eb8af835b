using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bytez.AI.ToolCalling;

/// <summary>
/// Parses JSON strictly, then (when allowed) leniently: single-quoted strings, Python's <c>True</c>/<c>False</c>/<c>None</c>
/// and trailing commas, which open models produce often enough that rejecting them would lose real calls.
/// </summary>
internal static class LenientJson
{
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>Parses <paramref name="text"/>; returns false (and a reason) when it is not JSON even after normalization.</summary>
    public static bool TryParse(string text, bool lenient, out JsonNode? node, out string? error)
    {
        if (TryParseStrict(text, out node, out error))
        {
            return true;
        }

        if (!lenient)
        {
            return false;
        }

        string normalized = Normalize(text);
        return TryParseStrict(normalized, out node, out _);
    }

    /// <summary>
    /// Parses <paramref name="text"/> into a document (strictly, then normalized when <paramref name="lenient"/>);
    /// returns false (and the strict parser's reason) when it is not JSON. The caller disposes the document.
    /// </summary>
    public static bool TryParseDocument(string text, bool lenient, [NotNullWhen(true)] out JsonDocument? document, out string? error)
    {
        if (TryParseDocumentStrict(text, out document, out error))
        {
            return true;
        }

        return lenient && TryParseDocumentStrict(Normalize(text), out document, out _);
    }

    private static bool TryParseDocumentStrict(string text, [NotNullWhen(true)] out JsonDocument? document, out string? error)
    {
        try
        {
            document = JsonDocument.Parse(text, DocumentOptions);
            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            document = null;
            error = ex.Message;
            return false;
        }
    }

    private static bool TryParseStrict(string text, out JsonNode? node, out string? error)
    {
        try
        {
            node = JsonNode.Parse(text, NodeOptions, DocumentOptions);
            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            node = null;
            error = ex.Message;
            return false;
        }
    }

    /// <summary>Rewrites Python-flavoured JSON into strict JSON, leaving double-quoted strings untouched.</summary>
    internal static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '"')
            {
                int end = CopyDoubleQuoted(text, i, sb);
                i = end;
            }
            else if (c == '\'')
            {
                i = CopySingleQuoted(text, i, sb);
            }
            else if (char.IsLetter(c))
            {
                int start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                string word = text[start..i];
                sb.Append(word switch
                {
                    "True" => "true",
                    "False" => "false",
                    "None" => "null",
                    _ => word,
                });
            }
            else if (c == ',' && NextSignificant(text, i + 1) is '}' or ']')
            {
                i++;
            }
            else
            {
                sb.Append(c);
                i++;
            }
        }

        return sb.ToString();
    }

    private static char NextSignificant(string text, int start)
    {
        int i = ToolCallJson.SkipWhiteSpace(text, start);
        return i < text.Length ? text[i] : '\0';
    }

    private static int CopyDoubleQuoted(string text, int start, StringBuilder sb)
    {
        int i = start + 1;
        sb.Append('"');
        while (i < text.Length)
        {
            char c = text[i];
            sb.Append(c);
            i++;
            if (c == '\\' && i < text.Length)
            {
                sb.Append(text[i]);
                i++;
            }
            else if (c == '"')
            {
                break;
            }
        }

        return i;
    }

    private static int CopySingleQuoted(string text, int start, StringBuilder sb)
    {
        int i = start + 1;
        sb.Append('"');
        while (i < text.Length)
        {
            char c = text[i];
            i++;
            if (c == '\\' && i < text.Length)
            {
                char next = text[i];
                i++;
                if (next == '\'')
                {
                    sb.Append('\'');
                }
                else
                {
                    sb.Append('\\').Append(next);
                }
            }
            else if (c == '\'')
            {
                break;
            }
            else if (c == '"')
            {
                sb.Append("\\\"");
            }
            else
            {
                sb.Append(c);
            }
        }

        sb.Append('"');
        return i;
    }
}
