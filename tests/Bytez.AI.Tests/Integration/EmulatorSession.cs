using Bytez.AI.Emulator;

namespace Bytez.AI.Tests.Integration;

/// <summary>
/// An emulator on a random loopback port that serves one API generation only (the other's paths answer 404), and a
/// <see cref="BytezClient"/> speaking that generation, over real HTTP. Delays are milliseconds so a v1 load reaches
/// RUNNING after a few 10 ms polls.
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

    /// <summary>Gets the generation both sides speak.</summary>
    public BytezApiVersion ApiVersion => Client.ApiVersion;

    /// <summary>Gets the request-log kind of a JSON run in this generation.</summary>
    public EmulatorRequestKind RunKind => ApiVersion == BytezApiVersion.V1 ? EmulatorRequestKind.Run : EmulatorRequestKind.V2Run;

    /// <summary>Gets the request-log kind of a streamed run in this generation.</summary>
    public EmulatorRequestKind StreamKind => ApiVersion == BytezApiVersion.V1 ? EmulatorRequestKind.RunStream : EmulatorRequestKind.V2RunStream;

    /// <summary>Gets the request-log kind of a model listing in this generation.</summary>
    public EmulatorRequestKind ListKind => ApiVersion == BytezApiVersion.V1 ? EmulatorRequestKind.ListModels : EmulatorRequestKind.V2ListModels;

    public BytezEmulator Emulator { get; }

    public BytezClient Client { get; }

    /// <summary>Starts a fresh emulator serving <paramref name="apiVersion"/> only, and a client speaking it.</summary>
    public static async Task<EmulatorSession> StartAsync(
        BytezApiVersion apiVersion, Action<BytezEmulatorOptions>? configureEmulator = null, Action<BytezClientOptions>? configureClient = null)
    {
        var emulatorOptions = new BytezEmulatorOptions
        {
            Api = apiVersion == BytezApiVersion.V1 ? BytezEmulatorApi.V1 : BytezEmulatorApi.V2,
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
            ApiVersion = apiVersion,
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

    /// <summary>
    /// Gets a model ready to run and returns its handle: v1 loads it (start + poll until RUNNING); on the serverless v2
    /// the same <see cref="BytezModel.LoadAsync"/> answers <see cref="BytezLoadOutcome.Serverless"/> without a request.
    /// </summary>
    public async Task<BytezModel> LoadAsync(string modelId)
    {
        var model = Model(modelId);
        var requestsBefore = Emulator.RequestLog.Entries.Count;
        var result = await model.LoadAsync();
        if (ApiVersion == BytezApiVersion.V1)
        {
            Assert.True(result.Status?.IsRunning, $"{modelId} should be RUNNING after LoadAsync");
        }
        else
        {
            Assert.Equal(BytezLoadOutcome.Serverless, result.Outcome);
            Assert.False(result.StartedByThisRequest);
            Assert.Equal(requestsBefore, Emulator.RequestLog.Entries.Count);
        }

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
