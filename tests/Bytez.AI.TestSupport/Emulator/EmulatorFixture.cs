using Bytez.AI.Emulator;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Bytez.AI.TestSupport;

/// <summary>
/// An emulator on a random loopback port with millisecond lifecycle delays, and a <see cref="BytezClient"/> pointed at
/// it over real HTTP. Use it as an xunit class or collection fixture (<c>IClassFixture&lt;EmulatorFixture&gt;</c>) for
/// scenarios that can share one emulator, or start one per test with <see cref="StartAsync"/> when the test scripts
/// faults or asserts on the request log or the instance lifecycle.
/// </summary>
/// <remarks>
/// The client does not retry: these tests pin how one answer maps to a result or an error (retries are the subject of
/// the reliability tests, which build their own pipeline).
/// </remarks>
public sealed class EmulatorFixture : IAsyncLifetime, IAsyncDisposable
{
    /// <summary>The API key the client sends (the emulator accepts any non-empty key by default); never expected in any message.</summary>
    public const string ApiKey = "bz-test-SECRET-0123456789";

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

    /// <summary>Gets the generation the client speaks.</summary>
    public BytezApiVersion ApiVersion => Client.ApiVersion;

    /// <summary>Gets the request-log kind of a JSON run in the client's generation.</summary>
    public EmulatorRequestKind RunKind => ApiVersion == BytezApiVersion.V1 ? EmulatorRequestKind.Run : EmulatorRequestKind.V2Run;

    /// <summary>Gets the request-log kind of a streamed run in the client's generation.</summary>
    public EmulatorRequestKind StreamKind => ApiVersion == BytezApiVersion.V1 ? EmulatorRequestKind.RunStream : EmulatorRequestKind.V2RunStream;

    /// <summary>Gets the request-log kind of a model listing in the client's generation.</summary>
    public EmulatorRequestKind ListKind => ApiVersion == BytezApiVersion.V1 ? EmulatorRequestKind.ListModels : EmulatorRequestKind.V2ListModels;

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

    /// <summary>
    /// Starts a fresh emulator that serves <paramref name="apiVersion"/> only (the other generation's paths answer 404)
    /// and a client that speaks it, for a test that runs on each generation.
    /// </summary>
    /// <param name="apiVersion">The generation both sides speak.</param>
    /// <param name="configureEmulator">Changes the emulator options after the test defaults.</param>
    /// <param name="configureClient">Changes the client options after the test defaults.</param>
    /// <returns>The started fixture; dispose it at the end of the test.</returns>
    public static Task<EmulatorFixture> StartAsync(
        BytezApiVersion apiVersion, Action<BytezEmulatorOptions>? configureEmulator = null, Action<BytezClientOptions>? configureClient = null) =>
        StartAsync(
            e =>
            {
                e.Api = ServedApi(apiVersion);
                configureEmulator?.Invoke(e);
            },
            c =>
            {
                c.ApiVersion = apiVersion;
                configureClient?.Invoke(c);
            });

    /// <summary>The emulator setting that serves <paramref name="apiVersion"/> alone (the other generation's paths answer 404).</summary>
    /// <param name="apiVersion">The generation the client speaks.</param>
    /// <returns>The single-generation emulator API.</returns>
    public static BytezEmulatorApi ServedApi(BytezApiVersion apiVersion) =>
        apiVersion == BytezApiVersion.V1 ? BytezEmulatorApi.V1 : BytezEmulatorApi.V2;

