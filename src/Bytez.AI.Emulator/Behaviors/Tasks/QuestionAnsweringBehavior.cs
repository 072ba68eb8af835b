using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Input;
using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Behaviors.Tasks;

/// <summary>
/// <c>question-answering</c>: <c>{"answer","score","start","end"}</c>, an extractive answer: the best short span of the
/// context made of words the question does not contain, scored by closeness to the words it does contain and by the
/// question type (<c>where</c>: after "in/at/from" or a known place; <c>who</c>: capitalised; <c>when</c>/<c>how many</c>:
/// numbers). <c>start</c>/<c>end</c> are character offsets into the context, so
/// <c>context[start..end] == answer</c>.
/// </summary>
internal sealed class QuestionAnsweringBehavior : TaskBehaviorBase
{
    private const int MaxSpan = 4;

    private static readonly HashSet<string> PlaceWords = new(StringComparer.OrdinalIgnoreCase) { "in", "at", "from", "near", "to" };

    private static readonly HashSet<string> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    };

    public static (string Answer, double Score, int Start, int End) Answer(string question, string context)
    {
        List<WordToken> tokens = WordTokenizer.Tokenize(context);
        if (tokens.Count == 0)
        {
            return (string.Empty, 0.01, 0, 0);
        }

        HashSet<string> questionWords = [.. WordTokenizer.Tokenize(question).Select(t => Lexicon.Normalize(t.Text))];
        string q = question.ToLowerInvariant();
        int[] anchors = [.. Enumerable.Range(0, tokens.Count).Where(i => questionWords.Contains(Lexicon.Normalize(tokens[i].Text)) && !Lexicon.IsStopWord(tokens[i].Text.ToLowerInvariant()))];

        (int Start, int End, double Score) best = (0, 0, double.MinValue);
        for (int i = 0; i < tokens.Count; i++)
        {
            for (int j = i; j < Math.Min(tokens.Count, i + MaxSpan); j++)
            {
                if (!IsCandidate(tokens[j], questionWords))
                {
                    break;
                }

                double score = SpanScore(tokens, i, j, anchors, q);
                if (score > best.Score)
                {
                    best = (i, j, score);
                }
            }
        }

        if (best.Score == double.MinValue)
        {
            best = (0, 0, 0);
        }

        int start = tokens[best.Start].Start;
        int end = tokens[best.End].End;
        double confidence = Scores.Round(0.3 + (0.65 * (1 - Math.Exp(-Math.Max(0, best.Score) / 2))));
        return (context[start..end], confidence, start, end);
    }

    protected override JsonObject RunCore(EmulatorRunRequest request)
    {
        string task = request.Model.Task;
        string question = RequestReader.RequiredString(request, task, "question");
        string context = RequestReader.RequiredString(request, task, "context");
        (string answer, double score, int start, int end) = Answer(question, context);
        return Output(new JsonObject { ["answer"] = answer, ["score"] = score, ["start"] = start, ["end"] = end });
    }

    private static bool IsCandidate(WordToken token, HashSet<string> questionWords)
    {
        string lower = token.Text.ToLowerInvariant();
        return !Lexicon.IsStopWord(lower) && !questionWords.Contains(Lexicon.Normalize(lower));
    }

    private static double SpanScore(List<WordToken> tokens, int i, int j, int[] anchors, string question)
    {
        double score = 0;
        if (anchors.Length > 0)
        {
            int distance = anchors.Min(a => a < i ? i - a : a > j ? a - j : 0);
            score += 3.0 / (1 + distance);
        }

        bool allCapitalized = true;
        bool anyNumber = false;
        bool anyMonth = false;
        for (int k = i; k <= j; k++)
        {
            allCapitalized &= char.IsUpper(tokens[k].Text[0]);
            anyNumber |= char.IsDigit(tokens[k].Text[0]);
            anyMonth |= Months.Contains(tokens[k].Text);
        }

        bool afterPlaceWord = i > 0 && PlaceWords.Contains(tokens[i - 1].Text);
        if (question.Contains("where", StringComparison.Ordinal))
        {
            score += (afterPlaceWord ? 2 : 0) + (WorldFacts.IsKnownPlace(tokens[i].Text) ? 2 : 0) + (allCapitalized ? 1 : 0);
        }
        else if (question.Contains("who", StringComparison.Ordinal) || question.Contains("name", StringComparison.Ordinal))
        {
            score += allCapitalized ? 2 : 0;
        }
        else if (question.Contains("when", StringComparison.Ordinal) || question.Contains("year", StringComparison.Ordinal))
        {
            score += anyNumber || anyMonth ? 3 : 0;
        }
        else if (question.Contains("how many", StringComparison.Ordinal) || question.Contains("how much", StringComparison.Ordinal))
        {
            score += anyNumber ? 3 : 0;
        }

        // Proper names may run over several words ("New York"); other spans should stay short.
        return score + (allCapitalized ? 0.1 * (j - i) : -0.3 * (j - i));
    }
}
