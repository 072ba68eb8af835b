using Bytez.AI.Emulator;
using Microsoft.Extensions.Logging;

namespace Bytez.AI.Extensions.AI.Tests.Infrastructure;

/// <summary>
/// An emulator on loopback with tiny lifecycle delays, and a <see cref="BytezClient"/> pointed at it. Use it as an xunit
/// class fixture (<c>IClassFixture&lt;EmulatorFixture&gt;</c>) for read-only scenarios, or create one per test with
/// <see cref="StartAsync"/> when the test asserts on the request log or the instance lifecycle.
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime, IAsyncDisposable
{
    /// <summary>The API key the tests send (the emulator accepts any non-empty key by default).</summary>
    public const string ApiKey = "test-key";

    private readonly Action<BytezEmulatorOptions>? _configureEmulator;
    private readonly Action<BytezClientOptions>? _configureClient;
    private BytezEmulator? _emulator;
    private BytezClient? _client;

    /// <summary>Initializes a new instance of the <see cref="EmulatorFixture"/> class (started by xunit through <see cref="InitializeAsync"/>).</summary>
    public EmulatorFixture()
        : this(null, null)
    {
    }

    private EmulatorFixture(Action<BytezEmulatorOptions>? configureEmulator, Action<BytezClientOptions>? configureClient)
    {
        _configureEmulator = configureEmulator;
        _configureClient = configureClient;
    }

    /// <summary>Gets the emulator.</summary>
    public BytezEmulator Emulator => _emulator ?? throw new InvalidOperationException("The fixture is not started.");

    /// <summary>Gets a client for the emulator, polling every 5 ms while loading.</summary>
    public BytezClient Client => _client ?? throw new InvalidOperationException("The fixture is not started.");

    /// <summary>Gets the emulator's base address.</summary>
    public Uri Endpoint => Emulator.Endpoint;

    /// <summary>Gets the emulator's request log.</summary>
    public BytezEmulatorRequestLog Log => Emulator.RequestLog;

    /// <summary>Starts a fresh emulator and client for one test.</summary>
    /// <param name="configureEmulator">Changes the emulator options after the test defaults.</param>
    /// <param name="configureClient">Changes the client options after the test defaults.</param>
    /// <returns>The started fixture; dispose it at the end of the test.</returns>
    public static async Task<EmulatorFixture> StartAsync(Action<BytezEmulatorOptions>? configureEmulator = null, Action<BytezClientOptions>? configureClient = null)
    {
        var fixture = new EmulatorFixture(configureEmulator, configureClient);
        await fixture.InitializeAsync();
        return fixture;
    }

    /// <summary>Creates the test defaults for emulator options: millisecond lifecycle delays.</summary>
    /// <returns>The options.</returns>
    public static BytezEmulatorOptions CreateEmulatorOptions() => new()
    {
        StartingDelay = TimeSpan.FromMilliseconds(15),
        InstantiatingDelay = TimeSpan.FromMilliseconds(15),
        ExpiryCheckInterval = TimeSpan.FromMilliseconds(50),
        JobDelay = TimeSpan.FromMilliseconds(10),
        SlowFirstByteDelay = TimeSpan.FromMilliseconds(50),
    };

    /// <summary>Creates client options for an endpoint with the test defaults.</summary>
    /// <param name="endpoint">The emulator endpoint.</param>
    /// <param name="loggerFactory">An optional logger factory.</param>
    /// <returns>The options.</returns>
    /// <remarks>
    /// The adapters' suites pin <see cref="BytezApiVersion.V1"/> for now: they assert the v1 instance lifecycle and
    /// wire. Running them on both generations is the next step of the v2 work (issue 11, phase 2).
    /// </remarks>
    public static BytezClientOptions CreateClientOptions(Uri endpoint, ILoggerFactory? loggerFactory = null) => new()
    {
        Endpoint = endpoint,
        ApiKey = ApiKey,
        ApiVersion = BytezApiVersion.V1,
        LoadPollInterval = TimeSpan.FromMilliseconds(5),
        LoadTimeout = TimeSpan.FromSeconds(30),
        RequestTimeout = TimeSpan.FromSeconds(30),
        LoggerFactory = loggerFactory,
    };

    /// <summary>Creates another client for the same emulator (it has its own instance registry).</summary>
    /// <param name="loggerFactory">An optional logger factory.</param>
    /// <returns>The client; the caller disposes it.</returns>
    public BytezClient CreateClient(ILoggerFactory? loggerFactory = null) => new(CreateClientOptions(Endpoint, loggerFactory));

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        BytezEmulatorOptions options = CreateEmulatorOptions();
        _configureEmulator?.Invoke(options);
        _emulator = await BytezEmulator.StartAsync(options);
        BytezClientOptions clientOptions = CreateClientOptions(_emulator.Endpoint);
        _configureClient?.Invoke(clientOptions);
        _client = new BytezClient(clientOptions);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    /// <inheritdoc />
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
