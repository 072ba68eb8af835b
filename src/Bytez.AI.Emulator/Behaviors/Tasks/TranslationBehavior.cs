using System.Text;
using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Input;
using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Behaviors.Tasks;

/// <summary>
/// <c>translation</c>: <c>[{"translation_text"}]</c>, a deterministic pseudo-translation. The target language comes from
/// <c>params.tgt_lang</c>/<c>target_lang</c>, else the model id (<c>opus-mt-en-zh</c> -> <c>zh</c>), else French.
/// Words and phrases in a tiny dictionary (zh, fr, de, es) are replaced, other words are kept as written; Chinese
/// output drops spaces and uses full-width punctuation. A language without a dictionary gets the text wrapped as
/// <c>[xx] text</c>.
/// </summary>
internal sealed class TranslationBehavior : TaskBehaviorBase
{
    private static readonly Dictionary<string, Dictionary<string, string>> Dictionaries = new(StringComparer.Ordinal)
    {
        ["zh"] = new(StringComparer.OrdinalIgnoreCase)
        {
            ["how are you"] = "你好吗", ["isn't it"] = "不是吗", ["thank you"] = "谢谢", ["good morning"] = "早上好",
            ["good evening"] = "晚上好", ["hello"] = "你好", ["hi"] = "你好", ["beautiful"] = "美丽的", ["day"] = "天",
            ["today"] = "今天", ["good"] = "好", ["thanks"] = "谢谢", ["world"] = "世界", ["cat"] = "猫", ["dog"] = "狗",
            ["i"] = "我", ["you"] = "你", ["love"] = "爱", ["is"] = "是", ["the"] = string.Empty, ["a"] = "一个",
            ["weather"] = "天气", ["nice"] = "好", ["yes"] = "是", ["no"] = "不", ["friend"] = "朋友", ["water"] = "水",
            ["book"] = "书", ["time"] = "时间", ["name"] = "名字", ["my"] = "我的", ["and"] = "和", ["very"] = "很",
        },
        ["fr"] = new(StringComparer.OrdinalIgnoreCase)
        {
            ["how are you"] = "comment allez-vous", ["isn't it"] = "n'est-ce pas", ["thank you"] = "merci",
            ["good morning"] = "bonjour", ["good evening"] = "bonsoir", ["hello"] = "bonjour", ["hi"] = "salut",
            ["beautiful"] = "belle", ["day"] = "journée", ["today"] = "aujourd'hui", ["good"] = "bon", ["world"] = "monde",
            ["cat"] = "chat", ["dog"] = "chien", ["the"] = "le", ["a"] = "un", ["i"] = "je", ["you"] = "vous",
            ["love"] = "aime", ["is"] = "est", ["weather"] = "temps", ["friend"] = "ami", ["and"] = "et", ["very"] = "très",
        },
        ["de"] = new(StringComparer.OrdinalIgnoreCase)
        {
            ["how are you"] = "wie geht es dir", ["isn't it"] = "nicht wahr", ["thank you"] = "danke",
            ["good morning"] = "guten Morgen", ["good evening"] = "guten Abend", ["hello"] = "hallo", ["beautiful"] = "schöner",
            ["day"] = "Tag", ["today"] = "heute", ["good"] = "gut", ["world"] = "Welt", ["cat"] = "Katze", ["dog"] = "Hund",
            ["the"] = "der", ["a"] = "ein", ["i"] = "ich", ["you"] = "du", ["is"] = "ist", ["and"] = "und", ["very"] = "sehr",
        },
        ["es"] = new(StringComparer.OrdinalIgnoreCase)
        {
            ["how are you"] = "cómo estás", ["isn't it"] = "verdad", ["thank you"] = "gracias", ["good morning"] = "buenos días",
            ["good evening"] = "buenas noches", ["hello"] = "hola", ["beautiful"] = "hermoso", ["day"] = "día", ["today"] = "hoy",
            ["good"] = "bueno", ["world"] = "mundo", ["cat"] = "gato", ["dog"] = "perro", ["the"] = "el", ["a"] = "un",
            ["i"] = "yo", ["you"] = "tú", ["is"] = "es", ["and"] = "y", ["very"] = "muy",
        },
    };

