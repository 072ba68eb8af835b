using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Input;
using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Behaviors.Tasks;

/// <summary>
/// <c>text-classification</c> as sentiment: <c>[{"label","score"}]</c> with <c>POSITIVE</c> or <c>NEGATIVE</c> from
/// counted sentiment words (a negator flips the next word). Only the top label, as the pipeline's default; with
/// <c>top_k</c> (any value) or <c>return_all_scores: true</c> both labels, sorted by score.
/// </summary>
internal sealed class TextClassificationBehavior : TaskBehaviorBase
{
    protected override JsonObject RunCore(EmulatorRunRequest request)
    {
        string text = RequestReader.Text(request, request.Model.Task);
        (int positive, int negative) = Lexicon.Sentiment(text);
        int margin = positive - negative;

        // A text with no sentiment words leans by its hash, with low confidence.
        bool isPositive = margin != 0 ? margin > 0 : StableHash.Fnv1a(text) % 2 == 0;
        double confidence = margin == 0
            ? Scores.Between(StableHash.Fnv1a(text), 0.55, 0.75)
            : Scores.Round(0.5 + (0.4995 * (1 - Math.Exp(-1.5 * Math.Abs(margin)))));

        var top = (isPositive ? "POSITIVE" : "NEGATIVE", confidence);
        var other = (isPositive ? "NEGATIVE" : "POSITIVE", Scores.Round(1 - confidence));
        bool all = request.Parameters.ContainsKey("top_k") || RequestReader.BoolParam(request.Parameters, "return_all_scores") == true;
        return Output(LabelScores(all ? [top, other] : [top]));
    }
}
