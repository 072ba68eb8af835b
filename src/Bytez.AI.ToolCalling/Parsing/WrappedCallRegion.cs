using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>
/// The wrappers models put around a JSON call when they drift from their trained format (the set llama.cpp's Hermes
/// parser accepts): <c>&lt;tool_call&gt;</c>, <c>&lt;function_call&gt;</c>, <c>&lt;tool&gt;</c>, <c>&lt;tools&gt;</c>,
/// <c>&lt;json&gt;</c>, <c>&lt;JSON&gt;</c>, <c>&lt;xml&gt;</c>, <c>&lt;response&gt;</c> around
/// <c>{"name": ..., "arguments": ...}</c>; <c>&lt;function=name&gt;{arguments}&lt;/function&gt;</c> and
/// <c>&lt;function name="name"&gt;</c>; and a markdown fence (<c>```json</c>, <c>```xml</c>, <c>```</c>) that opens the output.
/// </summary>
/// <remarks>
/// None of these is a trained marker, so the content decides: a call when it names a declared tool, an error when it
/// names one but cannot be used, prose otherwise (the wrapper is then shown as written).
/// </remarks>
internal sealed class WrappedCallRegion
{
    public const string FunctionEquals = "<function=";
    public const string FunctionNamed = "<function name=\"";
    public const string Fence = "```";

    private const int MaxNameLength = 128;

    /// <summary>The wrapping tags, each closed by <c>&lt;/tag&gt;</c>.</summary>
    public static readonly IReadOnlyList<string> Tags =
        ["<tool_call>", "<function_call>", "<tool>", "<tools>", "<json>", "<JSON>", "<xml>", "<response>"];

    private readonly ToolCallParseContext _context;
    private readonly JsonBody _body = new();
    private Mode _mode;
    private Phase _phase;
    private string _closeTag = string.Empty;
    private string? _name;
    private int _offset;
    private TextSearch? _search;

    public WrappedCallRegion(ToolCallParseContext context)
    {
        _context = context;
    }

    private enum Mode
    {
        Tag,
        Function,
        Fence,
    }

    private enum Phase
    {
        Opening,
        Body,
        Closing,
    }

    /// <summary>Every marker of the wrappers.</summary>
    public static IEnumerable<string> Markers => [.. Tags, FunctionEquals, FunctionNamed, Fence];

    public static bool IsMarker(string marker) => marker is FunctionEquals or FunctionNamed or Fence || Tags.Contains(marker);

    /// <summary>A fence counts only when it opens the output: one inside prose is an example, not a call.</summary>
    public static bool IsValidPosition(string marker, bool atOutputStart) => marker != Fence || atOutputStart;

    public void Begin(string marker)
    {
        _name = null;
        _offset = 0;
        _search = null;
        switch (marker)
        {
            case FunctionEquals or FunctionNamed:
                _mode = Mode.Function;
                _phase = Phase.Opening;
                _closeTag = "</function>";
                _body.Begin(_closeTag);
                _closeTag = marker == FunctionEquals ? ">" : "\">";
                break;
            case Fence:
                _mode = Mode.Fence;
                _phase = Phase.Opening;
                _closeTag = string.Empty;
                break;
            default:
                _mode = Mode.Tag;
                _phase = Phase.Body;
                _closeTag = "</" + marker[1..];
                _body.Begin(_closeTag);
                break;
        }
    }

    public RegionStep Read(ReadOnlySpan<char> region, bool final)
    {
        if (_phase == Phase.Closing)
        {
            return ReadClosing(region, final);
        }

        if (_phase == Phase.Opening)
        {
            RegionStep? opening = _mode == Mode.Function ? ReadName(region, final) : ReadFenceOpening(region, final);
            if (opening is { } step)
            {
                return step;
            }
        }

        return ReadBody(region, final);
    }

    /// <summary>Reads <c>name&gt;</c> of <c>&lt;function=name&gt;</c>; null when the body can be read next.</summary>
    private RegionStep? ReadName(ReadOnlySpan<char> region, bool final)
    {
        string end = _closeTag;
        int close = -1;
        for (int i = 0; i < Math.Min(region.Length, MaxNameLength + 1); i++)
        {
            ReadOnlySpan<char> rest = region[i..];
            if (rest.StartsWith(end, StringComparison.Ordinal))
            {
                close = i;
                break;
            }

            if (!final && end.AsSpan().StartsWith(rest, StringComparison.Ordinal))
            {
                return RegionStep.NeedMore; // the end of the name may be arriving
            }

            if (!IsNameCharacter(region[i]))
            {
                return RegionStep.NotACall(0);
            }
        }

        if (close <= 0)
        {
            return close < 0 && !final && region.Length <= MaxNameLength ? RegionStep.NeedMore : RegionStep.NotACall(0);
        }

        _name = region[..close].ToString();
        if (!_context.IsDeclared(_name))
        {
            return RegionStep.NotACall(0);
        }

        _offset = close + end.Length;
        _closeTag = "</function>";
        _phase = Phase.Body;
        return null;
    }

