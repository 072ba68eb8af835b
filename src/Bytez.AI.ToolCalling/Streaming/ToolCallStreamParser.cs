using System.Buffers;
using System.Text;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>
/// The shared incremental parser. A reasoning block that opens the output is split off first
/// (<see cref="ReasoningSplitter"/>); the answer is then prose, released as soon as its tail cannot be the start of a
/// marker, and call regions, which the format's <see cref="CallRegionReader"/> reads. Each character is examined once
/// (a held marker prefix, a few characters, is examined again when more text arrives), so cost is linear in the length
/// of the output however it is chunked. Whole-text parsing runs through here as well, so streamed and non-streamed
/// results agree.
/// </summary>
/// <remarks>
/// White space: prose keeps its white space exactly, including the space or line break between prose and a call. A
/// stretch of white space with no prose (between two calls, or between a call and the start or end of the output) is
/// no text at all, and the answer's leading white space is dropped (models and templates put it there as layout).
/// </remarks>
internal sealed class ToolCallStreamParser : IToolCallStreamParser
{
    private readonly CallRegionReader? _reader;
    private readonly ToolCallParseContext _context;
    private readonly ReasoningSplitter? _reasoning;
    private readonly ContentSink _sink = new();
    private readonly CharBuffer _buffer = new();
    private readonly string[] _markers;
    private readonly SearchValues<char> _markerStarts;
    private readonly SearchValues<char> _stops;
    private readonly string _bareStarts;
    private readonly StringBuilder _pendingWhiteSpace = new();

    private ParserState _state = ParserState.Text;
    private string _marker = string.Empty;
    private char _previous = '\n';
    private bool _sawAnswerText;
    private bool _hadRegion;
    private bool _lineHasContent;
    private bool _segmentHasContent;
    private bool _dropLeading = true;
    private bool _sawCall;
    private bool _sawRequired;
    private bool _limitReached;
    private bool _truncated;
    private bool _completed;

    /// <param name="reader">The format's reader; null when nothing is a call (<see cref="ChatToolMode.None"/>).</param>
    /// <param name="context">The parse context.</param>
    /// <param name="reasoning">The format's reasoning syntax.</param>
    public ToolCallStreamParser(CallRegionReader? reader, ToolCallParseContext context, ReasoningSyntax reasoning)
    {
        _reader = reader;
        _context = context;
        _reasoning = reasoning.IsNone ? null : new ReasoningSplitter(reasoning);
        _markers = reader is null ? [] : [.. reader.Markers.Where(static m => !string.IsNullOrEmpty(m))];
        _markerStarts = SearchValues.Create(new string([.. _markers.Select(static m => m[0]).Distinct()]));
        _bareStarts = reader?.BareStartCharacters ?? string.Empty;

        // The characters the text scan stops at: marker starts, bare starts, and line breaks where a line start matters.
        string stops = new([.. _markers.Select(static m => m[0]), .. _bareStarts, .. reader?.BareStartsAfterProse == true ? "\n" : string.Empty]);
        _stops = SearchValues.Create(new string([.. stops.Distinct()]));
    }

    private enum ParserState
    {
        Text,
        Region,
        Discard,
    }

    private enum MarkerMatch
    {
        None,
        Partial,
        Full,
    }

    public ChatFinishReason? FinishReason =>
        _truncated ? ChatFinishReason.Length : _sawCall ? ChatFinishReason.ToolCalls : null;

    private bool AtOutputStart => !_sawAnswerText && !_hadRegion;

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

