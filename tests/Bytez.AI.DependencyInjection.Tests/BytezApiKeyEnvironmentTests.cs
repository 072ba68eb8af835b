using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bytez.AI.DependencyInjection.Tests;

/// <summary>The BYTEZ_API_KEY environment variable fallback (process-wide state: kept in one non-parallel collection).</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class BytezApiKeyEnvironmentTests
{
    [Fact]
    public async Task TheEnvironmentVariable_IsTheLastFallback_ForTheKey()
    {
        await using var env = await EmulatorFixture.StartAsync(o => o.AcceptedApiKeys = ["env-key"]);
        string? previous = Environment.GetEnvironmentVariable(BytezServiceCollectionExtensions.ApiKeyVariableName);
        Environment.SetEnvironmentVariable(BytezServiceCollectionExtensions.ApiKeyVariableName, "env-key");
        try
        {
            // No IConfiguration registered at all: the variable is read directly.
            var services = new ServiceCollection();
            services.AddBytezClient(o => o.Endpoint = env.Endpoint);
            await using ServiceProvider provider = services.BuildServiceProvider();
            Assert.NotEmpty(await provider.GetRequiredService<BytezClient>().ListModelsAsync());

            // Through configuration's environment variables provider, with a section that has a key: the section wins.
            var withSection = new ServiceCollection();
            withSection.AddSingleton<IConfiguration>(new ConfigurationBuilder()
                .AddEnvironmentVariables()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Bytez:ApiKey"] = "section-key" })
                .Build());
            withSection.AddBytezClient(o => o.Endpoint = env.Endpoint);
            await using ServiceProvider p2 = withSection.BuildServiceProvider();
            Assert.Equal("section-key", p2.GetRequiredService<IOptions<BytezClientOptions>>().Value.ApiKey);
        }
        finally
        {
            Environment.SetEnvironmentVariable(BytezServiceCollectionExtensions.ApiKeyVariableName, previous);
        }
    }
}
