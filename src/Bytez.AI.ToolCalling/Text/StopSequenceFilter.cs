namespace Bytez.AI.ToolCalling;

/// <summary>
/// Enforces stop sequences on text that arrives in pieces: text is released as soon as it cannot be the start of a
/// stop sequence, and everything from the first stop sequence on is dropped.
/// </summary>
/// <remarks>
/// Servers do not all honour the stop sequences they are sent (a Hugging Face container's <c>stop_strings</c> depends on
/// its transformers version), so <see cref="PromptToolCallingChatClient"/> enforces a format's stop sequences itself, and
/// a text-only chat client can enforce the caller's the same way. Only the shortest tail that could still grow into a
/// stop sequence is held back, so streaming stays incremental. One instance per response; not thread-safe.
/// </remarks>
public sealed class StopSequenceFilter
{
    private readonly string[] _stopSequences;
    private string _pending = string.Empty;

    /// <summary>Initializes a new instance of the <see cref="StopSequenceFilter"/> class.</summary>
    /// <param name="stopSequences">The stop sequences; null or empty ones are ignored. Null means none.</param>
    public StopSequenceFilter(IEnumerable<string>? stopSequences)
    {
        _stopSequences = stopSequences is null ? [] : [.. stopSequences.Where(s => !string.IsNullOrEmpty(s))];
    }

    /// <summary>Gets a value indicating whether a stop sequence was seen; nothing more is released after that.</summary>
    public bool Stopped { get; private set; }

    /// <summary>Applies the stop sequences to a complete text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="stopSequences">The stop sequences.</param>
    /// <param name="stopped">Whether a stop sequence was found.</param>
    /// <returns>The text before the first stop sequence.</returns>
    public static string Apply(string text, IEnumerable<string>? stopSequences, out bool stopped)
    {
        if (stopSequences is null || stopSequences is IReadOnlyCollection<string> { Count: 0 })
        {
            // Nothing to look for (every chat call without stop sequences): no filter, no copy.
            ArgumentNullException.ThrowIfNull(text);
            stopped = false;
            return text;
        }

        var filter = new StopSequenceFilter(stopSequences);
        string kept = filter.Push(text) + filter.Flush();
        stopped = filter.Stopped;
        return kept;
    }

    /// <summary>Adds text and returns what can be released now.</summary>
    /// <param name="text">The next piece of text.</param>
    /// <returns>The text that can no longer be part of a stop sequence (empty once stopped).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public string Push(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
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
    /// <returns>The held-back text; empty once stopped.</returns>
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
