using Bytez.AI.Emulator.Tool;

namespace Bytez.AI.Emulator.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void Defaults_to_port_8080_on_loopback_with_any_key()
    {
        var parsed = EmulatorCommandLine.Parse([]);
        Assert.Null(parsed.Error);
        Assert.False(parsed.ShowHelp);
        Assert.Equal(8080, parsed.Options.Port);
        Assert.Equal("127.0.0.1", parsed.Options.Host);
        Assert.Null(parsed.Options.AcceptedApiKeys);
        Assert.Equal(BytezEmulatorApi.Both, parsed.Options.Api);
    }

    [Theory]
    [InlineData("v1", BytezEmulatorApi.V1)]
    [InlineData("V2", BytezEmulatorApi.V2)]
    [InlineData("both", BytezEmulatorApi.Both)]
    public void Api_selects_the_generations(string value, BytezEmulatorApi expected)
    {
        var parsed = EmulatorCommandLine.Parse(["--api", value]);
        Assert.Null(parsed.Error);
        Assert.Equal(expected, parsed.Options.Api);
        Assert.Equal(expected, EmulatorCommandLine.Parse(["--api=" + value]).Options.Api);
        Assert.Contains("--api <v1|v2|both>", EmulatorCommandLine.Usage, StringComparison.Ordinal);
    }

    [Fact]
    public void Parses_every_option_in_both_forms()
    {
        var parsed = EmulatorCommandLine.Parse([
            "--port", "9000", "--host=localhost", "--key", "a", "--key=b",
            "--starting-delay-ms", "20", "--instantiating-delay-ms=30", "--stream-chunk-delay-ms", "5", "--idle-timeout-s", "60",
        ]);

        Assert.Null(parsed.Error);
        Assert.Equal(9000, parsed.Options.Port);
        Assert.Equal("localhost", parsed.Options.Host);
        Assert.Equal(["a", "b"], parsed.Options.AcceptedApiKeys!);
        Assert.Equal(TimeSpan.FromMilliseconds(20), parsed.Options.StartingDelay);
        Assert.Equal(TimeSpan.FromMilliseconds(30), parsed.Options.InstantiatingDelay);
        Assert.Equal(TimeSpan.FromMilliseconds(5), parsed.Options.StreamChunkDelay);
        Assert.Equal(TimeSpan.FromSeconds(60), parsed.Options.DefaultIdleTimeout);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_is_recognised(string arg)
    {
        var parsed = EmulatorCommandLine.Parse([arg]);
        Assert.True(parsed.ShowHelp);
        Assert.Contains("--port", EmulatorCommandLine.Usage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--port")]
    [InlineData("--port", "abc")]
    [InlineData("--port", "70000")]
    [InlineData("--port", "-1")]
    [InlineData("--host", "not a host")]
    [InlineData("--bogus")]
    [InlineData("--api", "v3")]
    [InlineData("--api")]
    public void Bad_arguments_give_an_error(params string[] args)
    {
        var parsed = EmulatorCommandLine.Parse(args);
        Assert.NotNull(parsed.Error);
    }
}
