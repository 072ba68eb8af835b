namespace Bytez.AI.ToolCalling;

/// <summary>
/// Finds the JSON value of a tagged call (<c>&lt;tool_call&gt; {...} &lt;/tool_call&gt;</c>) in region text that is still
/// arriving, looking at each character once, and notices a closing tag that comes before the value is complete (the
/// call is invalid then, not cut off).
/// </summary>
internal sealed class JsonBody
{
    private readonly JsonValueScanner _scanner = new();
    private TextSearch? _close;
    private int _start = -1;
    private int _whiteSpaceEnd;
    private int _closeFrom;

    /// <summary>Starts a body; <paramref name="closeTag"/> is the tag that ends it, or null when none does.</summary>
    public void Begin(string? closeTag)
    {
        _scanner.Reset();
        _close = closeTag is null ? null : new TextSearch(closeTag);
        _start = -1;
        _whiteSpaceEnd = 0;
        _closeFrom = 0;
    }

    /// <summary>Scans the region (from the same start as the previous call, longer).</summary>
    public JsonBodyScan Scan(ReadOnlySpan<char> region, bool final)
    {
        if (_start < 0)
        {
            _whiteSpaceEnd = ToolCallJson.SkipWhiteSpace(region, _whiteSpaceEnd);
            if (_whiteSpaceEnd >= region.Length)
            {
                return final ? new(JsonBodyKind.NotJson, region.Length, region.Length) : default;
            }

            _start = _whiteSpaceEnd;
            _closeFrom = _start;
        }

        if (region[_start] is not ('{' or '['))
        {
            return new(JsonBodyKind.NotJson, _start, _start);
        }

        // A closing tag outside the JSON's strings, before the value is complete, ends the call: invalid. One inside a
        // string is part of an argument: look for the next one.
        while (_close?.Find(region, _closeFrom) is int close and >= 0)
        {
            int before = _scanner.FindEnd(region[..close], _start);
            if (before >= 0)
            {
                return new(JsonBodyKind.Value, _start, before);
            }

            if (!_scanner.InString)
            {
                return new(JsonBodyKind.ClosedEarly, _start, close);
            }

            _closeFrom = close + 1;
            _close!.Reset();
        }

        int end = _scanner.FindEnd(region, _start);
        if (end >= 0)
        {
            return new(JsonBodyKind.Value, _start, end);
        }

        return final ? new(JsonBodyKind.Cut, _start, region.Length) : default;
    }

    /// <summary>
    /// After a value that ended at <paramref name="from"/>: the index just past the closing tag when only white space
    /// comes before it; -1 when more text is needed to tell; -2 when no closing tag follows.
    /// </summary>
    public static int FindClose(ReadOnlySpan<char> region, int from, string closeTag, bool final)
    {
        int start = ToolCallJson.SkipWhiteSpace(region, from);
        ReadOnlySpan<char> rest = region[start..];
        if (rest.StartsWith(closeTag, StringComparison.Ordinal))
        {
            return start + closeTag.Length;
        }

        if (rest.Length < closeTag.Length && closeTag.AsSpan().StartsWith(rest, StringComparison.Ordinal))
        {
            // Only white space or part of the tag so far; at the very end, a cut-off closing tag is still markup.
            return final ? (rest.Length > 0 ? region.Length : -2) : -1;
        }

        return -2;
    }
}

/// <summary>What <see cref="JsonBody.Scan"/> found.</summary>
internal enum JsonBodyKind
{
    /// <summary>More text is needed.</summary>
    NeedMore,

    /// <summary>A complete value from <see cref="JsonBodyScan.Start"/> to <see cref="JsonBodyScan.End"/>.</summary>
    Value,

    /// <summary>The body does not start with <c>{</c> or <c>[</c> (at <see cref="JsonBodyScan.Start"/>; the region length when it is empty).</summary>
    NotJson,

    /// <summary>The output ended inside the value (a closing tag inside one of its strings does not end it).</summary>
    Cut,

    /// <summary>The closing tag (at <see cref="JsonBodyScan.End"/>), outside the value's strings, came before the value was complete.</summary>
    ClosedEarly,
}

/// <summary>The result of a <see cref="JsonBody"/> scan.</summary>
internal readonly record struct JsonBodyScan(JsonBodyKind Kind, int Start, int End);
