using Bytez.AI.Samples.ProviderSwap;

namespace Bytez.AI.Samples.Tests;

public sealed class ProviderSwapTests
{
    [Fact]
    public async Task Default_configuration_uses_Bytez_through_IChatClient()
    {
        var run = await SampleRun.StartAsync(ProviderSwapApp.RunAsync);

        run.AssertSucceededAndStoppedEverything();
        Assert.Equal("Bytez", run.LineAfter("Provider from configuration: "));
        Assert.StartsWith("bytez, model Qwen/Qwen2.5-7B-Instruct", run.LineAfter("Provider: "), StringComparison.Ordinal);
        Assert.NotEmpty(run.LineAfter("Assistant: "));
        Assert.NotEmpty(run.LineAfter("Assistant (streamed): "));
    }

    [Fact]
    public async Task Command_line_overrides_the_provider_and_its_errors_are_reported()
    {
        // No OpenAI-compatible server is reachable here: the point is that configuration, not code, picks the
        // provider, and that a failure gives a clear message and a non-zero exit code.
        var run = await SampleRun.StartAsync(ProviderSwapApp.RunAsync, "--Provider", "OpenAI", "--OpenAI:Endpoint", "http://127.0.0.1:9/v1");

        Assert.Equal("OpenAI", run.LineAfter("Provider from configuration: "));
        Assert.StartsWith("openai", run.LineAfter("Provider: "), StringComparison.Ordinal);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Provider swap failed: ", run.Output, StringComparison.Ordinal);
    }
}
