using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bytez.AI.DependencyInjection.Tests;

/// <summary>Unit tests of the hand-written (AOT-safe) configuration reader.</summary>
public sealed class BytezConfigurationReaderTests
{
    [Fact]
    public void AbsentKeys_KeepTheDefaults()
    {
        var options = new BytezClientOptions();

        BytezConfigurationReader.Apply(options, Section(new()));

        Assert.Equal(BytezClientOptions.DefaultEndpoint, options.Endpoint);
        Assert.Equal(TimeSpan.FromMinutes(15), options.RequestTimeout);
        Assert.Null(options.ApiKey);
        Assert.False(options.AllowInsecureHttp);
    }

    [Fact]
    public void EveryKey_IsRead()
    {
        var options = new BytezClientOptions();

        BytezConfigurationReader.Apply(options, Section(new()
        {
            ["Bytez:Endpoint"] = "http://10.0.0.5:8080/",
            ["Bytez:ApiKey"] = " key ",
            ["Bytez:RequestTimeout"] = "Infinite",
            ["Bytez:LoadTimeout"] = "00:20:00",
            ["Bytez:LoadPollInterval"] = "00:00:02",
            ["Bytez:AllowInsecureHttp"] = "True",
        }));

        Assert.Equal(new Uri("http://10.0.0.5:8080/"), options.Endpoint);
        Assert.Equal("key", options.ApiKey);
        Assert.Equal(Timeout.InfiniteTimeSpan, options.RequestTimeout);
        Assert.Equal(TimeSpan.FromMinutes(20), options.LoadTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2), options.LoadPollInterval);
        Assert.True(options.AllowInsecureHttp);
    }

    [Theory]
    [InlineData("Endpoint", "not a uri")]
    [InlineData("RequestTimeout", "-00:00:01")]
    [InlineData("LoadPollInterval", "often")]
    [InlineData("AllowInsecureHttp", "yes")]
    public void MalformedValues_Throw_NamingTheKey_ButNeverEchoingTheApiKey(string key, string value)
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            BytezConfigurationReader.Apply(new BytezClientOptions(), Section(new() { ["Bytez:ApiKey"] = "secret-key", ["Bytez:" + key] = value })));

        Assert.Contains("Bytez:" + key, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-key", ex.Message, StringComparison.Ordinal);
    }

    private static IConfigurationSection Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Bytez");
}
