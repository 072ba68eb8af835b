using Bytez.AI.Emulator;

namespace Bytez.AI.Tests.Integration;

/// <summary>
/// An emulator on a random loopback port and a <see cref="BytezClient"/> pointed at it over real HTTP. Delays are
/// milliseconds so a load reaches RUNNING after a few 10 ms polls.
/// </summary>
public sealed class EmulatorSession : IAsyncDisposable
{
    /// <summary>The key the session's client sends (never expected in any message).</summary>
    public const string ApiKey = "bz-integration-SECRET-0123456789";

    private EmulatorSession(BytezEmulator emulator, BytezClient client)
    {
        Emulator = emulator;
        Client = client;
    }

    public BytezEmulator Emulator { get; }

    public BytezClient Client { get; }

    /// <summary>Starts a fresh emulator (for tests that script faults or need an empty instance table) and its client.</summary>
    public static async Task<EmulatorSession> StartAsync(
        Action<BytezEmulatorOptions>? configureEmulator = null, Action<BytezClientOptions>? configureClient = null)
    {
        var emulatorOptions = new BytezEmulatorOptions
        {
            StartingDelay = TimeSpan.FromMilliseconds(15),
            InstantiatingDelay = TimeSpan.FromMilliseconds(15),
            JobDelay = TimeSpan.FromMilliseconds(30),
            ExpiryCheckInterval = TimeSpan.FromMinutes(1),
        };
        configureEmulator?.Invoke(emulatorOptions);
        var emulator = await BytezEmulator.StartAsync(emulatorOptions);

        var clientOptions = new BytezClientOptions
        {
            ApiKey = ApiKey,
            Endpoint = emulator.Endpoint,
            LoadPollInterval = TimeSpan.FromMilliseconds(10),
            // Generous: a load here takes tens of milliseconds, but the CI machine may be busy.
            LoadTimeout = TimeSpan.FromMinutes(1),
            RequestTimeout = TimeSpan.FromMinutes(1),

            // These tests pin how one answer maps to a result or an error; retries are Bytez.AI.Reliability.Tests' subject.
            Retry = new BytezRetryOptions { Enabled = false },
        };
        configureClient?.Invoke(clientOptions);
        return new EmulatorSession(emulator, new BytezClient(clientOptions));
    }

    public BytezModel Model(string modelId) => Client.GetModel(modelId);

    /// <summary>Loads a model (start + poll until RUNNING) and returns its handle.</summary>
    public async Task<BytezModel> LoadAsync(string modelId)
    {
        var model = Model(modelId);
        var result = await model.LoadAsync();
        Assert.True(result.Status?.IsRunning, $"{modelId} should be RUNNING after LoadAsync");
        return model;
    }

    /// <summary>The last request of a kind the emulator answered for a model.</summary>
    public EmulatorRequestLogEntry LastRequest(EmulatorRequestKind kind, string? modelId = null) =>
        Emulator.RequestLog.Entries.Last(e => e.Kind == kind && (modelId is null || e.ModelId == modelId));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}
