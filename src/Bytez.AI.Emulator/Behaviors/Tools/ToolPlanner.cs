namespace Bytez.AI.Emulator.Behaviors.Tools;

/// <summary>Decides an emulated tool model's calls for a question, and splits nested calls into rounds for formats that cannot nest.</summary>
internal static class ToolPlanner
{
    /// <summary>The calls that answer <paramref name="query"/> (empty when no tool fits and none is required).</summary>
    public static List<PlannedCall> Plan(QueryFacts query, IReadOnlyList<ToolDeclaration> tools, ToolRequirement requirement)
    {
        var filler = new ArgumentFiller(query, tools);
        return [.. ToolSelector.Select(query, tools, requirement).SelectMany(filler.Calls)];
    }

    /// <summary>
    /// The calls of round <paramref name="round"/> when nested calls are made one layer at a time (JSON formats): round 0
    /// holds every call whose arguments are literals, round <c>k</c> the calls whose deepest argument call is in round
    /// <c>k - 1</c>. Calls appear in evaluation order (arguments before the call that uses them).
    /// </summary>
    public static List<PlannedCall> Layer(IReadOnlyList<PlannedCall> plan, int round)
    {
        var layer = new List<PlannedCall>();
        foreach (PlannedCall call in plan)
        {
            Visit(call);
        }

        return layer;

        void Visit(PlannedCall call)
        {
            foreach (PlannedArgument argument in call.Arguments)
            {
                if (argument.Call is { } inner)
                {
                    Visit(inner);
                }
            }

            if (call.Height == round)
            {
                layer.Add(call);
            }
        }
    }

    /// <summary>The number of rounds the plan needs (1 without nesting).</summary>
    public static int Rounds(IReadOnlyList<PlannedCall> plan) => plan.Count == 0 ? 0 : plan.Max(static c => c.Height) + 1;
}
