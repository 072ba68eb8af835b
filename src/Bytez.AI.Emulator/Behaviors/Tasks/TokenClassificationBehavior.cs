using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Input;
using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Behaviors.Tasks;

/// <summary>
/// <c>token-classification</c> as named-entity recognition: runs of capitalised words become entities tagged
/// <c>B-</c>/<c>I-</c> <c>PER</c>, <c>ORG</c>, <c>LOC</c> or <c>MISC</c>, from small gazetteers (companies, places,
/// first names, nationalities) and context ("in X" is a place). A capitalised sentence-initial word counts only when a
/// gazetteer knows it or a capitalised word follows. Output per word: <c>{"entity","score","index","word","start","end"}</c>
/// with character offsets into the input and a 1-based word index (index 0 being the model's <c>[CLS]</c>); with
/// <c>params.aggregation_strategy</c> other than <c>none</c>, grouped <c>{"entity_group","score","word","start","end"}</c>.
/// </summary>
internal sealed class TokenClassificationBehavior : TaskBehaviorBase
{
    private static readonly HashSet<string> Organizations = new(StringComparer.OrdinalIgnoreCase)
    {
        "Google", "Microsoft", "Apple", "Amazon", "Meta", "Facebook", "OpenAI", "Bytez", "IBM", "Intel", "Netflix",
        "Tesla", "Nvidia", "Hugging", "Anthropic", "Mistral", "Oracle", "Samsung", "Sony", "Toyota", "Reuters", "BBC",
        "Inc", "Corp", "Ltd", "LLC", "University", "Company", "Bank", "Institute", "Foundation", "Agency",
    };

    private static readonly HashSet<string> FirstNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "John", "Jane", "Holly", "Merve", "Alice", "Bob", "Peter", "Mary", "James", "Sarah", "David", "Anna", "Elsa",
        "Jimbo", "Josh", "Taylor", "Neil", "Michael", "Emma", "Wolfgang", "Clara", "Sam",
    };

    private static readonly HashSet<string> Nationalities = new(StringComparer.OrdinalIgnoreCase)
    {
        "English", "French", "German", "American", "British", "Chinese", "Japanese", "Spanish", "Italian", "Welsh",
        "European", "Asian", "African", "Indian", "Canadian", "Mexican", "Christmas", "Olympics",
    };

    private static readonly HashSet<string> PlacePrepositions = new(StringComparer.OrdinalIgnoreCase) { "in", "from", "near", "to", "into", "across" };

    protected override JsonObject RunCore(EmulatorRunRequest request)
    {
        string text = RequestReader.Text(request, request.Model.Task);
        List<WordToken> tokens = WordTokenizer.Tokenize(text);
        var entities = new JsonArray();
        var groups = new JsonArray();

        int i = 0;
        while (i < tokens.Count)
        {
            if (!IsCapitalized(tokens[i].Text) || !StartsEntity(text, tokens, i))
            {
                i++;
                continue;
            }

            int end = i + 1;
            while (end < tokens.Count && IsCapitalized(tokens[end].Text) && text[tokens[end - 1].End..tokens[end].Start] == " ")
            {
                end++;
            }

            string type = Classify(tokens, i, end);
            double groupScore = 0;
            for (int k = i; k < end; k++)
            {
                double score = Scores.Between(StableHash.Fnv1a(tokens[k].Text + type), 0.95, 0.9995);
                groupScore += score;
                entities.Add((JsonNode)new JsonObject
                {
                    ["entity"] = (k == i ? "B-" : "I-") + type,
                    ["score"] = score,
                    ["index"] = k + 1,
                    ["word"] = tokens[k].Text,
                    ["start"] = tokens[k].Start,
                    ["end"] = tokens[k].End,
                });
            }

            groups.Add((JsonNode)new JsonObject
            {
                ["entity_group"] = type,
                ["score"] = Scores.Round(groupScore / (end - i)),
                ["word"] = text[tokens[i].Start..tokens[end - 1].End],
                ["start"] = tokens[i].Start,
                ["end"] = tokens[end - 1].End,
            });
            i = end;
        }

        string? aggregation = RequestReader.StringParam(request.Parameters, "aggregation_strategy");
        bool grouped = aggregation is not null && !aggregation.Equals("none", StringComparison.OrdinalIgnoreCase);
        return Output(grouped ? groups : entities);
    }

    private static bool IsCapitalized(string word) => char.IsUpper(word[0]) && word != "I";

    private static bool StartsEntity(string text, List<WordToken> tokens, int index)
    {
        if (!IsSentenceStart(text, tokens[index].Start))
        {
            return true;
        }

        string word = tokens[index].Text;
        bool known = Organizations.Contains(word) || FirstNames.Contains(word) || Nationalities.Contains(word) || WorldFacts.IsKnownPlace(word);
        bool followedByCapital = index + 1 < tokens.Count && IsCapitalized(tokens[index + 1].Text)
            && text[tokens[index].End..tokens[index + 1].Start] == " ";
        return known || followedByCapital;
    }

    private static bool IsSentenceStart(string text, int start)
    {
        for (int i = start - 1; i >= 0; i--)
        {
            if (!char.IsWhiteSpace(text[i]) && text[i] is not '"' and not '\'' and not '(')
            {
                return text[i] is '.' or '!' or '?' or ':' or '\n';
            }
        }

        return true;
    }

    private static string Classify(List<WordToken> tokens, int start, int end)
    {
        IEnumerable<string> words = tokens.Skip(start).Take(end - start).Select(t => t.Text);
        if (words.Any(Organizations.Contains))
        {
            return "ORG";
        }

        if (FirstNames.Contains(tokens[start].Text))
        {
            return "PER";
        }

        if (words.Any(Nationalities.Contains))
        {
            return "MISC";
        }

        bool afterPreposition = start > 0 && PlacePrepositions.Contains(tokens[start - 1].Text);
        return words.Any(WorldFacts.IsKnownPlace) || afterPreposition ? "LOC" : "PER";
    }
}