        _buffer.Append(_reasoning is null ? chunk : _reasoning.Feed(chunk, _sink, final: false));
        Process(final: false);
        return _sink.Take();
    }

    public IReadOnlyList<AIContent> Complete()
    {
        if (_completed)
        {
            return [];
        }

        if (_reasoning is not null)
        {
            _buffer.Append(_reasoning.Feed([], _sink, final: true));
        }

        Process(final: true);
        _completed = true;
        _pendingWhiteSpace.Clear();

        if (_context.Options.ToolMode is RequiredChatToolMode required)
        {
            bool satisfied = required.RequiredFunctionName is null ? _sawCall : _sawRequired;
            if (!satisfied)
            {
                _sink.Add(ToolCallErrors.Required(required.RequiredFunctionName));
            }
        }

        return _sink.Take();
    }

    private void Process(bool final)
    {
        while (true)
        {
            bool more = _state switch
            {
                ParserState.Text => ProcessText(final),
                ParserState.Region => ProcessRegion(final),
                _ => DiscardAll(),
            };

            if (!more)
            {
                return;
            }
        }
    }

    private bool DiscardAll()
    {
        _buffer.Clear();
        return false;
    }

    /// <summary>Releases prose up to the next marker or bare start; returns true when a region began.</summary>
    private bool ProcessText(bool final)
    {
        ReadOnlySpan<char> span = _buffer.Span;
        if (_reader is null)
        {
            Release(span.Length);
            return false;
        }

        for (int i = 0; i < span.Length; i++)
        {
            // Jump to the next character that can matter (vectorized); only whether the run had prose is noted.
            int next = span[i..].IndexOfAny(_stops);
            int end = next < 0 ? span.Length : i + next;
            if (end > i)
            {
                if (!span[i..end].IsWhiteSpace())
                {
                    _lineHasContent = true;
                    _sawAnswerText = true;
                }

                i = end;
                if (i == span.Length)
                {
                    break;
                }
            }

            char c = span[i];
            if (_markerStarts.Contains(c))
            {
                var (match, marker) = MatchMarker(span, i, final);
                if (match == MarkerMatch.Full)
                {
                    bool atStart = AtOutputStart;
                    Release(i);
                    Consume(marker.Length);
                    BeginRegion(marker, atStart);
                    return true;
                }

                if (match == MarkerMatch.Partial)
                {
                    Release(i);
                    return false;
                }
            }

            if (_bareStarts.Contains(c) && (AtOutputStart || (_reader.BareStartsAfterProse && !_lineHasContent)))
            {
                bool atStart = AtOutputStart;
                Release(i);
                BeginRegion(string.Empty, atStart);
                return true;
            }

            Track(c);
        }

        Release(span.Length);
        return false;
    }

    private (MarkerMatch Match, string Marker) MatchMarker(ReadOnlySpan<char> span, int index, bool final)
    {
        ReadOnlySpan<char> rest = span[index..];
        char previous = index > 0 ? span[index - 1] : _previous;
        string? partial = null;
        foreach (string marker in _markers)
        {
            if (marker[0] != rest[0])
            {
                continue;
            }

            if (rest.Length >= marker.Length)
            {
                if (rest.StartsWith(marker, StringComparison.Ordinal) && _reader!.IsValidMarkerPosition(marker, previous, AtOutputStart))
                {
                    return (MarkerMatch.Full, marker);
                }
            }
            else if (!final && partial is null && marker.AsSpan().StartsWith(rest, StringComparison.Ordinal) &&
                     _reader!.IsValidMarkerPosition(marker, previous, AtOutputStart))
            {
                partial = marker;
            }
        }

        return partial is null ? (MarkerMatch.None, string.Empty) : (MarkerMatch.Partial, partial);
    }

    private void BeginRegion(string marker, bool atOutputStart)
    {
        _marker = marker;
        _state = ParserState.Region;
        _reader!.Begin(new RegionStart(marker, atOutputStart));
    }

    /// <summary>Lets the reader read the region; returns true when processing should go on.</summary>
    private bool ProcessRegion(bool final)
    {
        CallRegionReader reader = _reader!;
        RegionStep step = reader.Read(_buffer.Span, final);
        if (step.Kind == RegionStepKind.NeedMore)
        {
            if (!final)
            {
                return false;
            }

            // A reader must decide at the end; if one does not, the rest is shown rather than lost.
            step = RegionStep.NotACall(_buffer.Length);
        }

        if (step.Consumed < 0 || step.Consumed > _buffer.Length)
        {
            throw new InvalidOperationException(
                $"{reader.GetType().Name}.Read consumed {step.Consumed} characters of a region of {_buffer.Length}; a step consumes at most what it was given.");
        }

        AddContents(step);
        switch (step.Kind)
        {
            case RegionStepKind.Progress:
                if (step.Consumed == 0 && step.Contents.Count == 0)
                {
                    throw new InvalidOperationException(
                        $"{reader.GetType().Name}.Read returned Progress without consuming or emitting anything; return RegionStep.NeedMore to wait for more text.");
                }

                Consume(step.Consumed);
                if (step.Contents.Count > 0)
                {
                    MarkupBoundary();
                }

                return true;
            case RegionStepKind.End:
                Consume(step.Consumed);
                MarkupBoundary();
                _state = ParserState.Text;
                return true;
            case RegionStepKind.DiscardRest:
                MarkupBoundary();
                _state = ParserState.Discard;
                return true;
            default:
                if (reader.IsMarkerTextWhenNotACall(_marker))
                {
                    Show(_marker);
                }

                // A bare region starts at its start character: show at least that, or the text would open the region again.
                int consumed = _marker.Length == 0 && _buffer.Length > 0 ? Math.Max(step.Consumed, 1) : step.Consumed;
                Show(_buffer.Span[..consumed]);
                Consume(consumed);
                _state = ParserState.Text;
                return true;
        }
    }

    private void AddContents(RegionStep step)
    {
        bool limited = _limitReached;
        foreach (AIContent content in step.Contents)
        {
            if (_limitReached && content is FunctionCallContent or ErrorContent)
            {
                // AllowMultipleToolCalls = false: the first call stands, later ones are dropped (as vLLM does).
                continue;
            }

            if (content is FunctionCallContent call)
            {
                _sawCall = true;
                _limitReached = !_context.Options.AllowMultipleToolCalls;
                if (_context.Options.ToolMode is RequiredChatToolMode { RequiredFunctionName: { } name } && call.Name == name)
                {
                    _sawRequired = true;
                }
            }

            _sink.Add(content);
        }

        _truncated |= step.Truncated && !limited;
    }

    /// <summary>A call region ended (or emitted): the text around it starts a new stretch.</summary>
    private void MarkupBoundary()
    {
        _hadRegion = true;
        _lineHasContent = true;
        _segmentHasContent = false;
        _dropLeading = false;
        _pendingWhiteSpace.Clear();
    }

    /// <summary>Emits <paramref name="count"/> characters of the buffer as prose (they were tracked while scanned) and consumes them.</summary>
    private void Release(int count)
    {
        if (count > 0)
        {
            EmitText(_buffer.Span[..count]);
            Consume(count);
        }
    }

    /// <summary>Emits region text that turned out to be prose (not tracked yet).</summary>
    private void Show(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            Track(c);
        }

        EmitText(text);
    }

    private void Track(char c)
    {
        if (c == '\n')
        {
            _lineHasContent = false;
        }
        else if (!char.IsWhiteSpace(c))
        {
            _lineHasContent = true;
            _sawAnswerText = true;
        }
    }

    private void EmitText(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        if (!_segmentHasContent)
        {
            int first = ToolCallJson.SkipWhiteSpace(text, 0);
            if (first == text.Length)
            {
                if (!_dropLeading)
                {
                    _pendingWhiteSpace.Append(text);
                }

                return;
            }

            if (_dropLeading)
            {
                text = text[first..];
            }
            else if (_pendingWhiteSpace.Length > 0)
            {
                _sink.Text(_pendingWhiteSpace.ToString());
            }

            _pendingWhiteSpace.Clear();
            _segmentHasContent = true;
            _dropLeading = false;
        }

        _sink.Text(text);
    }

    private void Consume(int count)
    {
        if (count > 0)
        {
            _previous = _buffer.Span[count - 1];
            _buffer.Consume(count);
        }
    }
}