    /// <summary>Starts an emulator alone, with the test defaults (for tests that build their own clients or services).</summary>
    /// <param name="configure">Changes the emulator options after the test defaults.</param>
    /// <returns>The emulator; the caller disposes it.</returns>
    public static Task<BytezEmulator> StartEmulatorAsync(Action<BytezEmulatorOptions>? configure = null)
    {
        BytezEmulatorOptions options = CreateEmulatorOptions();
        configure?.Invoke(options);
        return BytezEmulator.StartAsync(options);
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

    /// <summary>Creates client options for an endpoint with the test defaults: 5 ms load polls, generous timeouts, no retries.</summary>
    /// <param name="endpoint">The emulator endpoint.</param>
    /// <param name="loggerFactory">An optional logger factory.</param>
    /// <returns>The options.</returns>
    /// <remarks>
    /// Pinned to <see cref="BytezApiVersion.V1"/> (the instance lifecycle and wire) for the suites that assert it; a test
    /// that runs on each generation starts with <see cref="StartAsync(BytezApiVersion, Action{BytezEmulatorOptions}?, Action{BytezClientOptions}?)"/>.
    /// </remarks>
    public static BytezClientOptions CreateClientOptions(Uri endpoint, ILoggerFactory? loggerFactory = null) => new()
    {
        Endpoint = endpoint,
        ApiKey = ApiKey,
        ApiVersion = BytezApiVersion.V1,
        LoadPollInterval = TimeSpan.FromMilliseconds(5),

        // Generous: a load here takes tens of milliseconds, but the CI machine may be busy.
        LoadTimeout = TimeSpan.FromSeconds(30),
        RequestTimeout = TimeSpan.FromSeconds(30),
        Retry = new BytezRetryOptions { Enabled = false },
        LoggerFactory = loggerFactory,
    };

    /// <summary>Creates another client for the same emulator (it has its own instance registry).</summary>
    /// <param name="loggerFactory">An optional logger factory.</param>
    /// <returns>The client; the caller disposes it.</returns>
    public BytezClient CreateClient(ILoggerFactory? loggerFactory = null) => new(CreateClientOptions(Endpoint, loggerFactory));

    /// <summary>Gets a model handle from the fixture's client.</summary>
    /// <param name="modelId">The model id.</param>
    /// <returns>The model.</returns>
    public BytezModel Model(string modelId) => Client.GetModel(modelId);

    /// <summary>
    /// Gets a model ready to run and returns its handle: on v1, loads it (start, then poll until RUNNING) and checks that
    /// it runs; on the serverless v2 the same <see cref="BytezModel.LoadAsync"/> answers
    /// <see cref="BytezLoadOutcome.Serverless"/> without a request, which this checks too.
    /// </summary>
    /// <param name="modelId">The model id.</param>
    /// <returns>The model, ready to run.</returns>
    public async Task<BytezModel> LoadAsync(string modelId)
    {
        BytezModel model = Model(modelId);
        int requestsBefore = Log.Entries.Count;
        var result = await model.LoadAsync();
        if (ApiVersion == BytezApiVersion.V1)
        {
            Assert.True(result.Status?.IsRunning, $"{modelId} should be RUNNING after LoadAsync");
        }
        else
        {
            Assert.Equal(BytezLoadOutcome.Serverless, result.Outcome);
            Assert.False(result.StartedByThisRequest);
            Assert.Equal(requestsBefore, Log.Entries.Count);
        }

        return model;
    }

    /// <summary>Creates the chat client users get (<c>model.AsIChatClient(options)</c>: prompt tool calling over the Bytez client).</summary>
    /// <param name="modelId">The model id; a chat model by default.</param>
    /// <param name="options">The chat client options.</param>
    /// <returns>The chat client; the caller disposes it.</returns>
    public IChatClient CreateChat(string modelId = TestModels.Chat, BytezChatClientOptions? options = null) =>
        Client.GetModel(modelId).AsIChatClient(options);

    /// <summary>Gets the script of a model (replies, faults) the emulator follows before its own behaviour.</summary>
    /// <param name="modelId">The model id; the chat model by default.</param>
    /// <returns>The script.</returns>
    public ModelScript Script(string modelId = TestModels.Chat) => Emulator.Script(modelId);

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _emulator = await StartEmulatorAsync(_configureEmulator);
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
