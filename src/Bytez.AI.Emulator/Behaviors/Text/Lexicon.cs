namespace Bytez.AI.Emulator.Behaviors.Text;

/// <summary>
/// The tiny vocabulary the emulator "understands": stop words, plural folding, concept groups (so "dog" is nearer
/// "cat" than "fork", and "see the world" points at "travel"), and sentiment words.
/// </summary>
internal static class Lexicon
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "is", "are", "was", "were", "be", "been", "am", "of", "on", "in", "at", "to", "and", "or",
        "for", "with", "by", "it", "its", "this", "that", "as", "i", "me", "my", "you", "your", "he", "she", "we",
        "they", "do", "does", "did", "so", "but", "if", "then", "there", "from", "into", "will", "would", "can",
    };

    private static readonly Dictionary<string, string> Concepts = BuildConcepts();

    private static readonly HashSet<string> Positive = new(StringComparer.Ordinal)
    {
        "good", "great", "excellent", "love", "loved", "amazing", "wonderful", "best", "happy", "fantastic", "perfect",
        "like", "liked", "nice", "beautiful", "awesome", "recommend", "enjoy", "enjoyed", "brilliant", "superb",
        "pleased", "glad", "works", "worth", "fast", "delighted",
    };

    private static readonly HashSet<string> Negative = new(StringComparer.Ordinal)
    {
        "bad", "terrible", "awful", "hate", "hated", "worst", "poor", "horrible", "disappointed", "disappointing",
        "broken", "waste", "boring", "sad", "refund", "useless", "slow", "angry", "defective", "fail", "failed",
        "problem", "return", "returned", "never", "worse",
    };

    private static readonly HashSet<string> Negators = new(StringComparer.Ordinal) { "not", "no", "never", "t", "nothing", "hardly" };

    public static bool IsStopWord(string lowerWord) => StopWords.Contains(lowerWord);

    /// <summary>Lower-cases and folds a plural <c>s</c> ("cats" -> "cat", "translates" -> "translate"; "glass" stays).</summary>
    public static string Normalize(string word)
    {
        string lower = word.ToLowerInvariant();
        if (lower.Length > 3 && lower[^1] == 's' && lower[^2] != 's' && lower[^2] != 'u' && lower[^2] != 'i')
        {
            return lower[..^1];
        }

        return lower;
    }

    /// <summary>The concept group of a normalised word ("dog" -> "animal"), or null.</summary>
    public static string? ConceptOf(string normalizedWord) => Concepts.GetValueOrDefault(normalizedWord);

    /// <summary>Normalised content words of a text: stop words dropped, plurals folded.</summary>
    public static List<string> ContentWords(string text)
    {
        var words = new List<string>();
        foreach (WordToken token in WordTokenizer.Tokenize(text))
        {
            string lower = token.Text.ToLowerInvariant();
            if (!IsStopWord(lower))
            {
                words.Add(Normalize(lower));
            }
        }

        return words;
    }

    /// <summary>Counts sentiment words, flipping a word preceded by a negator ("not good" counts as negative).</summary>
    public static (int Positive, int Negative) Sentiment(string text)
    {
        int pos = 0;
        int neg = 0;
        string? previous = null;
        foreach (WordToken token in WordTokenizer.Tokenize(text))
        {
            string lower = token.Text.ToLowerInvariant();
            bool negated = previous is not null && Negators.Contains(previous);
            if (Positive.Contains(lower))
            {
                if (negated) { neg++; } else { pos++; }
            }
            else if (Negative.Contains(lower))
            {
                if (negated) { pos++; } else { neg++; }
            }

            previous = lower;
        }

        return (pos, neg);
    }

    private static Dictionary<string, string> BuildConcepts()
    {
        var groups = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["travel"] = ["travel", "trip", "world", "see", "visit", "journey", "vacation", "holiday", "flight", "abroad", "country", "explore", "tourist", "tour", "destination", "passport", "adventure", "traveling", "travelling"],
            ["cooking"] = ["cook", "cooking", "recipe", "food", "kitchen", "bake", "baking", "meal", "eat", "dinner", "lunch", "chef", "ingredient", "dish", "oven"],
            ["dancing"] = ["dance", "dancing", "dancer", "ballet", "salsa", "choreography", "music", "party", "tango", "waltz"],
            ["animal"] = ["animal", "dog", "cat", "pet", "puppy", "kitten", "squid", "octopus", "whale", "bird", "horse", "cow", "fish", "lion", "tiger", "mouse", "rabbit"],
            ["cutlery"] = ["fork", "spoon", "knife", "cutlery", "utensil", "ladle", "spatula", "chopstick", "plate", "bowl"],
            ["weather"] = ["weather", "forecast", "temperature", "rain", "rainy", "sunny", "cloud", "cloudy", "snow", "wind", "storm", "umbrella", "climate"],
            ["language"] = ["translate", "translation", "language", "french", "english", "spanish", "german", "chinese", "phrase", "word", "sentence"],
            ["math"] = ["math", "mathematic", "solve", "number", "add", "sum", "calculate", "equation", "multiply", "arithmetic", "plus", "minus"],
            ["finance"] = ["revenue", "profit", "quarterly", "sale", "finance", "money", "earning", "income", "budget", "cost", "price", "invoice", "total"],
            ["sport"] = ["sport", "football", "soccer", "basketball", "tennis", "game", "team", "match", "play", "player", "gym", "hiking", "hike"],
            ["technology"] = ["computer", "software", "code", "program", "programming", "ai", "net", "developer", "engineer", "app", "internet", "data"],
            ["color"] = ["red", "white", "blue", "green", "yellow", "black", "orange", "purple", "color", "colour"],
        };

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string group, string[] words) in groups)
        {
            foreach (string word in words)
            {
                map.TryAdd(Normalize(word), group);
            }
        }

        return map;
    }
}
