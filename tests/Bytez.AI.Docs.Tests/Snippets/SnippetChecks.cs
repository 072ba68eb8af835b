using Bytez.AI.Docs.Tests.Running;

namespace Bytez.AI.Docs.Tests.Snippets;

/// <summary>Every check, by the id of the <c>&lt;!-- snippet: id --&gt;</c> marker it belongs to.</summary>
internal static class SnippetChecks
{
    public static IReadOnlyDictionary<string, SnippetCheck> ById { get; } =
        ReadmeSnippets.Checks.Concat(ToolCallingReadmeSnippets.Checks).Concat(EmulatorReadmeSnippets.Checks).ToDictionary(c => c.Id, StringComparer.Ordinal);
}
