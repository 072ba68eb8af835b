using Bytez.AI.Emulator.Behaviors.Tasks;
using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Behaviors.Tools;

/// <summary>
/// NexusRaven-V2 (a completion model): for a prompt of <c>Function:</c> blocks and <c>User Query: ...&lt;human_end&gt;</c>
/// it continues with <c>Call: f(a='x', b=g(c=1))&lt;bot_end&gt;</c> and a <c>Thought:</c> line; NexusRaven always calls a
/// function. For the answer prompt (<c>User Query:</c>, <c>Function Results:</c> lines <c>name(args) -&gt; result</c>) it
/// answers in plain text from the results. Other prompts are completed like any text-generation model. As in v1, the
/// prompt is echoed before the continuation, in bodies and streams.
/// </summary>
internal sealed class PythonicToolBehavior : TextGenerationBehavior
{
    private const string QueryMarker = "User Query:";
    private const string HumanEnd = "<human_end>";
    private const string BotEnd = "<bot_end>";
    private const string ResultsHeading = "\nFunction Results:\n";

    protected override string CreateContinuation(EmulatorRunRequest request, string prompt, int newTokens)
    {
        string? continuation = ToolContinuation(prompt);
        return continuation is null ? base.CreateContinuation(request, prompt, newTokens) : WordTokenizer.TruncateWords(continuation, newTokens);
    }

    protected override IReadOnlyList<string> StreamChunks(EmulatorRunRequest request, string prompt, string generated) =>
        IsToolPrompt(prompt) ? [.. TextChunker.SplitWords(prompt), .. FineChunker.Split(generated)] : base.StreamChunks(request, prompt, generated);

    /// <summary>The model's continuation of a function-calling or answer prompt, or null for any other prompt.</summary>
    internal static string? ToolContinuation(string prompt)
    {
        if (!IsToolPrompt(prompt))
        {
            return null;
        }

        int results = prompt.IndexOf(ResultsHeading, StringComparison.Ordinal);
        if (results >= 0)
        {
            return Answer(prompt, results);
        }

        var tools = PythonicDeclarations.Read(prompt);
        var query = QueryFacts.Parse(Query(prompt));
        var calls = ToolPlanner.Plan(query, tools, ToolRequirement.Any);
        if (calls.Count == 0)
        {
            return null;
        }

        string thought = $"\nThought: To answer \"{query.Text.Trim()}\", I call {string.Join(" and ", calls.Select(static c => c.Name))}.";
        return "Call: " + string.Join("; ", calls.Select(CallText.Python)) + BotEnd + thought;
    }

    private static bool IsToolPrompt(string prompt) =>
        prompt.Contains(QueryMarker, StringComparison.Ordinal) &&
        (prompt.Contains(ResultsHeading, StringComparison.Ordinal) || prompt.Contains(PythonicDeclarations.BlockMarker, StringComparison.Ordinal));

    /// <summary>The text between the last <c>User Query:</c> and <c>&lt;human_end&gt;</c> (or the blank line before the results).</summary>
    private static string Query(string prompt)
    {
        int start = prompt.LastIndexOf(QueryMarker, StringComparison.Ordinal) + QueryMarker.Length;
        int end = prompt.IndexOf(HumanEnd, start, StringComparison.Ordinal);
        int blank = prompt.IndexOf("\n\n", start, StringComparison.Ordinal);
        if (end < 0 || (blank >= 0 && blank < end))
        {
            end = blank;
        }

        return (end < 0 ? prompt[start..] : prompt[start..end]).Trim();
    }

    /// <summary>Plain text from the <c>name(args) -&gt; result</c> lines.</summary>
    private static string Answer(string prompt, int results)
    {
        string query = Query(prompt[..results]);
        var exchanges = new List<(RecordedCall, string)>();
        foreach (string line in prompt[(results + ResultsHeading.Length)..].Split('\n'))
        {
            int open = line.IndexOf('(', StringComparison.Ordinal);
            int arrow = line.IndexOf(") -> ", StringComparison.Ordinal);
            if (open <= 0 || arrow < open)
            {
                if (line.StartsWith("Answer the User Query", StringComparison.Ordinal))
                {
                    break;
                }

                continue;
            }

            // The first ") -> ": arguments are literals the client wrote, results are arbitrary tool output.
            exchanges.Add((RecordedCall.FromPython(line[..open], line[(open + 1)..arrow]), line[(arrow + 5)..]));
        }

        return AnswerWriter.Write(QueryFacts.Parse(query), exchanges);
    }
}
