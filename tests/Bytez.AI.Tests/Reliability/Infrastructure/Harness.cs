using Bytez.AI.Emulator;

namespace Bytez.AI.Tests.Reliability.Infrastructure;

/// <summary>
/// An emulator with millisecond delays and a client pointed at it through a caller-owned <see cref="HttpClient"/>:
/// <see cref="BytezRetryHandler"/> over a <see cref="CountingHandler"/> over a <see cref="SocketsHttpHandler"/>, so
/// every attempt and every response's disposal is observed.
/// </summary>
internal sealed class Harness : IAsyncDisposable
{
    /// <summary>A key that would be easy to spot in a message or log line.</summary>
    public const string ApiKey = "bz-reliability-SECRET-4f9c2e71";

    private Harness(BytezEmulator emulator, CountingHandler counter, HttpClient http, BytezClient client, CapturingLoggerFactory logs)
    {
        Emulator = emulator;
        Counter = counter;
        Http = http;
        Client = client;
        Logs = logs;
    }

    public BytezEmulator Emulator { get; }

    public CountingHandler Counter { get; }

    public HttpClient Http { get; }

    public BytezClient Client { get; }

    public CapturingLoggerFactory Logs { get; }

    public BytezEmulatorRequestLog Log => Emulator.RequestLog;

    /// <summary>Fast retries: three, 1 ms apart (doubling), at most 20 ms even when the server asks for more.</summary>
    public static BytezRetryOptions FastRetries() => new()
    {
        MaxRetryAttempts = 3,
        BaseDelay = TimeSpan.FromMilliseconds(1),
        MaxDelay = TimeSpan.FromMilliseconds(20),
        UseJitter = false,
    };

    /// <summary>The shared test defaults, faster still: the soak and the fault matrix make thousands of calls.</summary>
    public static BytezEmulatorOptions EmulatorOptions()
    {
        BytezEmulatorOptions options = EmulatorFixture.CreateEmulatorOptions();
        options.StartingDelay = TimeSpan.FromMilliseconds(5);
        options.InstantiatingDelay = TimeSpan.FromMilliseconds(5);
        options.JobDelay = TimeSpan.FromMilliseconds(5);
        options.SlowFirstByteDelay = TimeSpan.FromMilliseconds(30);
        options.FaultRetryAfter = TimeSpan.FromSeconds(1);
        return options;
    }

    /// <summary>Starts an emulator that serves <paramref name="apiVersion"/> alone and a client that speaks it.</summary>
    /// <param name="retry">The retry settings; <see cref="FastRetries"/> when null.</param>
    /// <param name="configureEmulator">Changes the emulator's settings.</param>
    /// <param name="configureClient">Changes the client's settings (load deadline 10 s, polls every 5 ms by default).</param>
    /// <param name="requestTimeout">The HttpClient's timeout; 20 s when null.</param>
    /// <param name="apiVersion">The generation both sides speak; v1 (the instance lifecycle) when not given.</param>
    public static async Task<Harness> StartAsync(
        BytezRetryOptions? retry = null,
        Action<BytezEmulatorOptions>? configureEmulator = null,
        Action<BytezClientOptions>? configureClient = null,
        TimeSpan? requestTimeout = null,
        BytezApiVersion apiVersion = BytezApiVersion.V1)
    {
        UnobservedExceptions.Watch();
        var emulatorOptions = EmulatorOptions();
        emulatorOptions.Api = EmulatorFixture.ServedApi(apiVersion);
        configureEmulator?.Invoke(emulatorOptions);
        var emulator = await BytezEmulator.StartAsync(emulatorOptions);
        var logs = new CapturingLoggerFactory();
        var counter = new CountingHandler(new SocketsHttpHandler());
        var http = new HttpClient(new BytezRetryHandler(retry ?? FastRetries(), logs) { InnerHandler = counter })
        {
            Timeout = requestTimeout ?? TimeSpan.FromSeconds(20),
        };

        var options = new BytezClientOptions
        {
            Endpoint = emulator.Endpoint,
            ApiKey = ApiKey,
            ApiVersion = apiVersion,
            HttpClient = http,
            LoggerFactory = logs,
            LoadPollInterval = TimeSpan.FromMilliseconds(5),

            // A real deadline (it also ends a slow request), so generous: a cold first request on a busy 2-core machine
            // can take most of a second. Tests that expect a timeout set a short one.
            LoadTimeout = TimeSpan.FromSeconds(10),
        };
        configureClient?.Invoke(options);
        return new Harness(emulator, counter, http, new BytezClient(options), logs);
    }

    /// <summary>
    /// Stops the model's instance if it has one (the protocol client has no lifecycle of its own); nothing to do on the
    /// serverless v2, which has no instances.
    /// </summary>
    public async Task StopQuietlyAsync(string modelId)
    {
        if (Client.ApiVersion != BytezApiVersion.V1)
        {
            return;
        }

        try
        {
            await Client.GetModel(modelId).StopAsync();
        }
        catch (BytezNotFoundException)
        {
            // Nothing was running.
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
