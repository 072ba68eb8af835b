using System.Globalization;
using System.Text.RegularExpressions;

namespace Bytez.AI.Emulator.Behaviors.Text;

/// <summary>
/// The emulated assistant: a small table of canned answers (capitals, arithmetic, a few questions the
/// Microsoft.Extensions.AI conformance tests ask), otherwise a reply quoting the last user message followed by
/// deterministic filler. A system message mentioning pirates makes it talk like one.
/// </summary>
internal static partial class ChatResponder
{
    /// <summary>The reply to a conversation (no truncation; callers apply the token limits).</summary>
    public static string Reply(IReadOnlyList<ChatTurn> messages)
    {
        string last = LastUserText(messages);
        string reply = TryAnswer(last, messages)
            ?? $"You said: \"{last.Trim()}\". {WordGenerator.Sentences(ConversationSeed(messages), 7)}";

        bool pirate = messages.Any(m => m.Role == "system" && m.Content.Contains("pirate", StringComparison.OrdinalIgnoreCase));
        return pirate ? "Arr, matey! " + reply : reply;
    }

    /// <summary>A canned answer for <paramref name="question"/>, or null when the table has none.</summary>
    public static string? TryAnswer(string question, IReadOnlyList<ChatTurn>? conversation = null)
    {
        string q = question.ToLowerInvariant();

        Match capital = CapitalRegex().Match(q);
        if (capital.Success && WorldFacts.FindCountry(capital.Groups["country"].Value) is { } found)
        {
            return $"The capital of {found.Country} is {found.Capital}.";
        }

        if (ArithmeticRegex().Match(q) is { Success: true } arithmetic)
        {
            return Arithmetic(arithmetic);
        }

        if ((q.Contains("biggest", StringComparison.Ordinal) || q.Contains("largest", StringComparison.Ordinal)) && q.Contains("animal", StringComparison.Ordinal))
        {
            return "The blue whale is the biggest animal on Earth.";
        }

        if (q.Contains("armstrong", StringComparison.Ordinal))
        {
            return "Neil Armstrong said: \"That's one small step for man, one giant leap for mankind.\"";
        }

        if (q.Contains("continent", StringComparison.Ordinal) && Continents(conversation, question) is { } continents)
        {
            return continents;
        }

        if (q.Contains("random number", StringComparison.Ordinal))
        {
            ulong seed = conversation is null ? StableHash.Fnv1a(question) : ConversationSeed(conversation);
            return $"I pick {(seed % 1_000_000) + 1}.";
        }

        if (q.Contains("tower", StringComparison.Ordinal) && q.Contains("paris", StringComparison.Ordinal))
        {
            return "The Eiffel Tower is the most popular tower in Paris.";
        }

        if (GreetingRegex().IsMatch(q))
        {
            return "Hello! How can I help you today?";
        }

        return null;
    }

    /// <summary>A seed covering every message, so any change to the conversation changes the filler.</summary>
    public static ulong ConversationSeed(IReadOnlyList<ChatTurn> messages)
    {
        ulong seed = 0x243F6A8885A308D3UL;
        foreach (ChatTurn turn in messages)
        {
            seed = StableHash.Combine(seed, StableHash.Fnv1a(turn.Role));
            seed = StableHash.Combine(seed, StableHash.Fnv1a(turn.Content));
        }

        return seed;
    }

    public static string LastUserText(IReadOnlyList<ChatTurn> messages)
    {
        for (int i = messages.Count - 1; i >= 0; i--)
        {
            if (messages[i].Role == "user" && !string.IsNullOrWhiteSpace(messages[i].Content))
            {
                return messages[i].Content;
            }
        }

        return messages.Count > 0 ? messages[^1].Content : string.Empty;
    }

    private static string Arithmetic(Match match)
    {
        double a = double.Parse(match.Groups["a"].Value, CultureInfo.InvariantCulture);
        double b = double.Parse(match.Groups["b"].Value, CultureInfo.InvariantCulture);
        string op = match.Groups["op"].Value;
        (string symbol, double? result) = op switch
        {
            "+" or "plus" => ("+", (double?)(a + b)),
            "-" or "minus" => ("-", a - b),
            "*" or "x" or "×" or "times" or "multiplied by" => ("*", a * b),
            _ => ("/", b == 0 ? null : a / b),
        };

        string left = Format(a) + " " + symbol + " " + Format(b);
        return result is null ? $"{left} is undefined: division by zero." : $"{left} = {Format(result.Value)}.";
    }

    private static string Format(double value) => Math.Round(value, 6).ToString("0.######", CultureInfo.InvariantCulture);

    private static string? Continents(IReadOnlyList<ChatTurn>? conversation, string question)
    {
        string all = conversation is null ? question : string.Join('\n', conversation.Select(m => m.Content));
        var lines = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string city, string continent) in WorldFacts.Cities
            .Select(c => (c.City, c.Continent, Index: all.IndexOf(c.City, StringComparison.OrdinalIgnoreCase)))
            .Where(c => c.Index >= 0)
            .OrderBy(c => c.Index)
            .Select(c => (c.City, c.Continent)))
        {
            if (seen.Add(city))
            {
                lines.Add($"{city} is in {continent}.");
            }
        }

        return lines.Count == 0 ? null : string.Join(' ', lines);
    }

    [GeneratedRegex(@"capital(?: city)? of (?<country>[a-z][a-z .]*?)(?:\?|\.|,|!|$| and )", RegexOptions.CultureInvariant)]
    private static partial Regex CapitalRegex();

    [GeneratedRegex(@"(?<a>-?\d+(?:\.\d+)?)\s*(?<op>\+|-|\*|×|/|x|plus|minus|times|multiplied by|divided by)\s*(?<b>-?\d+(?:\.\d+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex ArithmeticRegex();

    [GeneratedRegex(@"^\s*(hello|hi|hey|good (morning|afternoon|evening))\b", RegexOptions.CultureInvariant)]
    private static partial Regex GreetingRegex();
}
