namespace Bytez.AI.ToolCalling;

/// <summary>
/// Reads Mistral calls: <c>[TOOL_CALLS] [{"name": ..., "arguments": {...}}, ...]</c> (Nemo writes no space; one object
/// instead of a list is read too), or a bare list opening the output whose first element is a call to a declared tool
/// (servers that drop special tokens drop <c>[TOOL_CALLS]</c>). Elements are emitted one by one as they complete. After
/// <c>[TOOL_CALLS]</c>, text that is not JSON is an error, never prose the model meant as a call.
/// </summary>
internal sealed class MistralCallReader : JsonCallReader
{
    internal const string Marker = "[TOOL_CALLS]";

    private readonly JsonValueScanner _scanner = new();
    private readonly JsonValueScanner _arrayScanner = new();
    private bool _explicit;
    private Phase _phase;
    private int _calls;

    public MistralCallReader(ToolCallParseContext context)
        : base(context, [Marker])
    {
    }

    private enum Phase
    {
        Start,
        InArray,
        Junk,
    }

    public override string BareStartCharacters => "[";

    protected override bool IsOwnMarkerText(string marker) => false;

    protected override void BeginOwn(RegionStart start)
    {
        _explicit = start.HasMarker;
        _phase = Phase.Start;
        _calls = 0;
        _scanner.Reset();
        _arrayScanner.Reset();
    }

    protected override RegionStep ReadOwn(ReadOnlySpan<char> region, bool final) => _phase switch
    {
        Phase.Start => ReadStart(region, final),
        Phase.InArray => ReadElement(region, final),
        _ => final ? RegionStep.End(region.Length, ToolCallErrors.Invalid("The calls after [TOOL_CALLS] are not JSON.", region.Trim().ToString())) : RegionStep.NeedMore,
    };

    private RegionStep ReadStart(ReadOnlySpan<char> region, bool final)
    {
        int start = ToolCallJson.SkipWhiteSpace(region, 0);
        if (start >= region.Length)
        {
            return !final ? RegionStep.NeedMore : RegionStep.Truncate(region.Length, Marker);
        }

        if (region[start] == '{' && _explicit)
        {
            int end = _scanner.FindEnd(region, start);
            if (end < 0)
            {
                return final ? RegionStep.Truncate(region.Length, region[start..].ToString()) : RegionStep.NeedMore;
            }

            CallObjectReader.Read(region[start..end].ToString(), Context, explicitMarker: true, out var content);
            return RegionStep.End(end, content!);
        }

        if (region[start] != '[')
        {
            // Only reachable after the marker (a bare region starts at "["): the model meant calls.
            _phase = Phase.Junk;
            return ReadOwn(region, final);
        }

        if (_explicit)
        {
            _phase = Phase.InArray;
            return RegionStep.Progress(start + 1);
        }

        // A bare list is a call list only if its first element is a complete call to a declared tool.
        int first = ToolCallJson.SkipWhiteSpace(region, start + 1);
        if (first >= region.Length)
        {
            return final ? RegionStep.NotACall(region.Length) : RegionStep.NeedMore;
        }

        if (region[first] != '{')
        {
            return WholeListAsText(region, start, final);
        }

        int firstEnd = _scanner.FindEnd(region, first);
        if (firstEnd < 0)
        {
            if (!final)
            {
                return RegionStep.NeedMore;
            }

            return CallObjectReader.NamesDeclaredTool(region, Context)
                ? RegionStep.Truncate(region.Length, region[start..].ToString())
                : RegionStep.NotACall(region.Length);
        }

        if (CallObjectReader.Read(region[first..firstEnd].ToString(), Context, explicitMarker: false, out var call) == CallObjectOutcome.NotACall)
        {
            return WholeListAsText(region, start, final);
        }

        _phase = Phase.InArray;
        _calls = 1;
        _scanner.Reset();
        return RegionStep.Progress(firstEnd, call!);
    }

    private RegionStep WholeListAsText(ReadOnlySpan<char> region, int start, bool final)
    {
        int end = _arrayScanner.FindEnd(region, start);
        if (end < 0)
        {
            return final ? RegionStep.NotACall(region.Length) : RegionStep.NeedMore;
        }

        return RegionStep.NotACall(end);
    }

    private RegionStep ReadElement(ReadOnlySpan<char> region, bool final)
    {
        int start = ToolCallJson.SkipWhiteSpace(region, 0);
        if (start < region.Length && region[start] == ',')
        {
            return RegionStep.Progress(start + 1);
        }

        if (start >= region.Length)
        {
            // "[TOOL_CALLS] [{...}" with no closing bracket: the complete elements stand (case 5).
            return final ? RegionStep.End(region.Length) : RegionStep.NeedMore;
        }

        if (region[start] == ']')
        {
            return RegionStep.End(start + 1);
        }

        if (region[start] != '{')
        {
            return RegionStep.End(0);
        }

        int end = _scanner.FindEnd(region, start);
        if (end < 0)
        {
            return final ? RegionStep.Truncate(region.Length, region[start..].ToString()) : RegionStep.NeedMore;
        }

        var outcome = CallObjectReader.Read(region[start..end].ToString(), Context, _explicit || _calls > 0, out var content);
        _calls++;
        _scanner.Reset();
        return outcome == CallObjectOutcome.NotACall ? RegionStep.Progress(end) : RegionStep.Progress(end, content!);
    }
}
