namespace Bytez.AI.ToolCalling;

/// <summary>
/// Reads NexusRaven output after <c>Call:</c>: statements separated by <c>;</c> (a trailing <c>; </c> is fine), ended by
/// <c>&lt;bot_end&gt;</c>, by <c>Thought:</c> (when the server strips <c>&lt;bot_end&gt;</c>) or by anything else that is not
/// a call. What follows the call list is NexusRaven's explanation of its call and is dropped.
/// </summary>
internal sealed class PythonicCallReader : CallRegionReader
{
    internal const string Marker = "Call:";

    private readonly PythonCallScanner _scanner = new();
    private bool _afterStatement;
    private int _statements;

    public PythonicCallReader(ToolCallParseContext context)
        : base(context)
    {
    }

    public override IReadOnlyList<string> Markers { get; } = [Marker];

    /// <summary>"Call:" counts at a line start or after white space; "Recall: x" is prose.</summary>
    public override bool IsValidMarkerPosition(string marker, char previous, bool atOutputStart) => char.IsWhiteSpace(previous);

    public override void Begin(RegionStart start)
    {
        _afterStatement = false;
        _statements = 0;
        _scanner.Reset();
    }

    public override RegionStep Read(ReadOnlySpan<char> region, bool final)
    {
        int start = ToolCallJson.SkipWhiteSpace(region, 0);
        if (start >= region.Length)
        {
            if (!final)
            {
                return RegionStep.NeedMore;
            }

            return _statements == 0 ? RegionStep.Truncate(region.Length, Marker) : RegionStep.End(region.Length);
        }

        if (_afterStatement)
        {
            if (region[start] == ';')
            {
                _afterStatement = false;
                return RegionStep.Progress(start + 1);
            }

            return RegionStep.DiscardRest();
        }

        int end = _scanner.FindCallEnd(region, start);
        if (end == PythonCallScanner.NotACall)
        {
            return _statements == 0 ? RegionStep.NotACall(0) : RegionStep.DiscardRest();
        }

        if (end == PythonCallScanner.Incomplete)
        {
            if (!final)
            {
                return RegionStep.NeedMore;
            }

            // The output ended inside the call: cut off, so not executed. "Call: f(a=1)<bot_end" is not this case
            // (the call is closed), but an identifier cut before its "(" is.
            return RegionStep.Truncate(region.Length, region[start..].ToString());
        }

        _statements++;
        _afterStatement = true;
        _scanner.Reset();
        var contents = PythonicCalls.FromStatement(region[start..end].ToString(), Context);
        return RegionStep.Progress(end, contents);
    }
}
