using Bytez.AI.Docs.Tests.Running;
using Bytez.AI.Emulator;

namespace Bytez.AI.Docs.Tests.Snippets;

/// <summary>
/// One tool-calling round trip on the tool model: the model calls a weather tool for Paris (Hermes format), the tool's
/// result goes back, the model answers. For the blocks that show prompt tool calling over a client without a tool API.
/// </summary>
internal static class WeatherToolRoundTrip
{
    /// <summary>Scripts the two replies: the call, then the answer.</summary>
    /// <param name="toolName">The name the block's tool has.</param>
    /// <param name="answer">The final answer.</param>
    /// <returns>The arrangement.</returns>
    public static Action<BytezEmulator> Script(string toolName, string answer) => emulator => emulator.Script(Wrappers.ToolModel)
        .Reply($$$"""<tool_call>{"name": "{{{toolName}}}", "arguments": {"city": "Paris"}}</tool_call>""")
        .Reply(answer);

    /// <summary>Asserts that the tool ran for Paris (the wrapper records the city), its result reached the model, and the answer was printed.</summary>
    /// <param name="run">The run.</param>
    /// <param name="toolResult">What the tool returned.</param>
    /// <param name="answer">The final answer.</param>
    public static void Verify(SnippetRun run, string toolResult, string answer)
    {
        Assert.Equal("Paris", run.Value<string>("city"));
        run.SentToModel(Wrappers.ToolModel, toolResult);
        run.Printed(answer);
        run.LeftNothingRunning();
    }
}
