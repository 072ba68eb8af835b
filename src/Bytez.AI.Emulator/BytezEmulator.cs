using Bytez.AI.Emulator.Lifecycle;
using Bytez.AI.Emulator.Logging;
using Bytez.AI.Emulator.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bytez.AI.Emulator;

/// <summary>
/// A local Bytez API server on loopback: the v1 <c>/model/*</c> API, the v2 <c>/models/v2/*</c> API and the
/// OpenAI-compatible chat endpoint, with scripted behaviour, fault injection and a request log for tests.
/// </summary>
/// <example><code>await using var emulator = await BytezEmulator.StartAsync(new() { StartingDelay = TimeSpan.FromMilliseconds(20) });</code></example>
public sealed class BytezEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorState _state;

    /// <summary>Gets the emulator's state (tests observe queues and instances through it).</summary>
    internal EmulatorState State => _state;
    private readonly ITimer _sweeper;
    private int _disposed;

    private BytezEmulator(WebApplication app, EmulatorState state, Uri endpoint)
    {
        _app = app;
        _state = state;
        Endpoint = endpoint;
        var interval = state.Options.ExpiryCheckInterval > TimeSpan.Zero ? state.Options.ExpiryCheckInterval : TimeSpan.FromSeconds(1);
        _sweeper = state.Time.CreateTimer(static s => ((EmulatorState)s!).Sweep(), state, interval, interval);
    }

    /// <summary>Gets the base address, such as <c>http://127.0.0.1:5123/</c> (always with a trailing slash).</summary>
    public Uri Endpoint { get; }

    /// <summary>Gets the log of answered requests and of started and stopped instances.</summary>
    public BytezEmulatorRequestLog RequestLog => _state.Log;

    /// <summary>Gets a snapshot of the live instances (expired ones are removed first).</summary>
    public IReadOnlyCollection<EmulatedInstance> Instances
    {
        get
        {
            return [.. _state.Instances().Select(x => x.Instance.ToSnapshot(x.Now))];
        }
    }

    /// <summary>Gets the models served, in catalog order.</summary>
    public IReadOnlyList<EmulatedModel> Models => _state.Models();

    /// <summary>Starts an emulator on Kestrel.</summary>
    /// <param name="options">The settings; null uses the defaults (random port, any key accepted).</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <returns>The running emulator; dispose it to stop the server.</returns>
    public static async Task<BytezEmulator> StartAsync(BytezEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new BytezEmulatorOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Port, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Host);
        ArgumentNullException.ThrowIfNull(options.Models);
        ArgumentNullException.ThrowIfNull(options.BehaviorResolver);
        if (options.BehaviorsByTask.Concat(options.BehaviorsByModel).FirstOrDefault(static b => b.Value is null) is { Key: { } unset })
        {
            throw new ArgumentException($"The behaviour registered for '{unset}' is null: register an ITaskBehavior instance, or remove the entry to keep the built-in behaviour.", nameof(options));
        }
        ArgumentNullException.ThrowIfNull(options.TimeProvider);
        if (options.Api is not (BytezEmulatorApi.V1 or BytezEmulatorApi.V2 or BytezEmulatorApi.Both))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Api, "BytezEmulatorOptions.Api must be V1, V2 or Both.");
        }

        var logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<BytezEmulator>();
        var state = new EmulatorState(options, new BytezEmulatorRequestLog(), logger);
        var app = EmulatorHost.Build(options, new RequestDispatcher(state));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var emulator = new BytezEmulator(app, state, EmulatorHost.Address(app));
        EmulatorLog.Listening(logger, emulator.Endpoint);
        return emulator;
    }

    /// <summary>
    /// Creates client options for this emulator: its <see cref="Endpoint"/>, an API key it accepts, and a
    /// <see cref="BytezClientOptions.LoadPollInterval"/> of <see cref="ClientLoadPollInterval"/> instead of the 5-second
    /// default, so a test never waits on a poll the emulator answered long ago. Change what you need, then create the client.
    /// </summary>
    /// <returns>New options; each call returns a new instance.</returns>
    public BytezClientOptions CreateClientOptions() => new()
    {
        Endpoint = Endpoint,
        ApiKey = _state.Options.AcceptedApiKeys?.FirstOrDefault() ?? "emulator",
        LoadPollInterval = ClientLoadPollInterval,
    };

    /// <summary>Creates a <see cref="BytezClient"/> for this emulator, with the options of <see cref="CreateClientOptions"/>.</summary>
    /// <returns>A new client; the caller disposes it (before the emulator, so that it can stop the instances it started).</returns>
    public BytezClient CreateClient() => new(CreateClientOptions());

    /// <summary>The load poll interval of <see cref="CreateClientOptions"/>: 20 milliseconds.</summary>
    public static TimeSpan ClientLoadPollInterval { get; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Gets the script of a model (created on first use), to queue replies, errors, delays and faults.</summary>
    /// <param name="modelId">The model id.</param>
    /// <returns>The model's script.</returns>
    public ModelScript Script(string modelId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        return _state.Script(modelId);
    }

    /// <summary>Adds a model to the catalog, or replaces the one with the same id.</summary>
    /// <param name="model">The model.</param>
    public void AddModel(EmulatedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _state.AddModel(model);
    }

    /// <summary>Ends a model's instance as if its idle timeout had passed.</summary>
    /// <param name="modelId">The model id.</param>
    /// <returns>True when an instance was ended.</returns>
    public bool ExpireInstance(string modelId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        return _state.Stop(modelId, "expired (test)");
    }

    /// <summary>Ends a model's instance as if someone else (another client, the dashboard) had stopped it.</summary>
    /// <param name="modelId">The model id.</param>
    /// <returns>True when an instance was ended.</returns>
    public bool StopInstanceExternally(string modelId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        return _state.Stop(modelId, "stopped externally");
    }

    /// <summary>Stops the server. Instances still alive are left counted as started only, so tests can see leaks.</summary>
    /// <returns>A task that completes when Kestrel has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _sweeper.DisposeAsync().ConfigureAwait(false);
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
