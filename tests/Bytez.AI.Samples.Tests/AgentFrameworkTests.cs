using Bytez.AI.Samples.AgentFramework;

namespace Bytez.AI.Samples.Tests;

public sealed class AgentFrameworkTests
{
    [Theory]
    [InlineData(BytezApiVersion.V1)]
    [InlineData(BytezApiVersion.V2)]
    public async Task Agent_calls_both_tools_streams_its_answers_and_remembers_the_session(BytezApiVersion api)
    {
        var run = await SampleRun.StartAsync(api, AgentFrameworkApp.RunAsync);

        run.AssertSucceededAndStoppedEverything();
        Assert.Equal(AgentFrameworkApp.Turns.Count, run.Output.Split("== Turn\n").Length - 1);
        Assert.Contains("  Tool call: get_weather(city: Oslo)\n  Tool result: 18 °C and light rain in Oslo\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("  Tool call: celsius_to_fahrenheit(celsius: 18)\n  Tool result: 64.4\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("18 °C and light rain", run.LineAfter("Tool result: 18 °C and light rain in Oslo\nAssistant: "), StringComparison.Ordinal);
        Assert.Contains("64.4", run.LineAfter("Tool result: 64.4\nAssistant: "), StringComparison.Ordinal);
        Assert.Equal(AgentFrameworkApp.Turns.Count, run.Output.Split("\nAssistant: ").Length - 1);

        // Streaming: every run was a streamed run, and each turn arrived as several updates.
        Assert.All(run.RunBodies, body => Assert.Contains("\"stream\":true", body, StringComparison.Ordinal));
        Assert.All(run.Output.Split('\n').Where(l => l.EndsWith("streamed updates)", StringComparison.Ordinal)), line =>
            Assert.True(int.Parse(line.Trim()[1..line.Trim().IndexOf(' ', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture) > 1, line));

        // The session: the last turn's request carries the earlier turns, their tool calls and results.
        string last = run.RunBodies[^1];
        Assert.Contains(AgentFrameworkApp.Turns[^1], last, StringComparison.Ordinal);
        Assert.Contains(AgentFrameworkApp.Turns[0], last, StringComparison.Ordinal);
        Assert.Contains("64.4", last, StringComparison.Ordinal);
    }
}