    /// <summary>Reads the fence's language line and an optional inner tag; null when the body can be read next.</summary>
    private RegionStep? ReadFenceOpening(ReadOnlySpan<char> region, bool final)
    {
        int i = 0;
        while (i < region.Length && char.IsAsciiLetter(region[i]))
        {
            i++;
        }

        if (i > 4)
        {
            return RegionStep.NotACall(0);
        }

        if (i == region.Length || (region[i] == '\r' && i + 1 == region.Length))
        {
            return final ? RegionStep.NotACall(0) : RegionStep.NeedMore;
        }

        ReadOnlySpan<char> language = region[..i];
        int newline = region[i] == '\r' ? i + 1 : i;
        if (region[newline] != '\n' ||
            !(language.IsEmpty || language.Equals("json", StringComparison.OrdinalIgnoreCase) || language.Equals("xml", StringComparison.OrdinalIgnoreCase)))
        {
            return RegionStep.NotACall(0);
        }

        int tagStart = ToolCallJson.SkipWhiteSpace(region, newline + 1);
        if (tagStart == region.Length)
        {
            return final ? RegionStep.NotACall(0) : RegionStep.NeedMore;
        }

        string? inner = null;
        if (region[tagStart] == '<')
        {
            ReadOnlySpan<char> rest = region[tagStart..];
            foreach (string tag in Tags)
            {
                if (rest.StartsWith(tag, StringComparison.Ordinal))
                {
                    inner = tag;
                    break;
                }

                if (!final && rest.Length < tag.Length && tag.AsSpan().StartsWith(rest, StringComparison.Ordinal))
                {
                    return RegionStep.NeedMore;
                }
            }
        }

        _offset = inner is null ? newline + 1 : tagStart + inner.Length;
        _closeTag = inner is null ? string.Empty : "</" + inner[1..];
        _body.Begin(inner is null ? Fence : _closeTag);
        _phase = Phase.Body;
        return null;
    }

    private RegionStep ReadBody(ReadOnlySpan<char> region, bool final)
    {
        JsonBodyScan scan = _body.Scan(region[_offset..], final);
        int start = _offset + scan.Start;
        int end = _offset + scan.End;
        switch (scan.Kind)
        {
            case JsonBodyKind.NeedMore:
                return RegionStep.NeedMore;
            case JsonBodyKind.NotJson:
                return _name is not null ? InvalidUpToClose(region, start, final) : RegionStep.NotACall(0);
            case JsonBodyKind.Cut:
                return _name is not null || CallObjectReader.NamesDeclaredTool(region[start..], _context)
                    ? RegionStep.Truncate(region.Length, region[start..].ToString())
                    : RegionStep.NotACall(0);
            case JsonBodyKind.ClosedEarly:
                return _name is not null || CallObjectReader.NamesDeclaredTool(region[start..end], _context)
                    ? RegionStep.End(end + _closeTag.Length, ToolCallErrors.Invalid("The call is not valid JSON: the closing tag comes before the JSON ends.", region[start..end].ToString()))
                    : RegionStep.NotACall(0);
        }

        string raw = region[start..end].ToString();
        var contents = new List<AIContent>();
        if (_name is not null)
        {
            contents.Add(CallObjectReader.ReadArguments(_name, raw, _context));
        }
        else if (CallValues.Read(raw, _context, explicitMarker: false, contents) == CallObjectOutcome.NotACall)
        {
            // JSON that is no call: prose, the wrapper included, without looking for markers inside it again.
            return RegionStep.NotACall(end);
        }

        _offset = end;
        _phase = Phase.Closing;
        RegionStep closing = ReadClosing(region, final);
        if (closing.Kind == RegionStepKind.NeedMore)
        {
            // The call is complete: emit it now; the closing markup is read from where it stops.
            _offset = 0;
            return RegionStep.Progress(end, contents);
        }

        return RegionStep.End(closing.Consumed, contents);
    }

    /// <summary>After the value: the closing tag, then (in a fence) the closing fence, if they follow.</summary>
    private RegionStep ReadClosing(ReadOnlySpan<char> region, bool final)
    {
        int position = _offset;
        if (_closeTag.Length > 0)
        {
            int close = JsonBody.FindClose(region, position, _closeTag, final);
            if (close == -1)
            {
                return RegionStep.NeedMore;
            }

            if (close >= 0)
            {
                position = close;
            }
        }

        if (_mode == Mode.Fence)
        {
            int fence = JsonBody.FindClose(region, position, Fence, final);
            if (fence == -1)
            {
                return RegionStep.NeedMore;
            }

            if (fence >= 0)
            {
                position = fence;
            }
        }

        _offset = 0;
        return RegionStep.End(position);
    }

    private RegionStep InvalidUpToClose(ReadOnlySpan<char> region, int start, bool final)
    {
        _search ??= new TextSearch(_closeTag);
        int close = _search.Find(region, start);
        if (close >= 0)
        {
            return RegionStep.End(close + _closeTag.Length, ToolCallErrors.Invalid($"The arguments of '{_name}' are not JSON.", region[start..close].Trim().ToString()));
        }

        return final
            ? RegionStep.End(region.Length, ToolCallErrors.Invalid($"The arguments of '{_name}' are not JSON.", region[start..].Trim().ToString()))
            : RegionStep.NeedMore;
    }

    private static bool IsNameCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ':';
}
