using System.Text;

namespace Bytez.AI.Emulator.Behaviors.Text;

/// <summary>
/// Produces readable, deterministic filler text: seven-word sentences (determiner, adjective, noun, verb,
/// preposition, determiner, noun) whose words are drawn from a seeded sequence. Word <c>i</c> depends only on the seed
/// and <c>i</c>, so a shorter generation is always a prefix of a longer one, as with greedy decoding.
/// </summary>
internal static class WordGenerator
{
    private static readonly string[] Determiners = ["the", "a", "one", "every", "that", "this", "their", "her", "his"];

    private static readonly string[] Adjectives =
    [
        "quiet", "golden", "small", "bright", "old", "gentle", "distant", "warm", "curious", "silver", "little", "happy",
        "ancient", "green", "tall", "kind", "brave", "soft", "clever", "wide", "hidden", "lonely", "busy", "calm",
    ];

    private static readonly string[] Nouns =
    [
        "river", "cottage", "garden", "king", "forest", "village", "lantern", "bridge", "mountain", "sea", "window",
        "castle", "road", "friend", "tree", "market", "story", "house", "child", "dog", "boat", "hill", "song", "door",
        "field", "city", "letter", "morning", "bird", "table", "island", "library",
    ];

    private static readonly string[] Verbs =
    [
        "wandered", "waited", "looked", "stood", "slept", "sang", "walked", "lived", "shone", "rested", "turned",
        "listened", "smiled", "danced", "worked", "appeared", "grew", "travelled", "returned", "laughed",
    ];

    private static readonly string[] Prepositions = ["by", "near", "beyond", "under", "across", "beside", "behind", "toward", "over", "inside"];

    private static readonly string[][] Pattern = [Determiners, Adjectives, Nouns, Verbs, Prepositions, Determiners, Nouns];

    /// <summary>The first <paramref name="count"/> generated words, each ending its sentence with a period.</summary>
    public static string[] Words(ulong seed, int count, int startSlot = 0)
    {
        var rng = new DeterministicRandom(seed);
        var words = new string[Math.Max(0, count)];
        for (int i = 0; i < words.Length; i++)
        {
            int slot = (i + startSlot) % Pattern.Length;
            string word = rng.Pick(Pattern[slot]);
            words[i] = slot == Pattern.Length - 1 ? word + "." : word;
        }

        return words;
    }

    /// <summary>
    /// Continues <paramref name="prompt"/> with <paramref name="count"/> words: a prompt ending in a determiner ("there
    /// was a") continues with an adjective rather than a second determiner, and sentences start with a capital letter.
    /// </summary>
    public static string[] Continue(string prompt, ulong seed, int count)
    {
        string[] promptWords = WordTokenizer.SplitWhitespace(prompt);
        string last = promptWords.Length == 0 ? string.Empty : promptWords[^1];
        int startSlot = Array.Exists(Determiners, d => d.Equals(last, StringComparison.OrdinalIgnoreCase)) || last.Equals("an", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        string[] words = Words(seed, count, startSlot);
        bool capitalize = last.Length == 0 || last[^1] is '.' or '!' or '?';
        for (int i = 0; i < words.Length; i++)
        {
            if (capitalize)
            {
                words[i] = char.ToUpperInvariant(words[i][0]) + words[i][1..];
            }

            capitalize = words[i].EndsWith('.');
        }

        return words;
    }

    /// <summary>The words joined by single spaces.</summary>
    public static string Text(ulong seed, int count) => string.Join(' ', Words(seed, count));

    /// <summary>Words joined into sentences that start with a capital letter.</summary>
    public static string Sentences(ulong seed, int count)
    {
        string[] words = Words(seed, count);
        var sb = new StringBuilder();
        bool capitalize = true;
        foreach (string word in words)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(capitalize ? char.ToUpperInvariant(word[0]) + word[1..] : word);
            capitalize = word.EndsWith('.');
        }

        return sb.ToString();
    }
}
