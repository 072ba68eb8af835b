using System.Text.Json.Nodes;

namespace Bytez.AI.Emulator.Behaviors.Tools;

/// <summary>
/// The next assistant turn of an emulated tool model, whatever carries the tools (a prompt format, or the
/// OpenAI-compatible endpoint's <c>tools</c>): the calls of the plan's next layer, or, after results, the answer quoting
/// them. Deterministic: the same conversation gives the same turn.
/// </summary>
internal static class ToolTurns
{
    /// <summary>The next turn, or null for an ordinary chat reply (no tool fits the question).</summary>
    public static ToolTurn? Next(ToolConversation conversation)
    {
        var query = QueryFacts.Parse(conversation.Query);
        List<PlannedCall> plan = conversation.Tools.Count > 0 ? ToolPlanner.Plan(query, conversation.Tools, conversation.Requirement) : [];
        if (conversation.EndsWithResults)
        {
            return NextLayer(plan, conversation.Rounds) is { } next ? new ToolTurn(next, null) : new ToolTurn(null, AnswerWriter.Write(query, Exchanges(conversation.Rounds)));
        }

        if (plan.Count == 0)
        {
            return null;
        }

        return new ToolTurn([.. ToolPlanner.Layer(plan, 0).Select(static c => (c.Name, CallText.Arguments(c, static _ => null)))], null);
    }

    /// <summary>The next layer of a nested plan with the earlier results substituted, when the rounds so far followed the plan.</summary>
    private static List<(string Name, JsonObject Arguments)>? NextLayer(List<PlannedCall> plan, List<ToolRound> rounds)
    {
        int done = rounds.Count;
        if (ToolPlanner.Rounds(plan) <= done)
        {
            return null;
        }

        var layers = Enumerable.Range(0, done + 1).Select(h => ToolPlanner.Layer(plan, h)).ToList();
        for (int h = 0; h < done; h++)
        {
            ToolRound round = rounds[h];
            if (!layers[h].Select(static c => c.Name).SequenceEqual(round.Calls.Select(static c => c.Name), StringComparer.Ordinal) ||
                round.Results.Count != round.Calls.Count ||
                round.Results.Any(static r => r.TrimStart().StartsWith("Error:", StringComparison.Ordinal)))
            {
                return null;
            }
        }

        JsonNode? ResultOf(PlannedCall call)
        {
            int h = call.Height;
            int index = layers[h].FindIndex(c => ReferenceEquals(c, call));
            return CallText.ResultValue(rounds[h].Results[index]);
        }

        return [.. layers[done].Select(c => (c.Name, CallText.Arguments(c, ResultOf)))];
    }

    private static List<(RecordedCall Call, string Result)> Exchanges(List<ToolRound> rounds) =>
        [.. rounds.SelectMany(static r => r.Results.Select((result, i) => (i < r.Calls.Count ? r.Calls[i] : new RecordedCall("result", [], string.Empty), result)))];
}
