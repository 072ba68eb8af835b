using System.Globalization;
using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Behaviors.Tools;

/// <summary>
/// What an emulated tool model reads from the user's question: content words (for choosing tools) and candidate
/// argument values (places, other capitalised names, numbers, quoted strings).
/// </summary>
internal sealed class QueryFacts
{
    private static readonly HashSet<string> PlacePrepositions = new(StringComparer.Ordinal) { "in", "for", "at", "near", "from", "to", "of" };

    private QueryFacts(string text)
    {
        Text = text;
        Words = ToolWords.Content(text);
    }

    /// <summary>Gets the question as sent.</summary>
    public string Text { get; }

    /// <summary>Gets the normalised content words, in order.</summary>
    public List<string> Words { get; }

    /// <summary>Gets capitalised names after <c>in</c>/<c>for</c>/... (and their <c>and</c>/comma-joined followers): "Paris", "New York".</summary>
    public List<string> Places { get; } = [];

    /// <summary>Gets every capitalised name that is not an ordinary sentence-initial word (places included).</summary>
    public List<string> Names { get; } = [];

    /// <summary>Gets the numbers, as written.</summary>
    public List<string> Numbers { get; } = [];

    /// <summary>Gets quoted strings, without their quotes.</summary>
    public List<string> Quoted { get; } = [];

    public static QueryFacts Parse(string text)
    {
        var facts = new QueryFacts(text);
        facts.ReadQuoted();
        facts.ReadNamesAndNumbers();
        return facts;
    }

    /// <summary>The position of <paramref name="normalizedWord"/> among the content words, or int.MaxValue.</summary>
    public int PositionOf(string normalizedWord)
    {
        int index = Words.IndexOf(normalizedWord);
        return index < 0 ? int.MaxValue : index;
    }

    /// <summary>The text after the last "for"/"about"/"on" (or the whole question), for free-text parameters such as <c>query</c>.</summary>
    public string Topic()
    {
        List<WordToken> tokens = WordTokenizer.Tokenize(Text);
        for (int i = tokens.Count - 2; i >= 0; i--)
        {
            if (tokens[i].Text.ToLowerInvariant() is "for" or "about")
            {
                return Text[tokens[i + 1].Start..].TrimEnd('?', '.', '!', ' ');
            }
        }

        return Text.Trim().TrimEnd('?', '.', '!');
    }

    private void ReadQuoted()
    {
        for (int i = 0; i < Text.Length; i++)
        {
            char q = Text[i];
            bool opens = (q == '"' || q == '\'' || q == '\u201C') && (i == 0 || !char.IsLetterOrDigit(Text[i - 1]));
            if (!opens)
            {
                continue;
            }

            char close = q == '\u201C' ? '\u201D' : q;
            int end = Text.IndexOf(close, i + 1);
            if (end > i + 1 && (end + 1 == Text.Length || !char.IsLetterOrDigit(Text[end + 1])))
            {
                Quoted.Add(Text[(i + 1)..end]);
                i = end;
            }
        }
    }

    private void ReadNamesAndNumbers()
    {
        List<WordToken> tokens = WordTokenizer.Tokenize(Text);
        bool listContinues = false;
        int consumed = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            WordToken token = tokens[i];
            if (token.Start < consumed)
            {
                continue;
            }

            if (char.IsDigit(token.Text[0]))
            {
                string number = NumberAt(token, out consumed);
                Numbers.Add(number);
                continue;
            }

            if (!char.IsUpper(token.Text[0]))
            {
                string lower = token.Text.ToLowerInvariant();
                listContinues = listContinues && lower is "and" or "or";
                continue;
            }

            // A run of capitalised words is one name ("New York"); "I" and sentence-initial question words are not names.
            int last = i;
            while (last + 1 < tokens.Count && char.IsUpper(tokens[last + 1].Text[0]) && OnlySpaceBetween(tokens[last], tokens[last + 1]))
            {
                last++;
            }

            string name = Text[token.Start..tokens[last].End];
            string previous = i > 0 ? tokens[i - 1].Text.ToLowerInvariant() : string.Empty;
            bool sentenceInitial = Text[..token.Start].TrimEnd() is var before && (before.Length == 0 || before[^1] is '.' or '?' or '!' or ':' or '"');
            bool ordinary = token.Text == "I" || (last == i && sentenceInitial && !IsAcronym(token.Text));
            bool joined = listContinues && i > 0 && (previous is "and" or "or" || Text[tokens[i - 1].End..token.Start].Contains(',', StringComparison.Ordinal));
            if (!ordinary && !Names.Contains(name))
            {
                Names.Add(name);
                if ((PlacePrepositions.Contains(previous) || joined) && !Places.Contains(name))
                {
                    Places.Add(name);
                }
            }

            listContinues = !ordinary && (PlacePrepositions.Contains(previous) || joined);
            i = last;
        }
    }

    private string NumberAt(WordToken token, out int end)
    {
        // The tokenizer splits "12.5" into "12" and "5" and drops a minus sign: read the number from the text itself.
        int start = token.Start > 0 && Text[token.Start - 1] == '-' && (token.Start == 1 || !char.IsLetterOrDigit(Text[token.Start - 2])) ? token.Start - 1 : token.Start;
        end = token.End;
        if (end + 1 < Text.Length && Text[end] == '.' && char.IsDigit(Text[end + 1]))
        {
            end++;
            while (end < Text.Length && char.IsDigit(Text[end]))
            {
                end++;
            }
        }

        string number = Text[start..end];
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return number;
        }

        end = token.End;
        return token.Text;
    }

    private bool OnlySpaceBetween(WordToken a, WordToken b) => b.Start == a.End + 1 && Text[a.End] == ' ';

    private static bool IsAcronym(string word) => word.Length > 1 && word.All(static c => char.IsUpper(c) || char.IsDigit(c));
}
