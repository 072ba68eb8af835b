using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Bytez.AI.ToolCalling;

/// <summary>
/// A recursive-descent parser for the Python subset NexusRaven writes: calls with keyword or positional arguments whose
/// values are literals (strings in every quote style, numbers, <c>True</c>/<c>False</c>/<c>None</c>), lists, tuples, dicts
/// and nested calls. Anything else (a variable, an operator, an f-string) is rejected, because running a call with a value
/// the model did not actually give would be worse than not running it.
/// </summary>
internal sealed class PythonParser
{
    private readonly string _text;
    private int _pos;

    private PythonParser(string text) => _text = text;

    /// <summary>Parses one call statement (the whole text must be the call).</summary>
    public static bool TryParseCall(string text, out PyCall? call, out string? error)
    {
        var parser = new PythonParser(text);
        try
        {
            parser.SkipWhiteSpace();
            call = parser.ParseCall();
            parser.SkipWhiteSpace();
            if (parser._pos < text.Length)
            {
                throw Error($"unexpected '{text[parser._pos..]}' after the call");
            }

            error = null;
            return true;
        }
        catch (FormatException ex)
        {
            call = null;
            error = ex.Message;
            return false;
        }
    }

    private PyCall ParseCall()
    {
        int start = _pos;
        string name = ParseIdentifier(allowDots: true);
        SkipWhiteSpace();
        Expect('(');
        var arguments = new List<PyArgument>();
        bool sawKeyword = false;
        while (true)
        {
            SkipWhiteSpace();
            if (Peek() == ')')
            {
                _pos++;
                break;
            }

            string? keyword = TryParseKeyword();
            if (keyword is null && sawKeyword)
            {
                throw Error("a positional argument follows a keyword argument");
            }

            sawKeyword |= keyword is not null;
            var value = ParseValue();
            arguments.Add(new PyArgument(keyword, value));
            SkipWhiteSpace();
            char next = Peek();
            if (next == ',')
            {
                _pos++;
            }
            else if (next != ')')
            {
                throw Error(next == '\0' ? "the call is not closed" : $"unsupported expression at '{Rest()}'");
            }
        }

        return new PyCall(name, arguments, _text[start.._pos]);
    }

    /// <summary>Reads <c>name=</c> (not <c>name==</c>) and returns the name, or leaves the position alone and returns null.</summary>
    private string? TryParseKeyword()
    {
        int save = _pos;
        if (!PythonScanner.IsIdentifierStart(Peek()))
        {
            return null;
        }

        string name = ParseIdentifier(allowDots: false);
        SkipWhiteSpace();
        if (Peek() == '=' && PeekAt(1) != '=')
        {
            _pos++;
            return name;
        }

        _pos = save;
        return null;
    }

    private PyValue ParseValue()
    {
        SkipWhiteSpace();
        char c = Peek();
        switch (c)
        {
            case '\0':
                throw Error("a value is missing");
            case '\'' or '"':
                return new PyLiteral(JsonValue.Create(ParseStrings(raw: false)));
            case '[':
                _pos++;
                return new PySequence(ParseItems(']'));
            case '(':
                _pos++;
                return ParseParenthesized();
            case '{':
                _pos++;
                return ParseDict();
        }

        if (char.IsDigit(c) || c is '-' or '+' or '.')
        {
            return new PyLiteral(ParseNumber());
        }

        if (PythonScanner.IsIdentifierStart(c))
        {
            int save = _pos;
            string word = ParseIdentifier(allowDots: true);
            if (word.Length <= 2 && Peek() is '\'' or '"')
            {
                string prefix = word.ToUpperInvariant();
                if (prefix.Contains('F', StringComparison.Ordinal))
                {
                    throw Error("f-strings are not literal values");
                }

                return new PyLiteral(JsonValue.Create(ParseStrings(raw: prefix.Contains('R', StringComparison.Ordinal))));
            }

            switch (word)
            {
                case "True":
                    return new PyLiteral(JsonValue.Create(true));
                case "False":
                    return new PyLiteral(JsonValue.Create(false));
                case "None":
                    return new PyLiteral(null);
            }

            SkipWhiteSpace();
            if (Peek() == '(')
            {
                _pos = save;
                return ParseCall();
            }

            throw Error($"'{word}' is a variable, not a literal value");
        }

        throw Error($"unsupported expression at '{Rest()}'");
    }

    private PyValue ParseParenthesized()
    {
        SkipWhiteSpace();
        if (Peek() == ')')
        {
            _pos++;
            return new PySequence([]);
        }

        var first = ParseValue();
        SkipWhiteSpace();
        if (Peek() == ')')
        {
            // (x) is just x; (x,) is a one-element tuple.
            _pos++;
            return first;
        }

        Expect(',');
        var items = new List<PyValue> { first };
        items.AddRange(ParseItems(')'));
        return new PySequence(items);
    }

    private List<PyValue> ParseItems(char close)
    {
        var items = new List<PyValue>();
        while (true)
        {
            SkipWhiteSpace();
            if (Peek() == close)
            {
                _pos++;
                return items;
            }

            items.Add(ParseValue());
            SkipWhiteSpace();
            char next = Peek();
            if (next == ',')
            {
                _pos++;
            }
            else if (next != close)
            {
                throw Error(next == '\0' ? $"'{close}' is missing" : $"unsupported expression at '{Rest()}'");
            }
        }
    }

