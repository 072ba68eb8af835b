using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Input;
using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Behaviors.Tasks;

/// <summary>
/// <c>text2text-generation</c>: <c>[{"generated_text"}]</c> without the prompt. Questions the canned table knows get
/// their answer; <c>translate English to X:</c> and <c>summarize:</c> prefixes are honoured; anything else gets
/// <see cref="GenerationLimits.NewTokens"/> deterministic words.
/// </summary>
internal sealed class Text2TextBehavior : TaskBehaviorBase
{
    protected override JsonObject RunCore(EmulatorRunRequest request) =>
        Output(new JsonArray(new JsonObject { ["generated_text"] = Generate(request) }));

    protected override IReadOnlyList<string>? StreamCore(EmulatorRunRequest request) => TextChunker.SplitWords(Generate(request));

    private static string Generate(EmulatorRunRequest request)
    {
        string text = RequestReader.Text(request, request.Model.Task);
        string trimmed = text.TrimStart();
        string result;
        if (trimmed.StartsWith("summarize:", StringComparison.OrdinalIgnoreCase))
        {
            result = SummarizationBehavior.Summarize(trimmed["summarize:".Length..], maxWords: 60, minWords: 0);
        }
        else if (trimmed.StartsWith("translate ", StringComparison.OrdinalIgnoreCase) && trimmed.IndexOf(':', StringComparison.Ordinal) is int colon and > 0)
        {
            string header = trimmed[..colon];
            string language = header[(header.LastIndexOf(' ') + 1)..];
            result = TranslationBehavior.Translate(trimmed[(colon + 1)..].Trim(), TranslationBehavior.LanguageCode(language));
        }
        else
        {
            int count = GenerationLimits.NewTokens(request.Parameters, promptWords: 0);
            result = ChatResponder.TryAnswer(text)
                ?? WordGenerator.Sentences(StableHash.Combine(StableHash.Fnv1a(text), StableHash.Fnv1a(request.Model.ModelId)), count);
            result = WordTokenizer.TruncateWords(result, count);
        }

        return RequestReader.ApplyStops(result, RequestReader.StopSequences(request.Parameters));
    }
}
