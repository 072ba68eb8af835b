using Bytez.AI.Emulator;

namespace Bytez.AI.Emulator.Tests;

/// <summary><see cref="BytezEmulator.CreateClient"/> and <see cref="BytezEmulator.CreateClientOptions"/>: the preset users' tests take.</summary>
public sealed class ClientPresetTests
{
    [Fact]
    public async Task Options_point_at_the_emulator_with_an_accepted_key_and_short_load_polls()
    {
        await using var emulator = await EmulatorFixture.StartEmulatorAsync(o => o.AcceptedApiKeys = ["only-this-key"]);

        BytezClientOptions options = emulator.CreateClientOptions();

        Assert.Equal(emulator.Endpoint, options.Endpoint);
        Assert.Equal("only-this-key", options.ApiKey);
        Assert.Equal(TimeSpan.FromMilliseconds(20), options.LoadPollInterval);
        Assert.Equal(BytezEmulator.ClientLoadPollInterval, options.LoadPollInterval);
        Assert.NotSame(options, emulator.CreateClientOptions());
    }

    [Theory]
    [BothApiVersions]
    public async Task The_client_runs_against_an_emulator_that_checks_keys_and_on_v1_loads_and_stops(BytezApiVersion api)
    {
        await using var emulator = await EmulatorFixture.StartEmulatorAsync(o => o.AcceptedApiKeys = ["only-this-key"]);
        emulator.Script(TestModels.TextGeneration).Reply(" a scripted continuation");
        BytezClientOptions options = emulator.CreateClientOptions();
        options.ApiVersion = api;

        using (BytezClient client = new(options))
        {
            Assert.Equal(emulator.Endpoint, client.Endpoint);
            BytezModel model = client.GetModel(TestModels.TextGeneration);
            BytezLoadResult load = await model.LoadAsync();
            Assert.Equal(api == BytezApiVersion.V1 ? BytezLoadOutcome.Started : BytezLoadOutcome.Serverless, load.Outcome);
            BytezRunResult result = await model.RunAsync("Once upon a time");
            Assert.Equal("Once upon a time a scripted continuation", result.GetGeneratedText()); // text generation echoes the prompt
            if (api == BytezApiVersion.V1)
            {
                await model.StopAsync();
            }
        }

        Assert.Equal(api == BytezApiVersion.V1 ? 1 : 0, emulator.RequestLog.LoadCount(TestModels.TextGeneration));
        Assert.Equal(1, emulator.RequestLog.RunCount(TestModels.TextGeneration));
        Assert.Empty(emulator.Instances);
        Assert.DoesNotContain(emulator.RequestLog.Entries, e => e.StatusCode == 401);
    }

    [Fact]
    public async Task The_preset_speaks_v2_the_client_default()
    {
        await using var emulator = await EmulatorFixture.StartEmulatorAsync(o => o.Api = BytezEmulatorApi.V2);
        using BytezClient client = emulator.CreateClient();

        Assert.Equal(BytezApiVersion.V2, client.ApiVersion);
        Assert.NotEmpty(await client.ListModelsAsync());
        Assert.Equal(1, emulator.RequestLog.Count(EmulatorRequestKind.V2ListModels));
    }

    [Fact]
    public async Task Without_accepted_keys_any_key_is_sent()
    {
        await using var emulator = await EmulatorFixture.StartEmulatorAsync();
        using BytezClient client = emulator.CreateClient();

        Assert.NotEmpty(await client.ListModelsAsync());
        Assert.False(string.IsNullOrWhiteSpace(emulator.CreateClientOptions().ApiKey));
    }
}
