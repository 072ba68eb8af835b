namespace Bytez.AI.ChatCompletion;

/// <summary>
/// Enforces stop sequences on text that arrives in pieces: text is released as soon as it cannot be the start of a
/// stop sequence, and everything from the first stop sequence on is dropped.
/// </summary>
/// <remarks>
/// Hugging Face <c>stop_strings</c> is also sent, but whether a given Bytez container honours it depends on its
/// transformers version, so the client enforces the sequences itself. Only the shortest tail that could still grow into
/// a stop sequence is held back, so streaming stays incremental.
/// </remarks>
internal sealed class StopSequenceFilter
{
    private readonly string[] _stopSequences;
    private string _pending = string.Empty;

    public StopSequenceFilter(IEnumerable<string>? stopSequences)
    {
        _stopSequences = stopSequences is null ? [] : [.. stopSequences.Where(s => !string.IsNullOrEmpty(s))];
    }

    /// <summary>Gets a value indicating whether a stop sequence was seen; nothing more is released after that.</summary>
    public bool Stopped { get; private set; }

    /// <summary>Adds text and returns what can be released now.</summary>
    public string Push(string text)
    {
        if (Stopped)
        {
            return string.Empty;
        }

        if (_stopSequences.Length == 0)
        {
            return text;
        }

        string pending = _pending + text;

        // Any occurrence starts inside the pending text: a tail that could begin a stop sequence is never released.
        int stopAt = -1;
        foreach (string stop in _stopSequences)
        {
            int index = pending.IndexOf(stop, StringComparison.Ordinal);
            if (index >= 0 && (stopAt < 0 || index < stopAt))
            {
                stopAt = index;
            }
        }

        if (stopAt >= 0)
        {
            Stopped = true;
            _pending = string.Empty;
            return pending[..stopAt];
        }

        int hold = LongestTailThatStartsAStopSequence(pending);
        _pending = pending[^hold..];
        return pending[..^hold];
    }

    /// <summary>Returns the held-back text at the end of the stream (it did not complete a stop sequence).</summary>
    public string Flush()
    {
        string rest = Stopped ? string.Empty : _pending;
        _pending = string.Empty;
        return rest;
    }

    private int LongestTailThatStartsAStopSequence(string text)
    {
        int longest = 0;
        foreach (string stop in _stopSequences)
        {
            for (int length = Math.Min(stop.Length - 1, text.Length); length > longest; length--)
            {
                if (text.AsSpan(text.Length - length).SequenceEqual(stop.AsSpan(0, length)))
                {
                    longest = length;
                    break;
                }
            }
        }

        return longest;
    }
}
