namespace Bytez.AI.ToolCalling;

/// <summary>Python lexing helpers for complete text: string literals (single, double, triple quotes, escapes) and identifiers.</summary>
internal static class PythonScanner
{
    /// <summary>Index just past the string literal opening at <paramref name="start"/>, or -1 when it is unterminated.</summary>
    public static int SkipString(string text, int start)
    {
        char quote = text[start];
        bool triple = false;
        if (start + 1 < text.Length && text[start + 1] == quote)
        {
            if (start + 2 >= text.Length)
            {
                // Two quotes at the very end: an empty string or the start of a triple-quoted one; wait for more.
                return -1;
            }

            if (text[start + 2] != quote)
            {
                return start + 2;
            }

            triple = true;
        }

        int i = start + (triple ? 3 : 1);
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\\')
            {
                i += 2;
                continue;
            }

            if (c == quote)
            {
                if (!triple)
                {
                    return i + 1;
                }

                if (i + 2 < text.Length && text[i + 1] == quote && text[i + 2] == quote)
                {
                    return i + 3;
                }
            }

            i++;
        }

        return -1;
    }

    public static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

    public static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';
}
