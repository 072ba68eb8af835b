using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>
/// The shared incremental parser. Prose is released as soon as the buffer's tail cannot be the start of a marker
/// (white space is held too, so the space before a call is dropped rather than sent early); inside a call region the
/// format's <see cref="CallRegionReader"/> decides. Whole-text parsing runs through here as well, so streamed and
/// non-streamed results agree.
/// </summary>
internal sealed class ToolCallStreamParser : IToolCallStreamParser
{
    private readonly CallRegionReader _reader;
    private readonly ToolCallParseContext _context;
    private string _buffer = string.Empty;
    private ParserState _state = ParserState.Text;
    private string _marker = string.Empty;
    private char _previous = '\n';
    private bool _atOutputStart = true;
    private bool _trimLeading = true;
    private bool _sawCall;
    private bool _truncated;
    private bool _completed;
    private bool _sawRequired;

    public ToolCallStreamParser(CallRegionReader reader, ToolCallParseContext context)
    {
        _reader = reader;
        _context = context;
    }

    private enum ParserState
    {
        Text,
        Region,
        Discard,
    }

    public ChatFinishReason? FinishReason =>
        _truncated ? ChatFinishReason.Length : _sawCall ? ChatFinishReason.ToolCalls : null;

    public IReadOnlyList<AIContent> Feed(string chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        if (_completed)
        {
            throw new InvalidOperationException("The stream parser has already completed.");
        }

        if (chunk.Length == 0)
        {
            return [];
        }

        _buffer += chunk;
        var output = new List<AIContent>();
        Process(output, final: false);
        return output;
    }

    public IReadOnlyList<AIContent> Complete()
    {
        if (_completed)
        {
            return [];
        }

        var output = new List<AIContent>();
        Process(output, final: true);
        _completed = true;

        if (_context.Options.ToolMode is RequiredChatToolMode required)
        {
            bool satisfied = required.RequiredFunctionName is null ? _sawCall : _sawRequired;
            if (!satisfied)
            {
                output.Add(ToolCallErrors.Required(required.RequiredFunctionName));
            }
        }

        return output;
    }

    private void Process(List<AIContent> output, bool final)
    {
        while (true)
        {
            switch (_state)
            {
                case ParserState.Discard:
                    _buffer = string.Empty;
                    return;
                case ParserState.Text:
                    if (!ProcessText(output, final))
                    {
                        return;
                    }

                    break;
                default:
                    if (!ProcessRegion(output, final))
                    {
                        return;
                    }

                    break;
            }
        }
    }

    /// <summary>Handles prose; returns true when the state changed and processing should go on.</summary>
    private bool ProcessText(List<AIContent> output, bool final)
    {
        if (_trimLeading)
        {
            int start = 0;
            while (start < _buffer.Length && char.IsWhiteSpace(_buffer[start]))
            {
                start++;
            }

            Consume(start);
            if (_buffer.Length == 0)
            {
                return false;
            }

            _trimLeading = false;
        }

        var (index, marker) = FindMarker();
        if (index != 0 && _atOutputStart && _reader.BareStartCharacters.Contains(_buffer[0], StringComparison.Ordinal))
        {
            // "[" may start Mistral's "[TOOL_CALLS]" marker as well as a bare call array: wait until it is clear.
            if (!final && FindHoldStart() == 0)
            {
                return false;
            }

            _atOutputStart = false;
            _marker = string.Empty;
            _state = ParserState.Region;
            _reader.Begin(explicitMarker: false);
            return true;
        }

        if (index >= 0)
        {
            EmitText(output, _buffer[..index].TrimEnd());
            Consume(index + marker.Length);
            _marker = marker;
            _atOutputStart = false;
            _state = ParserState.Region;
            _reader.Begin(explicitMarker: true);
            return true;
        }

        if (final)
        {
            EmitText(output, _buffer);
            Consume(_buffer.Length);
            return false;
        }

        int hold = FindHoldStart();
        int emitEnd = hold;
        while (emitEnd > 0 && char.IsWhiteSpace(_buffer[emitEnd - 1]))
        {
            emitEnd--;
        }

        EmitText(output, _buffer[..emitEnd]);
        Consume(emitEnd);
        return false;
    }

    private bool ProcessRegion(List<AIContent> output, bool final)
    {
        var step = _reader.Read(_buffer, final);
        foreach (var content in step.Contents)
        {
            if (content is FunctionCallContent call)
            {
                _sawCall = true;
                if (_context.Options.ToolMode is RequiredChatToolMode { RequiredFunctionName: { } name } && call.Name == name)
                {
                    _sawRequired = true;
                }
            }

            output.Add(content);
        }

        _truncated |= step.Truncated;
        switch (step.Kind)
        {
            case RegionStepKind.NeedMore:
                if (final)
                {
                    // A reader must decide at the end; if one does not, the rest is shown rather than lost.
                    EmitText(output, _buffer);
                    Consume(_buffer.Length);
                }

                return false;
            case RegionStepKind.Progress:
                Consume(step.Consumed);
                return true;
            case RegionStepKind.End:
                Consume(step.Consumed);
                _state = ParserState.Text;
                _trimLeading = true;
                return true;
            case RegionStepKind.DiscardRest:
                _state = ParserState.Discard;
                return true;
            default:
                string text = (_reader.MarkerIsTextWhenNotACall ? _marker : string.Empty) + _buffer[..step.Consumed];
                EmitText(output, text);
                Consume(step.Consumed);
                _state = ParserState.Text;
                return true;
        }
    }

    private (int Index, string Marker) FindMarker()
    {
        int best = -1;
        string bestMarker = string.Empty;
        foreach (var marker in _reader.Markers)
        {
            int from = 0;
            while (from <= _buffer.Length - marker.Length)
            {
                int i = _buffer.IndexOf(marker, from, StringComparison.Ordinal);
                if (i < 0 || (best >= 0 && i >= best))
                {
                    break;
                }

                if (_reader.IsValidMarkerPosition(marker, PreviousOf(i)))
                {
                    best = i;
                    bestMarker = marker;
                    break;
                }

                from = i + 1;
            }
        }

        return (best, bestMarker);
    }

    /// <summary>The earliest index whose suffix could still grow into a marker (the buffer length when none).</summary>
    private int FindHoldStart()
    {
        for (int i = 0; i < _buffer.Length; i++)
        {
            int remaining = _buffer.Length - i;
            foreach (var marker in _reader.Markers)
            {
                if (remaining < marker.Length &&
                    string.CompareOrdinal(_buffer, i, marker, 0, remaining) == 0 &&
                    _reader.IsValidMarkerPosition(marker, PreviousOf(i)))
                {
                    return i;
                }
            }
        }

        return _buffer.Length;
    }

    private char PreviousOf(int index) => index > 0 ? _buffer[index - 1] : _previous;

    private void Consume(int count)
    {
        if (count <= 0)
        {
            return;
        }

        _previous = _buffer[count - 1];
        _buffer = _buffer[count..];
    }

    private void EmitText(List<AIContent> output, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        _atOutputStart = false;
        if (output.Count > 0 && output[^1] is TextContent previous && previous.GetType() == typeof(TextContent))
        {
            output[^1] = new TextContent(previous.Text + text);
        }
        else
        {
            output.Add(new TextContent(text));
        }
    }
}
