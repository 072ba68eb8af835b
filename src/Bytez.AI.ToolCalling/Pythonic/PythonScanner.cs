namespace Bytez.AI.ToolCalling;

/// <summary>Finds where a Python call statement ends, tracking brackets and all string forms (single, double, triple quotes, escapes).</summary>
internal static class PythonScanner
{
    /// <summary>Result of <see cref="FindCallEnd"/> when the text is not a call.</summary>
    public const int NotACall = -2;

    /// <summary>Result of <see cref="FindCallEnd"/> when more text is needed.</summary>
    public const int Incomplete = -1;

    /// <summary>
    /// For text starting at <paramref name="start"/> with an identifier (dots allowed) and <c>(</c>: the index just past the
    /// matching <c>)</c>; <see cref="Incomplete"/> when the text ends first; <see cref="NotACall"/> when it is no call.
    /// </summary>
    public static int FindCallEnd(string text, int start)
    {
        int i = start;
        if (i >= text.Length)
        {
            return Incomplete;
        }

        if (!IsIdentifierStart(text[i]))
        {
            return NotACall;
        }

        while (i < text.Length && (IsIdentifierPart(text[i]) || text[i] == '.'))
        {
            i++;
        }

        if (i >= text.Length)
        {
            return Incomplete;
        }

        if (text[i] != '(')
        {
            return NotACall;
        }

        int depth = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c is '\'' or '"')
            {
                int end = SkipString(text, i);
                if (end < 0)
                {
                    return Incomplete;
                }

                i = end;
                continue;
            }

            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                depth--;
                if (depth == 0)
                {
                    return i + 1;
                }
            }

            i++;
        }

        return Incomplete;
    }

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
