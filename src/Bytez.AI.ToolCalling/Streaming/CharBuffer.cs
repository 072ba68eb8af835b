namespace Bytez.AI.ToolCalling;

/// <summary>
/// The unconsumed text of a stream: appended at the end, consumed from the front, read as a span without copying.
/// Appending and consuming cost what is appended or consumed (the array grows by doubling and is compacted only when
/// full), so a stream costs time linear in its length however it is chunked.
/// </summary>
internal sealed class CharBuffer
{
    private char[] _chars = new char[256];
    private int _start;
    private int _end;

    /// <summary>Gets the number of unconsumed characters.</summary>
    public int Length => _end - _start;

    /// <summary>Gets the unconsumed text.</summary>
    public ReadOnlySpan<char> Span => _chars.AsSpan(_start, _end - _start);

    /// <summary>Appends text.</summary>
    public void Append(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        if (_end + text.Length > _chars.Length)
        {
            int live = _end - _start;
            if (live + text.Length <= _chars.Length / 2)
            {
                // Mostly consumed: slide the live part to the front instead of growing.
                _chars.AsSpan(_start, live).CopyTo(_chars);
            }
            else
            {
                var grown = new char[Math.Max(_chars.Length * 2, live + text.Length)];
                _chars.AsSpan(_start, live).CopyTo(grown);
                _chars = grown;
            }

            _start = 0;
            _end = live;
        }

        text.CopyTo(_chars.AsSpan(_end));
        _end += text.Length;
    }

    /// <summary>Consumes <paramref name="count"/> characters from the front.</summary>
    public void Consume(int count)
    {
        _start += count;
        if (_start >= _end)
        {
            _start = 0;
            _end = 0;
        }
    }

    /// <summary>Consumes everything.</summary>
    public void Clear()
    {
        _start = 0;
        _end = 0;
    }
}
