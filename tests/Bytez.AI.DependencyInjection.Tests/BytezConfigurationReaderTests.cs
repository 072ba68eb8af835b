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
        Assert.Equal(BytezApiVersion.V2, options.ApiVersion);
        Assert.Empty(options.ProviderKeys);
    }

    [Theory]
    [InlineData("V1", BytezApiVersion.V1)]
    [InlineData("v2", BytezApiVersion.V2)]
    [InlineData(" 1 ", BytezApiVersion.V1)]
    [InlineData("2", BytezApiVersion.V2)]
    public void ApiVersion_IsRead(string value, BytezApiVersion expected)
    {
        var options = new BytezClientOptions();

        BytezConfigurationReader.Apply(options, Section(new() { ["Bytez:ApiVersion"] = value }));

        Assert.Equal(expected, options.ApiVersion);
    }

    [Fact]
    public void ProviderKeys_AreReadByProviderOrModelId()
    {
        var options = new BytezClientOptions();

        BytezConfigurationReader.Apply(options, Section(new()
        {
            ["Bytez:ProviderKeys:openai"] = " sk-1 ",
            ["Bytez:ProviderKeys:cohere/command-r"] = "co-1",
            ["Bytez:ProviderKeys:empty"] = "",
        }));

        Assert.Equal(2, options.ProviderKeys.Count);
        Assert.Equal("sk-1", options.ProviderKeys["OPENAI"]);
        Assert.Equal("co-1", options.ProviderKeys["cohere/command-r"]);
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

    [Fact]
    public void Zero_is_accepted_where_the_option_accepts_it()
    {
        var options = new BytezClientOptions();

        BytezConfigurationReader.Apply(options, Section(new()
        {
            ["Bytez:LoadPollInterval"] = "00:00:00",
            ["Bytez:Retry:BaseDelay"] = "00:00:00",
        }));

        Assert.Equal(TimeSpan.Zero, options.LoadPollInterval);
        Assert.Equal(TimeSpan.Zero, options.Retry.BaseDelay);
    }

    [Fact]
    public void The_stream_idle_timeout_and_the_response_size_limit_are_read()
    {
        var options = new BytezClientOptions();

        BytezConfigurationReader.Apply(options, Section(new()
        {
            ["Bytez:StreamIdleTimeout"] = "00:00:30",
            ["Bytez:MaxResponseSize"] = "1048576",
        }));

        Assert.Equal(TimeSpan.FromSeconds(30), options.StreamIdleTimeout);
        Assert.Equal(1024 * 1024, options.MaxResponseSize);
    }

    [Theory]
    [InlineData("Endpoint", "not a uri")]
    [InlineData("RequestTimeout", "-00:00:01")]
    [InlineData("RequestTimeout", "00:00:00")]
    [InlineData("LoadPollInterval", "often")]
    [InlineData("LoadPollInterval", "-00:00:01")]
    [InlineData("Retry:BaseDelay", "-00:00:01")]
    [InlineData("StreamIdleTimeout", "00:00:00")]
    [InlineData("MaxResponseSize", "64MB")]
    [InlineData("AllowInsecureHttp", "yes")]
    [InlineData("ApiVersion", "V3")]
    [InlineData("ApiVersion", "0")]
    [InlineData("ApiVersion", "latest")]
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
