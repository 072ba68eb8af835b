namespace Bytez.AI.ToolCalling;

/// <summary>
/// Reads NexusRaven output after <c>Call:</c>: statements separated by <c>;</c> (a trailing <c>; </c> is fine), ended by
/// <c>&lt;bot_end&gt;</c>, by <c>Thought:</c> (when the server strips <c>&lt;bot_end&gt;</c>) or by anything else that is not
/// a call. What follows the call list is NexusRaven's explanation of its call and is dropped.
/// </summary>
internal sealed class PythonicCallReader : CallRegionReader
{
    internal const string Marker = "Call:";

    private bool _afterStatement;
    private int _statements;

    public PythonicCallReader(ToolCallParseContext context)
        : base(context)
    {
    }

    public override IReadOnlyList<string> Markers { get; } = [Marker];

    // "Call:" counts at a line start or after white space; "Recall: x" is prose.
    public override bool IsValidMarkerPosition(string marker, char previous) => char.IsWhiteSpace(previous);

    public override void Begin(bool explicitMarker)
    {
        _afterStatement = false;
        _statements = 0;
    }

    public override RegionStep Read(string buffer, bool final)
    {
        int start = ToolCallJson.SkipWhiteSpace(buffer, 0);
        if (start >= buffer.Length)
        {
            if (!final)
            {
                return RegionStep.NeedMore;
            }

            return _statements == 0 ? RegionStep.Truncate(buffer.Length, Marker) : RegionStep.End(buffer.Length);
        }

        if (_afterStatement)
        {
            if (buffer[start] == ';')
            {
                _afterStatement = false;
                return RegionStep.Progress(start + 1);
            }

            return RegionStep.DiscardRest();
        }

        int end = PythonScanner.FindCallEnd(buffer, start);
        if (end == PythonScanner.NotACall)
        {
            return _statements == 0 ? RegionStep.NotACall(0) : RegionStep.DiscardRest();
        }

        if (end == PythonScanner.Incomplete)
        {
            if (!final)
            {
                return RegionStep.NeedMore;
            }

            // The output ended inside the call: cut off, so not executed. "Call: f(a=1)<bot_end" is not this case
            // (the call is closed), but an identifier cut before its "(" is.
            return RegionStep.Truncate(buffer.Length, buffer[start..]);
        }

        _statements++;
        _afterStatement = true;
        var contents = PythonicCalls.FromStatement(buffer[start..end], Context);
        return RegionStep.Progress(end, contents);
    }
}
