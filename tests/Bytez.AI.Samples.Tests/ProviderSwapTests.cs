using Bytez.AI.Emulator;
using Bytez.AI.Samples.ProviderSwap;

namespace Bytez.AI.Samples.Tests;

public sealed class ProviderSwapTests
{
    [Theory]
    [InlineData(BytezApiVersion.V1)]
    [InlineData(BytezApiVersion.V2)]
    public async Task Default_configuration_uses_Bytez_through_IChatClient(BytezApiVersion api)
    {
        var run = await SampleRun.StartAsync(api, ProviderSwapApp.RunAsync);

        run.AssertSucceededAndStoppedEverything();
        Assert.Equal("Bytez", run.LineAfter("Provider from configuration: "));
        Assert.StartsWith("bytez, model Qwen/Qwen2.5-7B-Instruct", run.LineAfter("Provider: "), StringComparison.Ordinal);
        Assert.Contains("24 °C and clear skies in Lisbon", run.LineAfter("Assistant: "), StringComparison.Ordinal);
        Assert.NotEmpty(run.LineAfter("Assistant (streamed): "));
    }

    [Fact]
    public async Task Command_line_switches_to_an_OpenAI_compatible_endpoint_with_no_code_change()
    {
        // The emulator also speaks Bytez's OpenAI-compatible API, so it can stand in for "any OpenAI endpoint".
        // The model must take tools there (the sample declares one): Qwen2.5 has a tool-calling chat template, Phi-3 has none.
        await using var openAICompatible = await BytezEmulator.StartAsync();
        var endpoint = new Uri(openAICompatible.Endpoint, "models/v2/openai/v1").ToString();

        var run = await SampleRun.StartAsync(
            BytezApiVersion.V2,
            ProviderSwapApp.RunAsync,
            "--Provider", "OpenAI", "--OpenAI:Endpoint", endpoint, "--OpenAI:Model", "Qwen/Qwen2.5-7B-Instruct", "--OpenAI:ApiKey", "test-key");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal("OpenAI", run.LineAfter("Provider from configuration: "));
        Assert.StartsWith("openai, model Qwen/Qwen2.5-7B-Instruct", run.LineAfter("Provider: "), StringComparison.Ordinal);
        Assert.DoesNotContain("Using the embedded Bytez emulator", run.Output, StringComparison.Ordinal);
        Assert.NotEmpty(run.LineAfter("Assistant: "));
        Assert.NotEmpty(run.LineAfter("Assistant (streamed): "));
        Assert.True(openAICompatible.RequestLog.Entries.Count >= 2, "The OpenAI-compatible endpoint was not called.");
    }

    [Fact]
    public async Task An_unknown_provider_fails_with_a_clear_message_and_exit_code_1()
    {
        var run = await SampleRun.StartAsync(BytezApiVersion.V2, ProviderSwapApp.RunAsync, "--Provider", "Nonsense");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Provider swap failed: ", run.Output, StringComparison.Ordinal);
        Assert.Contains("Nonsense", run.LineAfter("Provider swap failed: "), StringComparison.Ordinal);
    }
}
