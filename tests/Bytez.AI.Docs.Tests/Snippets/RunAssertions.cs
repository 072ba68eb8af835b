using Bytez.AI.Docs.Tests.Running;
using Bytez.AI.Emulator;

namespace Bytez.AI.Docs.Tests.Snippets;

/// <summary>Assertions the checks share, written to hold on either protocol generation (v1 loads, v2 serverless).</summary>
internal static class RunAssertions
{
    /// <summary>Asserts that the program printed a text.</summary>
    /// <param name="run">The run.</param>
    /// <param name="text">The text.</param>
    public static void Printed(this SnippetRun run, string text) =>
        Assert.True(run.Output.Contains(text, StringComparison.Ordinal), $"The snippet should print \"{text}\"; it printed:\n{run.Output}");

    /// <summary>Asserts that nothing the program started is still running, and that every instance it loaded it also stopped.</summary>
    /// <param name="run">The run.</param>
    public static void LeftNothingRunning(this SnippetRun run)
    {
        Assert.Empty(run.Emulator.Instances);
        Assert.Equal(run.Emulator.RequestLog.InstancesStarted, run.Emulator.RequestLog.StopCount());
    }

    /// <summary>Asserts that a model was run a number of times (on any endpoint).</summary>
    /// <param name="run">The run.</param>
    /// <param name="modelId">The model.</param>
    /// <param name="count">The expected count.</param>
    public static void Ran(this SnippetRun run, string modelId, int count) =>
        Assert.Equal(count, run.Emulator.RequestLog.RunCount(modelId));

    /// <summary>Asserts that some run of a model sent a text (a tool result going back to the model, say).</summary>
    /// <param name="run">The run.</param>
    /// <param name="modelId">The model.</param>
    /// <param name="text">The text, as JSON-escaped in the request body.</param>
    public static void SentToModel(this SnippetRun run, string modelId, string text) =>
        Assert.Contains(run.Emulator.RequestLog.Entries, e => e.ModelId == modelId && IsRun(e.Kind) && e.Body.Contains(text, StringComparison.Ordinal));

    private static bool IsRun(EmulatorRequestKind kind) => kind is EmulatorRequestKind.Run or EmulatorRequestKind.RunStream
        or EmulatorRequestKind.V2Run or EmulatorRequestKind.V2RunStream or EmulatorRequestKind.OpenAIChat or EmulatorRequestKind.OpenAIChatStream;
}
