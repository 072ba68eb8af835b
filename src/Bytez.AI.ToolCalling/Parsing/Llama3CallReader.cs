using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>
/// Reads Llama 3 JSON calls: <c>{"name": ..., "parameters": {...}}</c>, after <c>&lt;|python_tag|&gt;</c> or opening the
/// output, several separated by <c>;</c> or a line break. A call on its own line after prose counts too, when it names a
/// declared tool and nothing but white space (or more calls) follows it to the end of the output; until then it is held
/// back, and if prose follows, all of it is prose. The wrappers of <see cref="WrappedCallRegion"/> (e.g. Meta's
/// <c>&lt;function=name&gt;{...}&lt;/function&gt;</c>) are read too.
/// </summary>
internal sealed class Llama3CallReader : JsonCallReader
{
    internal const string PythonTag = "<|python_tag|>";

    private readonly JsonValueScanner _scanner = new();
    private readonly List<AIContent> _held = [];
    private Mode _mode;
    private bool _afterCall;
    private int _calls;
    private int _position;

    public Llama3CallReader(ToolCallParseContext context)
        : base(context, [PythonTag])
    {
    }

    private enum Mode
    {
        Tag,
        OutputStart,
        AfterProse,
    }

    public override string BareStartCharacters => "{";

    public override bool BareStartsAfterProse => true;

    /// <summary>The python tag is a special token; showing it as text would only confuse the reader.</summary>
    protected override bool IsOwnMarkerText(string marker) => false;

    protected override void BeginOwn(RegionStart start)
    {
        _mode = start.HasMarker ? Mode.Tag : start.AtOutputStart ? Mode.OutputStart : Mode.AfterProse;
        _afterCall = false;
        _calls = 0;
        _position = 0;
        _held.Clear();
        _scanner.Reset();
    }

    protected override RegionStep ReadOwn(ReadOnlySpan<char> region, bool final)
    {
        // Calls after prose are held (nothing consumed) until the end shows they are calls; other calls are emitted as they complete.
        bool holding = _mode == Mode.AfterProse;
        int position = holding ? _position : 0;
        while (true)
        {
            int start = ToolCallJson.SkipWhiteSpace(region, position);
            if (_afterCall)
            {
                if (start >= region.Length)
                {
                    return final ? Finish(region.Length) : RegionStep.NeedMore;
                }

                bool semicolon = region[start] == ';';
                if (!semicolon && !(region[start] == '{' && region[position..start].Contains('\n')))
                {
                    // Anything else ends the list: after prose, what came before was prose too.
                    return holding ? RegionStep.NotACall(start) : RegionStep.End(position);
                }

                _afterCall = false;
                position = semicolon ? start + 1 : start;
                if (!holding)
                {
                    return RegionStep.Progress(position);
                }

                _position = position;
                continue;
            }

            if (start >= region.Length)
            {
                if (!final)
                {
                    return RegionStep.NeedMore;
                }

                return _mode == Mode.Tag && _calls == 0 ? RegionStep.Truncate(region.Length, PythonTag) : Finish(region.Length);
            }

            if (region[start] != '{')
            {
                // After the tag, text that is not JSON (Llama's built-in tool code) is prose; after "a; " it ends the list.
                if (_calls == 0)
                {
                    return RegionStep.NotACall(0);
                }

                return holding ? RegionStep.NotACall(start) : RegionStep.End(position);
            }

            int end = _scanner.FindEnd(region, start);
            if (end < 0)
            {
                if (!final)
                {
                    return RegionStep.NeedMore;
                }

                if (_mode == Mode.Tag || CallObjectReader.NamesDeclaredTool(region[start..], Context))
                {
                    if (_held.Count > 0)
                    {
                        // The calls before it were calls after all; emit them, then the cut-off one.
                        _mode = Mode.Tag;
                        _position = 0;
                        return RegionStep.Progress(start, TakeHeld());
                    }

                    return RegionStep.Truncate(region.Length, region[start..].ToString());
                }

                return _calls == 0 || holding ? RegionStep.NotACall(region.Length) : RegionStep.End(position);
            }

            var outcome = CallObjectReader.Read(region[start..end].ToString(), Context, explicitMarker: _mode == Mode.Tag, out var content);
            if (outcome == CallObjectOutcome.NotACall)
            {
                return _calls == 0 || holding ? RegionStep.NotACall(end) : RegionStep.End(position);
            }

            _calls++;
            _afterCall = true;
            _scanner.Reset();
            if (!holding)
            {
                return RegionStep.Progress(end, content!);
            }

            _held.Add(content!);
            position = end;
            _position = end;
        }
    }

    private RegionStep Finish(int length) => _held.Count > 0 ? RegionStep.End(length, TakeHeld()) : RegionStep.End(length);

    private AIContent[] TakeHeld()
    {
        AIContent[] held = [.. _held];
        _held.Clear();
        return held;
    }
}
