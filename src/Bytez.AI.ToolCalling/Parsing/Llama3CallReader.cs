namespace Bytez.AI.ToolCalling;

/// <summary>
/// Reads Llama 3 JSON calls: <c>{"name": ..., "parameters": {...}}</c>, optionally after <c>&lt;|python_tag|&gt;</c>, several
/// separated by <c>;</c>. Without the tag, only JSON at the very start of the output that names a declared tool is a call.
/// </summary>
internal sealed class Llama3CallReader : CallRegionReader
{
    internal const string PythonTag = "<|python_tag|>";

    private bool _explicit;
    private bool _afterCall;
    private int _calls;

    public Llama3CallReader(ToolCallParseContext context)
        : base(context)
    {
    }

    public override IReadOnlyList<string> Markers { get; } = [PythonTag];

    public override string BareStartCharacters => "{";

    // The python tag is a special token; showing it as text would only confuse the reader.
    public override bool MarkerIsTextWhenNotACall => false;

    public override void Begin(bool explicitMarker)
    {
        _explicit = explicitMarker;
        _afterCall = false;
        _calls = 0;
    }

    public override RegionStep Read(string buffer, bool final)
    {
        int start = ToolCallJson.SkipWhiteSpace(buffer, 0);
        if (_afterCall)
        {
            if (start >= buffer.Length)
            {
                return final ? RegionStep.End(buffer.Length) : RegionStep.NeedMore;
            }

            if (buffer[start] != ';')
            {
                return RegionStep.End(start);
            }

            _afterCall = false;
            return RegionStep.Progress(start + 1);
        }

        if (start >= buffer.Length)
        {
            if (!final)
            {
                return RegionStep.NeedMore;
            }

            return _explicit && _calls == 0 ? RegionStep.Truncate(buffer.Length, PythonTag) : RegionStep.End(buffer.Length);
        }

        if (buffer[start] != '{')
        {
            // Text after the tag that is not JSON (e.g. Llama's built-in tool code) is prose; after "a; " it ends the list.
            return _calls == 0 ? RegionStep.NotACall(0) : RegionStep.End(0);
        }

        int end = ToolCallJson.FindValueEnd(buffer, start);
        if (end < 0)
        {
            if (!final)
            {
                return RegionStep.NeedMore;
            }

            return _explicit || CallObjectReader.NamesDeclaredTool(buffer, Context)
                ? RegionStep.Truncate(buffer.Length, buffer[start..])
                : RegionStep.NotACall(buffer.Length);
        }

        var outcome = CallObjectReader.Read(buffer[start..end], Context, _explicit, out var content);
        if (outcome == CallObjectOutcome.NotACall)
        {
            return _calls == 0 ? RegionStep.NotACall(end) : RegionStep.End(0);
        }

        _calls++;
        _afterCall = true;
        return RegionStep.Progress(end, content!);
    }
}
