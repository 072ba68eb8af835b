namespace Bytez.AI.ToolCalling;

/// <summary>
/// Finds where a JSON object or array ends by tracking nesting, quotes and escapes. Single quotes are tracked too,
/// because models write Python-style JSON (<c>{'a': 'b}'}</c>) and a brace inside such a string must not count.
/// </summary>
internal static class JsonScanner
{
    /// <summary>Returns the index just past the value that starts at <paramref name="start"/> (a <c>{</c> or <c>[</c>), or -1 when the text ends first.</summary>
    public static int FindValueEnd(string text, int start)
    {
        int depth = 0;
        char quote = '\0';
        bool escaped = false;
        for (int i = start; i < text.Length; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                if (escaped)
                {
                    escaped = false;
                }
                else if (c == '\\')
                {
                    escaped = true;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            switch (c)
            {
                case '"' or '\'':
                    quote = c;
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

    /// <summary>Index of the first character at or after <paramref name="start"/> that is not white space.</summary>
    public static int SkipWhiteSpace(string text, int start)
    {
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        return start;
    }
}
