namespace Bytez.AI.Emulator.Behaviors.Tools;

/// <summary>
/// Chooses the tools a question asks for, by word overlap: a query word in a tool's name counts 3, in its description 1.
/// A tool is a candidate with a name hit or two description hits; candidates are taken best first while they cover a
/// query word no chosen tool covers yet (so two weather tools do not both answer one "weather"), then ordered by where
/// their words appear in the question ("weather and time" calls the weather tool first).
/// </summary>
internal static class ToolSelector
{
    public static List<ToolDeclaration> Select(QueryFacts query, IReadOnlyList<ToolDeclaration> tools, ToolRequirement requirement)
    {
        if (requirement.FunctionName is { } required)
        {
            return [.. tools.Where(t => t.Name == required).Take(1)];
        }

        var scored = tools.Select((tool, index) => Score(query, tool, index)).ToList();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        var chosen = new List<Scored>();
        foreach (Scored candidate in scored
            .Where(static s => s.NameHits > 0 || s.DescriptionHits >= 2)
            .OrderByDescending(static s => s.Points)
            .ThenByDescending(s => ArgumentFiller.CanFillDirectly(s.Tool, query))
            .ThenBy(static s => s.Index))
        {
            if (candidate.KeyWords.Any(w => !covered.Contains(w)))
            {
                chosen.Add(candidate);
                covered.UnionWith(candidate.AllWords);
            }
        }

        if (chosen.Count == 0 && requirement.Required && scored.Count > 0)
        {
            chosen.Add(scored.OrderByDescending(static s => s.Points).ThenBy(static s => s.Index).First());
        }

        return [.. chosen.OrderBy(s => s.KeyWords.Select(query.PositionOf).DefaultIfEmpty(int.MaxValue).Min()).ThenBy(static s => s.Index).Select(static s => s.Tool)];
    }

    private static Scored Score(QueryFacts query, ToolDeclaration tool, int index)
    {
        var nameWords = ToolWords.ContentOfIdentifier(tool.Name);
        var descriptionWords = ToolWords.Content(tool.Description);
        var nameHits = query.Words.Where(nameWords.Contains).ToList();
        var descriptionHits = query.Words.Where(w => !nameWords.Contains(w) && descriptionWords.Contains(w)).ToList();
        return new Scored(
            tool,
            index,
            (3 * nameHits.Count) + descriptionHits.Count,
            nameHits.Count,
            descriptionHits.Count,
            nameHits.Count > 0 ? nameHits : descriptionHits,
            [.. nameHits, .. descriptionHits]);
    }

    private sealed record Scored(ToolDeclaration Tool, int Index, int Points, int NameHits, int DescriptionHits, List<string> KeyWords, List<string> AllWords);
}
