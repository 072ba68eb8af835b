namespace Bytez.AI.ToolCalling;

/// <summary>
/// Finds where a Python call statement (<c>name(args)</c>, dots allowed in the name) ends in text that is still
/// arriving: brackets and every string form (single, double, triple quotes, escapes) are tracked, and a call on the
/// same start resumes where the previous one stopped, so each character is looked at once (a quote at the very end is
/// looked at again once more text shows whether it opens a triple-quoted string).
/// </summary>
internal sealed class PythonCallScanner
{
    /// <summary>Result of <see cref="FindCallEnd"/> when the text is not a call.</summary>
    public const int NotACall = -2;

    /// <summary>Result of <see cref="FindCallEnd"/> when more text is needed.</summary>
    public const int Incomplete = -1;

    private int _start = -1;
    private int _position;
    private bool _inArguments;
    private int _depth;
    private char _quote;
    private bool _triple;
    private int _result = Incomplete;

    public void Reset()
    {
        _start = -1;
        _position = 0;
        _inArguments = false;
        _depth = 0;
        _quote = '\0';
        _triple = false;
        _result = Incomplete;
    }

    /// <summary>
    /// For text starting at <paramref name="start"/> with an identifier and <c>(</c>: the index just past the matching
    /// <c>)</c>; <see cref="Incomplete"/> when the text ends first; <see cref="NotACall"/> when it is no call.
    /// </summary>
    public int FindCallEnd(ReadOnlySpan<char> text, int start)
    {
        if (start != _start)
        {
            Reset();
            _start = start;
            _position = start;
        }

        if (_result != Incomplete)
        {
            return _result;
        }

        int i = _position;
        if (!_inArguments)
        {
            if (i == start)
            {
                if (i >= text.Length)
                {
                    return Incomplete;
                }

                if (!PythonScanner.IsIdentifierStart(text[i]))
                {
                    return _result = NotACall;
                }

                i++;
            }

            while (i < text.Length && (PythonScanner.IsIdentifierPart(text[i]) || text[i] == '.'))
            {
                i++;
            }

            if (i >= text.Length)
            {
                _position = i;
                return Incomplete;
            }

            if (text[i] != '(')
            {
                return _result = NotACall;
            }

            _inArguments = true;
        }

        while (i < text.Length)
        {
            char c = text[i];
            if (_quote != '\0')
            {
                if (c == '\\')
                {
                    if (i + 1 >= text.Length)
                    {
                        break; // the escaped character has not arrived
                    }

                    i += 2;
                    continue;
                }

                if (c == _quote)
                {
                    if (!_triple)
                    {
                        _quote = '\0';
                    }
                    else if (i + 2 >= text.Length)
                    {
                        break; // maybe the closing triple quote: look again with more text
                    }
                    else if (text[i + 1] == _quote && text[i + 2] == _quote)
                    {
                        _quote = '\0';
                        i += 3;
                        continue;
                    }
                }

                i++;
                continue;
            }

            if (c is '\'' or '"')
            {
                if (i + 2 >= text.Length)
                {
                    break; // single, empty or triple-quoted: the next two characters tell
                }

                if (text[i + 1] == c)
                {
                    if (text[i + 2] == c)
                    {
                        _quote = c;
                        _triple = true;
                        i += 3;
                    }
                    else
                    {
                        i += 2; // an empty string
                    }

                    continue;
                }

                _quote = c;
                _triple = false;
                i++;
                continue;
            }

            if (c is '(' or '[' or '{')
            {
                _depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                _depth--;
                if (_depth == 0)
                {
                    return _result = i + 1;
                }
            }

            i++;
        }

        _position = i;
        return Incomplete;
    }
}
