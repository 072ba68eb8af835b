using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bytez.AI.Emulator.Behaviors.Input;
using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Behaviors.Tasks;

/// <summary>
/// <c>fill-mask</c>: <c>[{"score","token","token_str","sequence"}, ...]</c>, <c>top_k</c> (default 5) candidates with
/// decreasing scores summing to less than 1. The mask token is <c>&lt;mask&gt;</c> or <c>[MASK]</c>; several masks give one
/// list per mask (nested), as Hugging Face does. "The capital of X is &lt;mask&gt;." ranks X's capital first.
/// </summary>
internal sealed partial class FillMaskBehavior : TaskBehaviorBase
{
    private static readonly string[] Determiners = ["the", "a", "an", "my", "your", "his", "her", "their", "our", "this", "that"];

    private static readonly string[] Nouns = ["world", "city", "house", "day", "man", "book", "car", "dog", "problem", "way", "game", "family", "music", "company"];

    private static readonly string[] General = ["good", "great", "here", "there", "now", "also", "very", "not", "always", "new", "important", "happy", "beautiful", "big"];

    protected override JsonObject RunCore(EmulatorRunRequest request)
    {
        string text = RequestReader.Text(request, request.Model.Task);
        MatchCollection masks = MaskRegex().Matches(text);
        if (masks.Count == 0)
        {
            throw new EmulatorInputException("fill-mask needs a mask token in the input: <mask> or [MASK].");
        }

        int topK = Math.Clamp(RequestReader.IntParam(request.Parameters, "top_k") ?? 5, 1, 50);
        var perMask = new JsonArray();
        for (int m = 0; m < masks.Count; m++)
        {
            perMask.Add((JsonNode)Candidates(text, masks[m], m, topK));
        }

        return Output(masks.Count == 1 ? perMask[0]!.DeepClone() : perMask);
    }

    private static JsonArray Candidates(string text, Match mask, int maskIndex, int topK)
    {
        string before = text[..mask.Index];
        ulong seed = StableHash.Combine(StableHash.Fnv1a(text), (ulong)maskIndex);
        List<string> words = CandidateWords(before, seed, topK);
        double[] scores = Scores.Descending(seed, words.Count);
        var result = new JsonArray();
        for (int i = 0; i < words.Count; i++)
        {
            result.Add((JsonNode)new JsonObject
            {
                ["score"] = scores[i],
                ["token"] = (int)(StableHash.Fnv1a(words[i]) % 32000) + 5,
                ["token_str"] = words[i],
                ["sequence"] = before + words[i] + text[(mask.Index + mask.Length)..],
            });
        }

        return result;
    }

    private static List<string> CandidateWords(string before, ulong seed, int topK)
    {
        var words = new List<string>();
        Match capital = CapitalRegex().Match(before);
        if (capital.Success && WorldFacts.FindCountry(capital.Groups["country"].Value) is { } found)
        {
            words.Add(found.Capital);
            words.AddRange(WorldFacts.Capitals.Select(c => c.Capital).Where(c => c != found.Capital).Distinct());
        }

        string previous = WordTokenizer.Tokenize(before).LastOrDefault().Text?.ToLowerInvariant() ?? string.Empty;
        string[] pool = Determiners.Contains(previous) ? Nouns : General;
        var rng = new DeterministicRandom(seed);
        string[] shuffled = [.. pool.OrderBy(_ => rng.NextUInt64())];
        words.AddRange(shuffled);
        return words.Distinct(StringComparer.Ordinal).Take(topK).ToList();
    }

    [GeneratedRegex(@"<mask>|\[MASK\]", RegexOptions.CultureInvariant)]
    private static partial Regex MaskRegex();

    [GeneratedRegex(@"capital(?: city)? of (?<country>[A-Za-z][A-Za-z .]*?) (?:is|was)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CapitalRegex();
}