    private PyValue ParseDict()
    {
        var entries = new List<KeyValuePair<string, PyValue>>();
        var setItems = new List<PyValue>();
        while (true)
        {
            SkipWhiteSpace();
            if (Peek() == '}')
            {
                _pos++;
                return setItems.Count > 0 ? new PySequence(setItems) : new PyDict(entries);
            }

            var key = ParseValue();
            SkipWhiteSpace();
            if (Peek() == ':' && setItems.Count == 0)
            {
                _pos++;
                if (key is not PyLiteral literal || literal.Value is null)
                {
                    throw Error("dict keys must be literals");
                }

                string name = literal.Value is JsonValue v && v.TryGetValue(out string? s) ? s : literal.Value.ToJsonString();
                entries.Add(new(name, ParseValue()));
            }
            else if (entries.Count == 0)
            {
                // A set literal {a, b}: JSON has no sets, an array is the closest.
                setItems.Add(key);
            }
            else
            {
                throw Error("a dict entry has no value");
            }

            SkipWhiteSpace();
            char next = Peek();
            if (next == ',')
            {
                _pos++;
            }
            else if (next != '}')
            {
                throw Error(next == '\0' ? "'}' is missing" : $"unsupported expression at '{Rest()}'");
            }
        }
    }

    private JsonValue ParseNumber()
    {
        int start = _pos;
        if (Peek() is '-' or '+')
        {
            _pos++;
            SkipWhiteSpace();
        }

        int digitsStart = _pos;
        bool isFloat = false;
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (char.IsDigit(c) || c == '_')
            {
                _pos++;
            }
            else if (c == '.' || ((c is 'e' or 'E') && _pos > digitsStart))
            {
                isFloat = true;
                _pos++;
                if ((c is 'e' or 'E') && Peek() is '-' or '+')
                {
                    _pos++;
                }
            }
            else
            {
                break;
            }
        }

        string digits = _text[digitsStart.._pos].Replace("_", string.Empty, StringComparison.Ordinal);
        bool negative = _text[start] == '-';
        if (digits.Length == 0 || digits == ".")
        {
            throw Error($"unsupported expression at '{_text[start..]}'");
        }

        if (!isFloat && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long integer))
        {
            return JsonValue.Create(negative ? -integer : integer);
        }

        if (double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && double.IsFinite(number))
        {
            return JsonValue.Create(negative ? -number : number);
        }

        throw Error($"'{_text[start.._pos]}' is not a number");
    }

    /// <summary>Parses one or more adjacent string literals ('a' 'b' is 'ab' in Python).</summary>
    private string ParseStrings(bool raw)
    {
        var sb = new StringBuilder();
        ParseString(sb, raw);
        while (true)
        {
            int save = _pos;
            SkipWhiteSpace();
            if (Peek() is '\'' or '"')
            {
                ParseString(sb, raw: false);
            }
            else
            {
                _pos = save;
                return sb.ToString();
            }
        }
    }

    private void ParseString(StringBuilder sb, bool raw)
    {
        int end = PythonScanner.SkipString(_text, _pos);
        if (end < 0)
        {
            throw Error("a string is not closed");
        }

        char quote = _text[_pos];
        bool triple = end - _pos >= 6 && _text[_pos + 1] == quote && _text[_pos + 2] == quote;
        int contentStart = _pos + (triple ? 3 : 1);
        int contentEnd = end - (triple ? 3 : 1);
        _pos = end;
        for (int i = contentStart; i < contentEnd; i++)
        {
            char c = _text[i];
            if (c != '\\' || raw || i + 1 >= contentEnd)
            {
                sb.Append(c);
                continue;
            }

            char e = _text[++i];
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case '0': sb.Append('\0'); break;
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'v': sb.Append('\v'); break;
                case '\\' or '\'' or '"': sb.Append(e); break;
                case '\n': break;
                case 'x' when i + 2 < contentEnd && TryHex(i + 1, 2, out int x):
                    sb.Append((char)x);
                    i += 2;
                    break;
                case 'u' when i + 4 < contentEnd && TryHex(i + 1, 4, out int u):
                    sb.Append((char)u);
                    i += 4;
                    break;
                case 'U' when i + 8 < contentEnd && TryHex(i + 1, 8, out int cp) && cp <= 0x10FFFF:
                    sb.Append(char.ConvertFromUtf32(cp));
                    i += 8;
                    break;
                default:
                    sb.Append('\\').Append(e);
                    break;
            }
        }
    }

    private bool TryHex(int start, int length, out int value) =>
        int.TryParse(_text.AsSpan(start, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);

    private string ParseIdentifier(bool allowDots)
    {
        int start = _pos;
        if (!PythonScanner.IsIdentifierStart(Peek()))
        {
            throw Error($"a function name was expected at '{Rest()}'");
        }

        while (_pos < _text.Length && (PythonScanner.IsIdentifierPart(_text[_pos]) || (allowDots && _text[_pos] == '.')))
        {
            _pos++;
        }

        return _text[start.._pos];
    }

    private void Expect(char c)
    {
        SkipWhiteSpace();
        if (Peek() != c)
        {
            throw Error(Peek() == '\0' ? $"'{c}' is missing" : $"'{c}' was expected at '{Rest()}'");
        }

        _pos++;
    }

    private void SkipWhiteSpace() => _pos = ToolCallJson.SkipWhiteSpace(_text, _pos);

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private char PeekAt(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private string Rest() => _text[_pos..Math.Min(_text.Length, _pos + 20)];

    private static FormatException Error(string message) => new(message);
}
