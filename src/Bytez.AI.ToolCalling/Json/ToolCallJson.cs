using System.Text.Json.Nodes;

namespace Bytez.AI.ToolCalling;

/// <summary>
/// JSON helpers for <see cref="CallRegionReader"/>s: find where a JSON value ends, and parse the JSON that models write
/// (optionally Python-flavoured). For text that is still arriving, use a <see cref="JsonValueScanner"/>, which resumes
/// where it stopped instead of scanning from the start again.
/// </summary>
public static class ToolCallJson
{
    /// <summary>Finds the end of the JSON object or array that starts at <paramref name="start"/> in complete text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="start">The index of the opening <c>{</c> or <c>[</c>.</param>
    /// <returns>The index just past the value, or -1 when the text ends first (wait for more text, or it was cut off).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static int FindValueEnd(string text, int start)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new JsonValueScanner().FindEnd(text, start);
    }

    /// <summary>Skips white space.</summary>
    /// <param name="text">The text.</param>
    /// <param name="start">Where to start.</param>
    /// <returns>The index of the first character at or after <paramref name="start"/> that is not white space (the text's length when there is none).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static int SkipWhiteSpace(string text, int start)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SkipWhiteSpace(text.AsSpan(), start);
    }

    /// <summary>Skips white space.</summary>
    /// <param name="text">The text.</param>
    /// <param name="start">Where to start.</param>
    /// <returns>The index of the first character at or after <paramref name="start"/> that is not white space (the text's length when there is none).</returns>
    public static int SkipWhiteSpace(ReadOnlySpan<char> text, int start)
    {
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        return start;
    }

    /// <summary>
    /// Parses JSON strictly, then, when <paramref name="lenient"/> is set, after rewriting single-quoted strings,
    /// Python's <c>True</c>/<c>False</c>/<c>None</c> and trailing commas (see <see cref="ToolCallParseOptions.LenientJson"/>).
    /// </summary>
    /// <param name="text">The JSON text.</param>
    /// <param name="lenient">Whether Python-flavoured JSON is accepted.</param>
    /// <param name="node">The parsed value (null for JSON <c>null</c>).</param>
    /// <param name="error">Why the strict parse failed, when it did.</param>
    /// <returns>Whether the text is JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static bool TryParse(string text, bool lenient, out JsonNode? node, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        return LenientJson.TryParse(text, lenient, out node, out error);
    }
}
