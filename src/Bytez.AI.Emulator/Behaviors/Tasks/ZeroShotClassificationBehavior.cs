using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Input;
using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Behaviors.Tasks;

/// <summary>
/// <c>zero-shot-classification</c>: <c>{"sequence","labels","scores"}</c>, labels sorted by score. Each label scores
/// +3 for a word the text shares and +2 for a word in the same lexicon concept group ("see the world" is
/// <c>travel</c>), plus a tiny hash-based tie-breaker; a softmax makes the scores sum to 1, or with
/// <c>multi_label: true</c> each label gets its own sigmoid score.
/// </summary>
internal sealed class ZeroShotClassificationBehavior : TaskBehaviorBase
{
    private const double Sharpness = 2.5;

    public static double Affinity(IReadOnlyCollection<string> textWords, string label)
    {
        HashSet<string> textConcepts = [.. textWords.Select(Lexicon.ConceptOf).OfType<string>()];
        double best = 0;
        foreach (string word in Lexicon.ContentWords(label))
        {
            double score = textWords.Contains(word) ? 3
                : Lexicon.ConceptOf(word) is { } concept && textConcepts.Contains(concept) ? 2
                : 0;
            best = Math.Max(best, score);
        }

        return best;
    }

    protected override JsonObject RunCore(EmulatorRunRequest request)
    {
        string task = request.Model.Task;
        string text = RequestReader.OptionalString(request, "text")
            ?? (request.Input is JsonValue ? RequestReader.OptionalText(request, task) : null)
            ?? throw RequestReader.Missing(task, "text");
        List<string> labels = RequestReader.RequiredLabels(request, task, "candidate_labels");

        List<string> textWords = Lexicon.ContentWords(text);
        double[] logits = labels
            .Select(l => Sharpness * (Affinity(textWords, l) + ((StableHash.Fnv1a(text + "\u0000" + l) % 1000) / 4000.0)))
            .ToArray();

        bool multiLabel = RequestReader.BoolParam(request.Parameters, "multi_label") == true;
        double[] scores = multiLabel
            ? logits.Select(l => 1 / (1 + Math.Exp(-(l - Sharpness)))).ToArray()
            : Scores.Softmax(logits);

        int[] order = [.. Enumerable.Range(0, labels.Count).OrderByDescending(i => scores[i]).ThenBy(i => i)];
        return Output(new JsonObject
        {
            ["sequence"] = text,
            ["labels"] = new JsonArray(order.Select(i => (JsonNode)labels[i]).ToArray()),
            ["scores"] = new JsonArray(order.Select(i => (JsonNode)scores[i]).ToArray()),
        });
    }
}
