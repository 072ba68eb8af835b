using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>
/// Reads <c>&lt;tool_call&gt;{"name": ..., "arguments": {...}}&lt;/tool_call&gt;</c> blocks (a list of calls in one block
/// too). Models only taught the format by the prompt sometimes drop the tags, so a bare JSON object opening the output
/// that names a declared tool is a call as well; the wrappers of <see cref="WrappedCallRegion"/> are read too.
/// </summary>
internal sealed class HermesCallReader : JsonCallReader
{
    internal const string OpenTag = "<tool_call>";
    internal const string CloseTag = "</tool_call>";

    private readonly JsonBody _body = new();
    private TextSearch? _search;
    private bool _explicit;
    private bool _closing;

    public HermesCallReader(ToolCallParseContext context)
        : base(context, [OpenTag])
    {
    }

    public override string BareStartCharacters => "{";

    protected override void BeginOwn(RegionStart start)
    {
        _explicit = start.HasMarker;
        _closing = false;
        _search = null;
        _body.Begin(CloseTag);
    }

    protected override RegionStep ReadOwn(ReadOnlySpan<char> region, bool final)
    {
        if (_closing)
        {
            return ReadClose(region, 0, final, []);
        }

        JsonBodyScan scan = _body.Scan(region, final);
        switch (scan.Kind)
        {
            case JsonBodyKind.NeedMore:
                return RegionStep.NeedMore;
            case JsonBodyKind.NotJson:
                return _explicit ? NotJson(region, scan.Start, final) : RegionStep.NotACall(0);
            case JsonBodyKind.Cut:
                return _explicit || CallObjectReader.NamesDeclaredTool(region, Context)
                    ? RegionStep.Truncate(region.Length, (_explicit ? OpenTag : string.Empty) + region.ToString())
                    : RegionStep.NotACall(region.Length);
            case JsonBodyKind.ClosedEarly:
                // The model finished the call (the closing tag) and wrote it wrong: invalid, not cut off.
                return _explicit || CallObjectReader.NamesDeclaredTool(region[scan.Start..scan.End], Context)
                    ? RegionStep.End(
                        scan.End + CloseTag.Length,
                        ToolCallErrors.Invalid("The call is not valid JSON: </tool_call> comes before the JSON ends.", region[scan.Start..scan.End].Trim().ToString()))
                    : RegionStep.NotACall(scan.End);
        }

        var contents = new List<AIContent>();
        if (CallValues.Read(region[scan.Start..scan.End].ToString(), Context, _explicit, contents) == CallObjectOutcome.NotACall)
        {
            return RegionStep.NotACall(scan.End);
        }

        _closing = true;
        return ReadClose(region, scan.End, final, contents);
    }

    /// <summary>Not JSON after the tag: an error up to the closing tag (or the end), never prose the model meant as a call.</summary>
    private RegionStep NotJson(ReadOnlySpan<char> region, int start, bool final)
    {
        if (start >= region.Length)
        {
            return RegionStep.Truncate(region.Length, OpenTag + region.ToString());
        }

        _search ??= new TextSearch(CloseTag);
        int close = _search.Find(region, start);
        if (close >= 0)
        {
            return RegionStep.End(close + CloseTag.Length, ToolCallErrors.Invalid("The call is not JSON.", region[start..close].Trim().ToString()));
        }

        return final
            ? RegionStep.End(region.Length, ToolCallErrors.Invalid("The call is not JSON.", region[start..].Trim().ToString()))
            : RegionStep.NeedMore;
    }

    /// <summary>After a call: consumes the closing tag when it follows; emits <paramref name="contents"/> either way.</summary>
    private static RegionStep ReadClose(ReadOnlySpan<char> region, int from, bool final, List<AIContent> contents)
    {
        int close = JsonBody.FindClose(region, from, CloseTag, final);
        if (close == -1)
        {
            return contents.Count > 0 ? RegionStep.Progress(from, contents) : RegionStep.NeedMore;
        }

        return RegionStep.End(close >= 0 ? close : from, contents);
    }
}
