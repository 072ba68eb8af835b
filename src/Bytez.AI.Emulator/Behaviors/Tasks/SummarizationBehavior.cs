using System.Text;
using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Input;
using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Behaviors.Tasks;

/// <summary>
/// <c>summarization</c>: <c>[{"summary_text"}]</c>, an extractive "summary": the leading sentences, at least
/// <c>min_length</c> words where the text allows, cut at <c>max_length</c> words (default 60; one word = one token).
/// </summary>
internal sealed class SummarizationBehavior : TaskBehaviorBase
{
    private const int DefaultMaxWords = 60;
    private const int TargetWords = 30;

    public static string Summarize(string text, int maxWords, int minWords)
    {
        string[] sentences = SplitSentences(text);
        int target = Math.Min(maxWords, Math.Max(minWords, TargetWords));
        var summary = new StringBuilder();
        int words = 0;
        foreach (string sentence in sentences)
        {
            int count = WordTokenizer.SplitWhitespace(sentence).Length;
            if (words > 0 && words + count > target && words >= minWords)
            {
                break;
            }

            summary.Append(summary.Length > 0 ? " " : string.Empty).Append(sentence);
            words += count;
        }

        return WordTokenizer.TruncateWords(summary.ToString(), Math.Max(1, maxWords));
    }

    protected override JsonObject RunCore(EmulatorRunRequest request) =>
        Output(new JsonArray(new JsonObject { ["summary_text"] = Summary(request) }));

    protected override IReadOnlyList<string>? StreamCore(EmulatorRunRequest request) => TextChunker.SplitWords(Summary(request));

    private static string Summary(EmulatorRunRequest request)
    {
        string text = RequestReader.Text(request, request.Model.Task);
        int maxWords = RequestReader.IntParam(request.Parameters, "max_length") ?? RequestReader.IntParam(request.Parameters, "max_new_tokens") ?? DefaultMaxWords;
        int minWords = RequestReader.IntParam(request.Parameters, "min_length") ?? 0;
        return Summarize(text, Math.Clamp(maxWords, 1, RequestReader.MaxNewTokensCap), Math.Max(0, minWords));
    }

    private static string[] SplitSentences(string text)
    {
        var sentences = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            bool end = text[i] is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]));
            if (end)
            {
                AddSentence(sentences, text[start..(i + 1)]);
                start = i + 1;
            }
        }

        AddSentence(sentences, text[start..]);
        return [.. sentences];
    }

    private static void AddSentence(List<string> sentences, string sentence)
    {
        string trimmed = string.Join(' ', WordTokenizer.SplitWhitespace(sentence));
        if (trimmed.Length > 0)
        {
            sentences.Add(trimmed);
        }
    }
}
