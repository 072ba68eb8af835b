using Bytez.AI.Docs.Tests.Running;
using static Bytez.AI.Docs.Tests.Snippets.Wrappers;

namespace Bytez.AI.Docs.Tests.Snippets;

/// <summary>The checks of src/Bytez.AI.Emulator/README.md's C# blocks (the package's README on NuGet).</summary>
internal static class EmulatorReadmeSnippets
{
    public static IEnumerable<SnippetCheck> Checks =>
    [
        // The block starts its own emulators, as a user's test does; both facts must have run and passed.
        new("emulator-package-xunit", XunitFacts, run =>
        {
            Assert.True(run.Value<bool>("fact:SupportBotTests.Answers_then_reports_a_rate_limit"));
            Assert.True(run.Value<bool>("fact:SupportBotTests.Fills_a_typed_answer_without_a_script"));
        }),

        // The registered behaviour, not the built-in chat model, answered.
        new("emulator-package-behavior", Complete, run => run.Printed("Sorry, I am busy.")),
    ];
}
