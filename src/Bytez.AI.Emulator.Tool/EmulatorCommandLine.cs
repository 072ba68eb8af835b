using System.Globalization;

namespace Bytez.AI.Emulator.Tool;

/// <summary>Parses the standalone server's arguments.</summary>
internal sealed class EmulatorCommandLine
{
    public const string Usage = """
        Bytez emulator: a local Bytez API server (v1 /model/*, v2 /models/v2/*, OpenAI-compatible chat).

        Usage: bytez-emulator [options]   (from the repository: dotnet run --project src/Bytez.AI.Emulator.Tool -- [options])

        Options:
          --port <n>                    Port to listen on (default 8080; 0 picks a free port)
          --host <address>              Address to listen on (default 127.0.0.1)
          --api <v1|v2|both>            API generations to serve (default both); the other's paths answer 404
          --key <key>                   Accept only this API key (repeatable; default: any non-empty key)
          --starting-delay-ms <n>       Time an instance reports STARTING (default 300)
          --instantiating-delay-ms <n>  Time an instance then reports INSTANTIATING (default 300)
          --stream-chunk-delay-ms <n>   Pause between streamed chunks (default 0)
          --idle-timeout-s <n>          Idle timeout when a load omits expirationPeriodSeconds (default 1800)
          -h, --help                    Show this help
        """;

    public BytezEmulatorOptions Options { get; } = new() { Port = 8080 };

    public bool ShowHelp { get; private set; }

    public string? Error { get; private set; }

    public static EmulatorCommandLine Parse(IReadOnlyList<string> args)
    {
        var result = new EmulatorCommandLine();
        var keys = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help" or "-?")
            {
                result.ShowHelp = true;
                continue;
            }

            var (name, inline) = arg.Split('=', 2) is [var n, var v] && n.StartsWith("--", StringComparison.Ordinal) ? (n, v) : (arg, null);
            if (name is not ("--port" or "--host" or "--api" or "--key" or "--starting-delay-ms" or "--instantiating-delay-ms" or "--stream-chunk-delay-ms" or "--idle-timeout-s"))
            {
                return result.Fail($"Unknown argument '{arg}'.");
            }

            var value = inline ?? (i + 1 < args.Count ? args[++i] : null);
            if (string.IsNullOrWhiteSpace(value))
            {
                return result.Fail($"{name} needs a value.");
            }

            switch (name)
            {
                case "--host":
                    if (value != "localhost" && !System.Net.IPAddress.TryParse(value, out _))
                    {
                        return result.Fail($"--host must be an IP address or localhost, not '{value}'.");
                    }

                    result.Options.Host = value;
                    break;
                case "--key":
                    keys.Add(value);
                    break;
                case "--api":
                    BytezEmulatorApi? api = value.ToUpperInvariant() switch
                    {
                        "V1" => BytezEmulatorApi.V1,
                        "V2" => BytezEmulatorApi.V2,
                        "BOTH" => BytezEmulatorApi.Both,
                        _ => null,
                    };
                    if (api is null)
                    {
                        return result.Fail($"--api must be v1, v2 or both, not '{value}'.");
                    }

                    result.Options.Api = api.Value;
                    break;
                default:
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || (name == "--port" && number > 65535))
                    {
                        return result.Fail($"{name} must be a non-negative integer{(name == "--port" ? " up to 65535" : string.Empty)}, not '{value}'.");
                    }

                    Apply(result.Options, name, number);
                    break;
            }
        }

        if (keys.Count > 0)
        {
            result.Options.AcceptedApiKeys = keys;
        }

        return result;
    }

    private static void Apply(BytezEmulatorOptions options, string name, int number)
    {
        switch (name)
        {
            case "--port":
                options.Port = number;
                break;
            case "--starting-delay-ms":
                options.StartingDelay = TimeSpan.FromMilliseconds(number);
                break;
            case "--instantiating-delay-ms":
                options.InstantiatingDelay = TimeSpan.FromMilliseconds(number);
                break;
            case "--stream-chunk-delay-ms":
                options.StreamChunkDelay = TimeSpan.FromMilliseconds(number);
                break;
            default:
                options.DefaultIdleTimeout = TimeSpan.FromSeconds(Math.Max(1, number));
                break;
        }
    }

    private EmulatorCommandLine Fail(string error)
    {
        Error = error;
        return this;
    }
}
