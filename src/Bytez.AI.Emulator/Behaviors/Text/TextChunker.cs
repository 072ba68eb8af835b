namespace Bytez.AI.Emulator.Behaviors.Text;

/// <summary>Cuts text into word-sized stream chunks, each carrying its leading whitespace (<c>"Once"</c>, <c>" upon"</c>, ...).</summary>
internal static class TextChunker
{
    /// <summary>Splits <paramref name="text"/>; the chunks concatenate back to exactly <paramref name="text"/>.</summary>
    public static List<string> SplitWords(string text)
    {
        var chunks = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            int start = i;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            chunks.Add(text[start..i]);
        }

        return chunks;
    }
}