    private static readonly Dictionary<char, char> FullWidth = new() { [','] = '，', ['.'] = '。', ['?'] = '？', ['!'] = '！', [':'] = '：', [';'] = '；' };

    public static string Translate(string text, string language)
    {
        if (!Dictionaries.TryGetValue(language, out Dictionary<string, string>? dictionary))
        {
            return $"[{language}] {text}";
        }

        bool chinese = language == "zh";
        string[] phrases = [.. dictionary.Keys.OrderByDescending(k => k.Length)];
        string source = text.Replace('’', '\'');
        var output = new StringBuilder();
        int i = 0;
        while (i < source.Length)
        {
            char c = source[i];
            if (char.IsLetterOrDigit(c))
            {
                string? phrase = Array.Find(phrases, p => MatchesAt(source, i, p));
                int length = phrase?.Length ?? WordLength(source, i);
                string word = source.Substring(i, length);
                string translated = phrase is null ? word : dictionary[phrase];
                if (!chinese && char.IsUpper(c) && translated.Length > 0)
                {
                    translated = char.ToUpperInvariant(translated[0]) + translated[1..];
                }

                Append(output, translated, chinese);
                i += length;
            }
            else if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else
            {
                output.Append(chinese && FullWidth.TryGetValue(c, out char wide) ? wide : c);
                i++;
            }
        }

        return output.ToString().Trim();
    }

    /// <summary>A two-letter code for a language name or code ("German" -> "de", "zho_Hans" -> "zh").</summary>
    public static string LanguageCode(string language)
    {
        string lower = language.Trim().ToLowerInvariant();
        return lower switch
        {
            "chinese" or "mandarin" => "zh",
            "french" => "fr",
            "german" => "de",
            "spanish" => "es",
            _ when lower.StartsWith("zho", StringComparison.Ordinal) => "zh",
            _ when lower.StartsWith("fra", StringComparison.Ordinal) => "fr",
            _ when lower.StartsWith("deu", StringComparison.Ordinal) => "de",
            _ when lower.StartsWith("spa", StringComparison.Ordinal) => "es",
            _ => lower.Length >= 2 ? lower[..2] : lower,
        };
    }

    protected override JsonObject RunCore(EmulatorRunRequest request) =>
        Output(new JsonArray(new JsonObject { ["translation_text"] = Translation(request) }));

    protected override IReadOnlyList<string>? StreamCore(EmulatorRunRequest request) => TextChunker.SplitWords(Translation(request));

    private static string Translation(EmulatorRunRequest request)
    {
        string text = RequestReader.Text(request, request.Model.Task);
        string? target = RequestReader.StringParam(request.Parameters, "tgt_lang") ?? RequestReader.StringParam(request.Parameters, "target_lang");
        return Translate(text, LanguageCode(target ?? TargetFromModelId(request.Model.ModelId)));
    }

    private static string TargetFromModelId(string modelId)
    {
        // Helsinki-NLP/opus-mt-{source}-{target}
        string name = modelId[(modelId.LastIndexOf('/') + 1)..];
        string[] parts = name.Split('-');
        int mt = Array.IndexOf(parts, "mt");
        return mt >= 0 && mt + 2 < parts.Length ? parts[mt + 2] : "fr";
    }

    private static void Append(StringBuilder output, string translated, bool chinese)
    {
        if (translated.Length == 0)
        {
            return;
        }

        // Chinese needs no spaces, except between two untranslated Latin words.
        bool separate = chinese
            ? output.Length > 0 && char.IsAsciiLetterOrDigit(output[^1]) && char.IsAsciiLetterOrDigit(translated[0])
            : output.Length > 0 && !char.IsWhiteSpace(output[^1]);
        if (separate)
        {
            output.Append(' ');
        }

        output.Append(translated);
    }

    private static bool MatchesAt(string source, int index, string phrase) =>
        string.Compare(source, index, phrase, 0, phrase.Length, StringComparison.OrdinalIgnoreCase) == 0
        && (index + phrase.Length == source.Length || !char.IsLetterOrDigit(source[index + phrase.Length]));

    private static int WordLength(string source, int index)
    {
        int end = index;
        while (end < source.Length && (char.IsLetterOrDigit(source[end]) || (source[end] == '\'' && end + 1 < source.Length && char.IsLetter(source[end + 1]))))
        {
            end++;
        }

        return end - index;
    }
}
