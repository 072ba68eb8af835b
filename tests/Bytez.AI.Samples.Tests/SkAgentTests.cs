using Bytez.AI.Samples.SkAgent;

namespace Bytez.AI.Samples.Tests;

public sealed class SkAgentTests
{
    [Theory]
    [InlineData(BytezApiVersion.V1)]
    [InlineData(BytezApiVersion.V2)]
    public async Task Agent_calls_both_plugins_over_several_turns(BytezApiVersion api)
    {
        var run = await SampleRun.StartAsync(api, SkAgentApp.RunAsync);

        run.AssertSucceededAndStoppedEverything();
        Assert.Equal(SkAgentApp.Turns.Count, run.Output.Split("== Turn\n").Length - 1);
        Assert.Contains("Plugin call: Weather.get_weather(city: Oslo) -> 18 °C and light rain in Oslo", run.Output, StringComparison.Ordinal);
        Assert.Contains("Plugin call: Units.celsius_to_fahrenheit(celsius: 18) -> 64.4", run.Output, StringComparison.Ordinal);
        Assert.Equal(SkAgentApp.Turns.Count, run.Output.Split("\nAssistant: ").Length - 1);
    }
}
