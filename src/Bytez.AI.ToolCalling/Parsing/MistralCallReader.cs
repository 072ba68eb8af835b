namespace Bytez.AI.ToolCalling;

/// <summary>
/// Reads Mistral calls: <c>[TOOL_CALLS] [{"name": ..., "arguments": {...}}, ...]</c> (or one object), or a bare array at the
/// start of the output whose first element names a declared tool. Elements are emitted one by one as they complete.
/// </summary>
internal sealed class MistralCallReader : CallRegionReader
{
    internal const string Marker = "[TOOL_CALLS]";

    private bool _explicit;
    private Phase _phase;
    private int _calls;

    public MistralCallReader(ToolCallParseContext context)
        : base(context)
    {
    }

    private enum Phase
    {
        Start,
        InArray,
        SingleDone,
    }

    public override IReadOnlyList<string> Markers { get; } = [Marker];

    public override string BareStartCharacters => "[";

    public override bool MarkerIsTextWhenNotACall => false;

    public override void Begin(bool explicitMarker)
    {
        _explicit = explicitMarker;
        _phase = Phase.Start;
        _calls = 0;
    }

    public override RegionStep Read(string buffer, bool final)
    {
        int start = ToolCallJson.SkipWhiteSpace(buffer, 0);
        return _phase switch
        {
            Phase.Start => ReadStart(buffer, start, final),
            Phase.InArray => ReadElement(buffer, start, final),
            _ => RegionStep.End(0),
        };
    }

    private RegionStep ReadStart(string buffer, int start, bool final)
    {
        if (start >= buffer.Length)
        {
            return !final ? RegionStep.NeedMore : RegionStep.Truncate(buffer.Length, Marker);
        }

        if (buffer[start] == '{' && _explicit)
        {
            int end = ToolCallJson.FindValueEnd(buffer, start);
            if (end < 0)
            {
                return final ? RegionStep.Truncate(buffer.Length, buffer[start..]) : RegionStep.NeedMore;
            }

            CallObjectReader.Read(buffer[start..end], Context, explicitMarker: true, out var content);
            _phase = Phase.SingleDone;
            return RegionStep.Progress(end, content!);
        }

        if (buffer[start] != '[')
        {
            return RegionStep.NotACall(0);
        }

        if (!_explicit)
        {
            // A bare array is a call list only if its first element is a complete call to a declared tool.
            int first = ToolCallJson.SkipWhiteSpace(buffer, start + 1);
            if (first >= buffer.Length)
            {
                return final ? RegionStep.NotACall(buffer.Length) : RegionStep.NeedMore;
            }

            if (buffer[first] != '{')
            {
                return WholeArrayAsText(buffer, start, final);
            }

            int end = ToolCallJson.FindValueEnd(buffer, first);
            if (end < 0)
            {
                if (!final)
                {
                    return RegionStep.NeedMore;
                }

                return CallObjectReader.NamesDeclaredTool(buffer, Context)
                    ? RegionStep.Truncate(buffer.Length, buffer[start..])
                    : RegionStep.NotACall(buffer.Length);
            }

            if (CallObjectReader.Read(buffer[first..end], Context, explicitMarker: false, out _) == CallObjectOutcome.NotACall)
            {
                return WholeArrayAsText(buffer, start, final);
            }
        }

        _phase = Phase.InArray;
        return RegionStep.Progress(start + 1);
    }

    private static RegionStep WholeArrayAsText(string buffer, int start, bool final)
    {
        int end = ToolCallJson.FindValueEnd(buffer, start);
        if (end < 0)
        {
            return final ? RegionStep.NotACall(buffer.Length) : RegionStep.NeedMore;
        }

        return RegionStep.NotACall(end);
    }

    private RegionStep ReadElement(string buffer, int start, bool final)
    {
        if (start < buffer.Length && buffer[start] == ',')
        {
            return RegionStep.Progress(start + 1);
        }

        if (start >= buffer.Length)
        {
            // "[TOOL_CALLS] [{...}" with no closing bracket: the complete elements stand (case 5).
            return final ? RegionStep.End(buffer.Length) : RegionStep.NeedMore;
        }

        if (buffer[start] == ']')
        {
            return RegionStep.End(start + 1);
        }

        if (buffer[start] != '{')
        {
            return RegionStep.End(start);
        }

        int end = ToolCallJson.FindValueEnd(buffer, start);
        if (end < 0)
        {
            return final ? RegionStep.Truncate(buffer.Length, buffer[start..]) : RegionStep.NeedMore;
        }

        var outcome = CallObjectReader.Read(buffer[start..end], Context, _explicit || _calls > 0, out var content);
        _calls++;
        return outcome == CallObjectOutcome.NotACall ? RegionStep.Progress(end) : RegionStep.Progress(end, content!);
    }
}
