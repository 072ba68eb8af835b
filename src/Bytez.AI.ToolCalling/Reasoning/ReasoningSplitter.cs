namespace Bytez.AI.ToolCalling;

/// <summary>
/// The first stage of the stream parser: separates a reasoning block that opens the output from the answer (see
/// <see cref="ReasoningSyntax"/>). Reasoning goes to the sink as it arrives, without its surrounding white space;
/// everything after the block is handed back as answer text. Holds back only white space and a tail that may still
/// become a tag, so reasoning streams as it is written.
/// </summary>
internal sealed class ReasoningSplitter
{
    private readonly ReasoningSyntax _syntax;
    private readonly CharBuffer _held = new();
    private readonly TextSearch _close;
    private State _state = State.Opening;
    private bool _started;

    public ReasoningSplitter(ReasoningSyntax syntax)
    {
        _syntax = syntax;
        _close = new TextSearch(syntax.CloseTag);
    }

    private enum State
    {
        Opening,
        Reasoning,
        Answer,
    }

    /// <summary>Feeds output; returns the answer text it releases (valid until the next call).</summary>
    public ReadOnlySpan<char> Feed(ReadOnlySpan<char> chunk, ContentSink sink, bool final)
    {
        if (_state == State.Answer)
        {
            return chunk;
        }

        _held.Append(chunk);
        if (_state == State.Opening && !ReadOpening(final))
        {
            return [];
        }

        return _state == State.Answer ? TakeHeld() : ReadReasoning(sink, final);
    }

    /// <summary>Whether the opening is decided (the state moved on).</summary>
    private bool ReadOpening(bool final)
    {
        ReadOnlySpan<char> span = _held.Span;
        int start = ToolCallJson.SkipWhiteSpace(span, 0);
        ReadOnlySpan<char> rest = span[start..];
        string tag = _syntax.OpenTag;
        if (rest.StartsWith(tag, StringComparison.Ordinal))
        {
            _held.Consume(start + tag.Length);
            _state = State.Reasoning;
            return true;
        }

        if (!final && rest.Length < tag.Length && tag.AsSpan().StartsWith(rest, StringComparison.Ordinal))
        {
            return false; // white space, or the start of the tag: wait
        }

        _state = _syntax.StartsOpen ? State.Reasoning : State.Answer;
        return true;
    }

    private ReadOnlySpan<char> ReadReasoning(ContentSink sink, bool final)
    {
        ReadOnlySpan<char> span = _held.Span;
        int close = _close.Find(span, 0);
        if (close >= 0)
        {
            Emit(span[..close].TrimEnd(), sink);
            _held.Consume(close + _syntax.CloseTag.Length);
            _state = State.Answer;
            return TakeHeld();
        }

        if (final)
        {
            Emit(span.TrimEnd(), sink);
            _held.Clear();
            return [];
        }

        // Release all but a tail that may still become the closing tag, and the white space before it (the block's
        // trailing white space is not reasoning).
        int keep = span.Length;
        string tag = _syntax.CloseTag;
        for (int length = Math.Min(tag.Length - 1, span.Length); length > 0; length--)
        {
            if (span[^length..].SequenceEqual(tag.AsSpan(0, length)))
            {
                keep = span.Length - length;
                break;
            }
        }

        while (keep > 0 && char.IsWhiteSpace(span[keep - 1]))
        {
            keep--;
        }

        Emit(span[..keep], sink);
        _held.Consume(keep);
        _close.Shift(keep);
        return [];
    }

    private void Emit(ReadOnlySpan<char> text, ContentSink sink)
    {
        if (!_started)
        {
            text = text.TrimStart();
            _started = text.Length > 0;
        }

        sink.Reasoning(text);
    }

    private ReadOnlySpan<char> TakeHeld()
    {
        ReadOnlySpan<char> rest = _held.Span;
        _held.Clear();
        return rest;
    }
}
