namespace Bytez.AI.Emulator.Behaviors.Text;

/// <summary>Splits text into runs of letters and digits, keeping offsets so spans can be cut from the original text.</summary>
internal static class WordTokenizer
{
    public static List<WordToken> Tokenize(string text)
    {
        var tokens = new List<WordToken>();
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            tokens.Add(new WordToken(text[start..i], start, i));
        }

        return tokens;
    }

    /// <summary>Whitespace-separated words, the unit the text-generation word counts use (one word = one token).</summary>
    public static string[] SplitWhitespace(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Keeps the first <paramref name="maxWords"/> whitespace-separated words of <paramref name="text"/>.</summary>
    public static string TruncateWords(string text, int maxWords)
    {
        if (maxWords <= 0)
        {
            return string.Empty;
        }

        int count = 0;
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            if (count == maxWords)
            {
                return text[..i].TrimEnd();
            }

            count++;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }
        }

        return text;
    }
}
