using System.Text;
using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Behaviors.Tools;

/// <summary>The word handling behind tool matching: identifier splitting, content words, and verbs that say nothing about a tool.</summary>
internal static class ToolWords
{
    // Words that appear in almost every tool or question and would make every tool match every query.
    private static readonly HashSet<string> Noise = new(StringComparer.Ordinal)
    {
        "get", "fetch", "fetche", "gets", "set", "find", "lookup", "look", "up", "retrieve", "return", "list", "query",
        "what", "what's", "whats", "how", "who", "where", "when", "which", "why", "like", "right", "now", "current",
        "currently", "please", "tell", "give", "show", "could", "should", "some", "any", "all", "given", "using", "use",
        "api", "data", "value", "name", "s", "t", "about", "need", "want", "know", "also", "today", "call", "function",
        "not", "no", "yes", "just", "let", "much", "many", "there", "here", "one", "two", "via", "new", "latest",
    };

    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal)
    {
        "get", "fetch", "find", "lookup", "look", "retrieve", "search", "list", "query", "check", "read", "load", "compute",
        "calculate", "calc", "obtain", "do", "run",
    };

    /// <summary>Splits <c>get_weather_data</c>, <c>getWeatherData</c> or <c>GetWeather</c> into lower-case words.</summary>
    public static List<string> SplitIdentifier(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            if (char.IsUpper(c) && current.Length > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                Flush();
            }

            current.Append(char.ToLowerInvariant(c));
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }

    /// <summary>The normalised content words of <paramref name="text"/> (no stop or noise words), in order, distinct.</summary>
    public static List<string> Content(string text)
    {
        var result = new List<string>();
        foreach (WordToken token in WordTokenizer.Tokenize(text))
        {
            string word = Normalize(token.Text);
            if (IsContent(word) && !result.Contains(word))
            {
                result.Add(word);
            }
        }

        return result;
    }

    /// <summary>The content words of an identifier (split first).</summary>
    public static List<string> ContentOfIdentifier(string name) =>
        [.. SplitIdentifier(name).Select(Normalize).Where(IsContent).Distinct(StringComparer.Ordinal)];

    /// <summary>The identifier's words without leading verbs: <c>get_weather_data</c> gives "weather data".</summary>
    public static string Subject(string name)
    {
        var words = SplitIdentifier(name);
        var kept = words.SkipWhile(w => Verbs.Contains(w)).ToList();
        return kept.Count == 0 ? name : string.Join(' ', kept);
    }

    public static string Normalize(string word) => Lexicon.Normalize(word);

    public static bool IsContent(string normalizedWord) =>
        normalizedWord.Length > 1 && !Lexicon.IsStopWord(normalizedWord) && !Noise.Contains(normalizedWord);
}
