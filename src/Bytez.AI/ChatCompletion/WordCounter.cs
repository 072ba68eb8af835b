namespace Bytez.AI.ChatCompletion;

/// <summary>
/// Counts white-space-separated words in text that arrives in pieces, without keeping it: a word split across two pieces
/// counts once. Bytez reports no token counts; words approximate tokens for the finish reason, as Bytez's own tests do.
/// </summary>
internal sealed class WordCounter
{
    private bool _inWord;

    /// <summary>Gets the words seen so far.</summary>
    public int Count { get; private set; }

    /// <summary>Counts the words of a complete text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The number of words.</returns>
    public static int Of(string text)
    {
        var counter = new WordCounter();
        counter.Add(text);
        return counter.Count;
    }

    /// <summary>Adds the next piece of text.</summary>
    /// <param name="piece">The piece.</param>
    public void Add(ReadOnlySpan<char> piece)
    {
        foreach (char c in piece)
        {
            bool space = char.IsWhiteSpace(c);
            if (!space && !_inWord)
            {
                Count++;
            }

            _inWord = !space;
        }
    }
}
