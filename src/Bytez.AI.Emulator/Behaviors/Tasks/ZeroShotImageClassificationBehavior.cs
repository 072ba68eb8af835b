using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Input;
using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Behaviors.Tasks;

/// <summary>
/// <c>zero-shot-image-classification</c>: <c>[{"label","score"}, ...]</c> over <c>candidate_labels</c> (required),
/// sorted by score, scores summing to 1. A label naming the image's <see cref="ImageScene"/> subject wins; one of the
/// same concept group (another animal) comes next.
/// </summary>
internal sealed class ZeroShotImageClassificationBehavior : TaskBehaviorBase
{
    /// <summary>How well <paramref name="label"/> fits the scene: 3 for the subject or a URL word, 1.5 for the same concept.</summary>
    public static double Affinity(ImageScene scene, MediaInput media, string label)
    {
        HashSet<string> seen = [scene.Subject, .. scene.Keywords.Select(Lexicon.Normalize), .. media.Words.Select(Lexicon.Normalize), .. Lexicon.ContentWords(scene.Caption)];
        string? subjectConcept = Lexicon.ConceptOf(scene.Subject);
        double best = 0;
        foreach (string word in Lexicon.ContentWords(label))
        {
            double score = seen.Contains(word) ? 3 : subjectConcept is not null && Lexicon.ConceptOf(word) == subjectConcept ? 1.5 : 0;
            best = Math.Max(best, score);
        }

        return best;
    }

    protected override JsonObject RunCore(EmulatorRunRequest request)
    {
        string task = request.Model.Task;
        MediaInput media = MediaInput.Read(request, task, ImageMembers.Image);
        List<string> labels = RequestReader.RequiredLabels(request, task, "candidate_labels");
        ImageScene scene = ImageScene.For(media);
        double[] logits = labels.Select(l => 2 * (Affinity(scene, media, l) + ((StableHash.Fnv1a(l) % 1000) / 4000.0))).ToArray();
        double[] scores = Scores.Softmax(logits);
        return Output(LabelScores(labels.Select((l, i) => (l, scores[i])).OrderByDescending(p => p.Item2)));
    }
}
