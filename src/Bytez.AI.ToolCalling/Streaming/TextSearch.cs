namespace Bytez.AI.ToolCalling;

/// <summary>
/// Finds a fixed string in text that is still arriving, without searching the same characters twice: after a miss only
/// the last <c>needle.Length - 1</c> characters are searched again. The text must keep its start between calls.
/// </summary>
internal sealed class TextSearch
{
    private readonly string _needle;
    private int _from;
    private int _found = -1;

    public TextSearch(string needle)
    {
        _needle = needle;
    }

    /// <summary>Forgets earlier searches (the text's start moved).</summary>
    public void Reset()
    {
        _from = 0;
        _found = -1;
    }

    /// <summary>Follows the text when <paramref name="count"/> characters were consumed from its front.</summary>
    public void Shift(int count)
    {
        _from = Math.Max(0, _from - count);
        _found = _found >= count ? _found - count : -1;
    }

    /// <summary>The index of the first occurrence at or after <paramref name="start"/>, or -1.</summary>
    public int Find(ReadOnlySpan<char> text, int start)
    {
        if (_found >= 0)
        {
            return _found;
        }

        int from = Math.Max(_from, start);
        if (from < text.Length)
        {
            int index = text[from..].IndexOf(_needle, StringComparison.Ordinal);
            if (index >= 0)
            {
                _found = from + index;
                return _found;
            }
        }

        _from = Math.Max(from, text.Length - _needle.Length + 1);
        return -1;
    }
}
