using Bytez.AI.Emulator;
using Bytez.AI.Tests.Reliability.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bytez.AI.Tests.Reliability;

/// <summary>The API key never leaves the Authorization header, and never travels unencrypted without consent.</summary>
public sealed class SecurityTests
{
    [Theory]
    [InlineData("http://api.bytez.example/")]
    [InlineData("http://10.0.0.5:8080/")]
    public void Plain_HTTP_to_a_host_that_is_not_loopback_needs_AllowInsecureHttp(string endpoint)
    {
        var ex = Assert.Throws<ArgumentException>(() => new BytezClient(new BytezClientOptions { ApiKey = Harness.ApiKey, Endpoint = new Uri(endpoint) }));
        Assert.Contains("AllowInsecureHttp", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Harness.ApiKey, ex.ToString(), StringComparison.Ordinal);

        using var allowed = new BytezClient(new BytezClientOptions { ApiKey = Harness.ApiKey, Endpoint = new Uri(endpoint), AllowInsecureHttp = true });
        Assert.Equal(new Uri(endpoint), allowed.Endpoint);
    }

    [Theory]
    [InlineData("https://api.bytez.com/")]
    [InlineData("http://127.0.0.1:5000/")]
    [InlineData("http://localhost:5000/")]
    [InlineData("http://[::1]:5000/")]
    public void HTTPS_and_loopback_need_no_opt_in(string endpoint)
    {
        using var client = new BytezClient(new BytezClientOptions { ApiKey = Harness.ApiKey, Endpoint = new Uri(endpoint) });
        Assert.Equal(new Uri(endpoint), client.Endpoint);
    }

    [Fact]
    public void Options_ToString_shows_the_retry_settings_but_not_the_key()
    {
        var options = new BytezClientOptions { ApiKey = Harness.ApiKey };

        Assert.Contains("MaxRetryAttempts = 3", options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Harness.ApiKey, options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IHttpClientFactory_header_logs_never_show_the_key_even_when_the_app_unredacts_every_header()
    {
        await using var emulator = await BytezEmulator.StartAsync(Harness.EmulatorOptions());
        var logs = new CapturingLoggerFactory();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddBytezClient(o =>
        {
            o.Endpoint = emulator.Endpoint;
            o.ApiKey = Harness.ApiKey;
            o.ApiVersion = BytezApiVersion.V1;
            o.Retry = Harness.FastRetries();
        }).RedactLoggedHeaders([]); // "redact nothing": the app's choice must not expose the key.
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<BytezClient>();
        var model = client.GetModel(TestModels.Chat);
        emulator.Script(TestModels.Chat).Fault(EmulatorFault.ServerErrorHtml, 1, EmulatorOperation.Status);

        await client.ListModelsAsync();
        var status = await model.GetStatusAsync();

        Assert.Equal("STOPPED", status.Status);
        Assert.Equal(2, emulator.RequestLog.Count(EmulatorRequestKind.Status)); // the DI client retries too
        Assert.Contains("Authorization: *", logs.AllText, StringComparison.Ordinal); // headers were logged, redacted
        Assert.Contains("User-Agent: Bytez.AI", logs.AllText, StringComparison.Ordinal); // and only Authorization is forced
        Assert.DoesNotContain(Harness.ApiKey, logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddBytezRetryHandler_adds_the_retry_policy_to_an_app_registered_client()
    {
        await using var emulator = await BytezEmulator.StartAsync(Harness.EmulatorOptions());
        var services = new ServiceCollection();
        services.AddHttpClient("mine").AddBytezRetryHandler(r =>
        {
            r.BaseDelay = TimeSpan.FromMilliseconds(1);
            r.UseJitter = false;
        });
        await using var provider = services.BuildServiceProvider();
        using var client = new BytezClient(new BytezClientOptions
        {
            Endpoint = emulator.Endpoint,
            ApiKey = Harness.ApiKey,
            ApiVersion = BytezApiVersion.V1,
            HttpClient = provider.GetRequiredService<IHttpClientFactory>().CreateClient("mine"),
        });
        emulator.Script(TestModels.Chat).Fault(EmulatorFault.RateLimitedWithoutRetryAfter, 1, EmulatorOperation.Status);

        await client.GetModel(TestModels.Chat).GetStatusAsync();

        Assert.Equal(2, emulator.RequestLog.Count(EmulatorRequestKind.Status));
    }
}
