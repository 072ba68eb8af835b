using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bytez.AI.DependencyInjection.Tests;

/// <summary>
/// A host with bad Bytez settings fails when it starts, not at the first call, with a message naming the configuration
/// key to fix (issue 14 items 10 and 11). In the process-environment collection: the key's fallback reads
/// <c>BYTEZ_API_KEY</c>, which the no-key case clears.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class StartupValidationTests
{
    private const string Key = "bz-startup-SECRET-key";

    [Fact]
    public async Task A_host_with_no_key_fails_at_start_naming_the_key_setting()
    {
        var previous = Environment.GetEnvironmentVariable(BytezServiceCollectionExtensions.ApiKeyVariableName);
        Environment.SetEnvironmentVariable(BytezServiceCollectionExtensions.ApiKeyVariableName, null);
        try
        {
            using var host = BuildHost(new() { ["Bytez:Endpoint"] = "https://api.bytez.com/" });

            var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

            Assert.Contains("'Bytez:ApiKey' or the BYTEZ_API_KEY environment variable", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(BytezServiceCollectionExtensions.ApiKeyVariableName, previous);
        }
    }

    [Theory]
    [InlineData("Endpoint", "ftp://api.bytez.com/", "must be an absolute http or https address")]
    [InlineData("Endpoint", "http://api.bytez.example/", "AllowInsecureHttp")]
    [InlineData("MaxResponseSize", "12", "MaxResponseSize must be between")]
    [InlineData("Retry:MaxRetryAttempts", "500", "MaxRetryAttempts must be between 0 and 100")]
    [InlineData("Retry:MaxDelay", "Infinite", "MaxDelay must be positive")]
    public async Task An_invalid_setting_fails_at_start_naming_its_configuration_key(string key, string value, string reason)
    {
        using var host = BuildHost(new() { ["Bytez:ApiKey"] = Key, ["Bytez:" + key] = value });

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains($"Fix the configuration value 'Bytez:{key}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, ex.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RequestTimeout", "banana")]
    [InlineData("LoadTimeout", "-00:00:01")]
    [InlineData("Endpoint", "not a uri")]
    [InlineData("ApiVersion", "V3")]
    public async Task A_malformed_value_fails_at_start_naming_its_configuration_key(string key, string value)
    {
        using var host = BuildHost(new() { ["Bytez:ApiKey"] = Key, ["Bytez:" + key] = value });

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains($"'Bytez:{key}'", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_undefined_api_version_set_in_code_fails_at_start_naming_the_valid_values()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Bytez:ApiKey"] = Key });
        builder.Services.AddBytezClient(o => o.ApiVersion = (BytezApiVersion)3);
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Fix the configuration value 'Bytez:ApiVersion'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("BytezApiVersion.V2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("BytezApiVersion.V1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_custom_section_is_named_in_the_message()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Ai:Bytez:ApiKey"] = Key, ["Ai:Bytez:MaxResponseSize"] = "12" });
        builder.Services.AddBytezClient(builder.Configuration.GetSection("Ai:Bytez"));
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("'Ai:Bytez:MaxResponseSize'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Valid_settings_with_zero_poll_interval_and_zero_retry_delay_start()
    {
        using var host = BuildHost(new()
        {
            ["Bytez:ApiKey"] = Key,
            ["Bytez:LoadPollInterval"] = "00:00:00",
            ["Bytez:Retry:BaseDelay"] = "00:00:00",
        });

        await host.StartAsync();

        var client = host.Services.GetRequiredService<BytezClient>();
        Assert.Equal(BytezClientOptions.DefaultEndpoint, client.Endpoint);
        await host.StopAsync();
    }

    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddBytezClient();
        return builder.Build();
    }
}
