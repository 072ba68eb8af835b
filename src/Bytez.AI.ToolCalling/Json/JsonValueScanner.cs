namespace Bytez.AI.ToolCalling;

/// <summary>
/// Finds where a JSON object or array ends in text that is still arriving, looking at each character once: call
/// <see cref="FindEnd"/> again with the longer text and the scan resumes where it stopped. For a
/// <see cref="CallRegionReader"/> that waits (<see cref="RegionStep.NeedMore"/>) for a call to complete.
/// </summary>
/// <remarks>
/// Nesting, quotes and escapes are tracked, not patterns. Single-quoted strings count as strings too, because models
/// write Python-style JSON (<c>{'a': 'b}'}</c>) and a brace inside such a string must not close the value. One instance
/// follows one value; <see cref="Reset"/> (or a different <c>start</c>) begins another.
/// </remarks>
public sealed class JsonValueScanner
{
    private static readonly System.Buffers.SearchValues<char> Structural = System.Buffers.SearchValues.Create("\"'{}[]");

    private int _start = -1;
    private int _position;
    private int _depth;
    private char _quote;
    private bool _escaped;
    private int _end = -1;

    /// <summary>Gets a value indicating whether the scan stopped inside a string literal.</summary>
    public bool InString => _quote != '\0';

    /// <summary>Forgets the value scanned so far.</summary>
    public void Reset()
    {
        _start = -1;
        _position = 0;
        _depth = 0;
        _quote = '\0';
        _escaped = false;
        _end = -1;
    }

    /// <summary>
    /// Finds the end of the object or array that opens at <paramref name="start"/>. The text must be the text of the
    /// previous call with more appended (the same <paramref name="start"/>); only the new part is scanned.
    /// </summary>
    /// <param name="text">The text so far.</param>
    /// <param name="start">The index of the opening <c>{</c> or <c>[</c>.</param>
    /// <returns>The index just past the value, or -1 when the text ends first.</returns>
    public int FindEnd(ReadOnlySpan<char> text, int start)
    {
        if (start != _start)
        {
            Reset();
            _start = start;
            _position = start;
        }

        if (_end >= 0)
        {
            return _end;
        }

        int i = _position;
        while (i < text.Length)
        {
            if (_quote != '\0')
            {
                if (_escaped)
                {
                    _escaped = false;
                    i++;
                    continue;
                }

                // Inside a string only a backslash or the closing quote matters: jump to the next one (vectorized).
                int special = _quote == '"' ? text[i..].IndexOfAny('\\', '"') : text[i..].IndexOfAny('\\', '\'');
                if (special < 0)
                {
                    i = text.Length;
                    break;
                }

                i += special;
                if (text[i] == '\\')
                {
                    _escaped = true;
                }
                else
                {
                    _quote = '\0';
                }

                i++;
                continue;
            }

            int structural = text[i..].IndexOfAny(Structural);
            if (structural < 0)
            {
                i = text.Length;
                break;
            }

            i += structural;
            char c = text[i];
            switch (c)
            {
                case '"' or '\'':
                    _quote = c;
                    break;
                case '{' or '[':
                    _depth++;
                    break;
                default:
                    _depth--;
                    if (_depth == 0)
                    {
                        _position = i + 1;
                        _end = i + 1;
                        return _end;
                    }

                    break;
            }

            i++;
        }

        _position = Math.Max(_position, i);
        return -1;
    }
}
