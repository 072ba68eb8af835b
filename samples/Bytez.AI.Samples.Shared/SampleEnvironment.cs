using Bytez.AI.Emulator;

namespace Bytez.AI.Samples;

/// <summary>
/// Gives a sample its <see cref="BytezClient"/>: Bytez itself when <c>BYTEZ_API_KEY</c> is set, otherwise the
/// embedded emulator (a real HTTP server on loopback), so every sample runs offline with no key.
/// </summary>
public sealed class SampleEnvironment : IAsyncDisposable
{
    /// <summary>The environment variable holding the Bytez API key.</summary>
    public const string ApiKeyVariable = "BYTEZ_API_KEY";

    /// <summary>The environment variable choosing the API generation: <c>V2</c> (Bytez's current API, the default) or <c>V1</c>.</summary>
    public const string ApiVersionVariable = "BYTEZ_API_VERSION";

    private static readonly AsyncLocal<SampleEnvironmentOptions?> Ambient = new();

    private readonly Func<SampleEnvironment, Task>? _beforeDispose;

    private SampleEnvironment(BytezClient client, BytezEmulator? emulator, Func<SampleEnvironment, Task>? beforeDispose)
    {
        Client = client;
        Emulator = emulator;
        _beforeDispose = beforeDispose;
    }

    /// <summary>
    /// Gets or sets the options used by <see cref="StartAsync"/> in the current async flow. Smoke tests set it before
    /// calling a sample's <c>RunAsync</c>; it does not leak to other flows.
    /// </summary>
    public static SampleEnvironmentOptions? AmbientOptions
    {
        get => Ambient.Value;
        set => Ambient.Value = value;
    }

    /// <summary>Gets the client to use.</summary>
    public BytezClient Client { get; }

    /// <summary>Gets the embedded emulator, or null when talking to Bytez.</summary>
    public BytezEmulator? Emulator { get; }

    /// <summary>Gets a value indicating whether the sample runs against the embedded emulator.</summary>
    public bool IsEmulated => Emulator is not null;

    /// <summary>Creates the environment and prints which target is used.</summary>
    /// <param name="output">Where to print.</param>
    /// <param name="cancellationToken">A token to cancel the emulator start.</param>
    /// <returns>The environment; dispose it to stop the emulator and release the client.</returns>
    public static async Task<SampleEnvironment> StartAsync(TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var options = AmbientOptions ?? new SampleEnvironmentOptions();
        var chosen = ApiVersionFrom(options.GetEnvironmentVariable(ApiVersionVariable));

        var apiKey = options.GetEnvironmentVariable(ApiKeyVariable);
        if (!string.IsNullOrWhiteSpace(apiKey))
        {
            var client = new BytezClient(new BytezClientOptions { ApiKey = apiKey, ApiVersion = chosen ?? BytezApiVersion.V2 });
            output.WriteLine($"Using Bytez at {client.Endpoint} (API {client.ApiVersion})");
            return new SampleEnvironment(client, emulator: null, options.BeforeDispose);
        }

        if (chosen is { } version)
        {
            options = new SampleEnvironmentOptions
            {
                GetEnvironmentVariable = options.GetEnvironmentVariable,
                EmulatedLoadStageDelay = options.EmulatedLoadStageDelay,
                EmulatedLoadPollInterval = options.EmulatedLoadPollInterval,
                EmulatedApiVersion = version,
                BeforeDispose = options.BeforeDispose,
            };
        }

        var emulator = await BytezEmulator.StartAsync(EmulatorSettings.Create(options), cancellationToken);
        try
        {
            var client = new BytezClient(new BytezClientOptions
            {
                Endpoint = emulator.Endpoint,
                ApiKey = "emulator",
                ApiVersion = options.EmulatedApiVersion,
                LoadPollInterval = options.EmulatedLoadPollInterval,
            });
            output.WriteLine($"Using the embedded Bytez emulator at {emulator.Endpoint} (API {client.ApiVersion}; set {ApiKeyVariable} to use Bytez)");
            return new SampleEnvironment(client, emulator, options.BeforeDispose);
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
    }

    /// <summary>Reads <see cref="ApiVersionVariable"/>: <c>V1</c>/<c>1</c> or <c>V2</c>/<c>2</c>; unset is null.</summary>
    /// <exception cref="InvalidOperationException">The variable holds anything else.</exception>
    private static BytezApiVersion? ApiVersionFrom(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" => null,
        "V1" or "1" => BytezApiVersion.V1,
        "V2" or "2" => BytezApiVersion.V2,
        _ => throw new InvalidOperationException($"{ApiVersionVariable} is '{value}': set it to V2 (Bytez's current API, the default) or V1 (the legacy model/* API)."),
    };

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_beforeDispose is not null)
            {
                await _beforeDispose(this);
            }
        }
        finally
        {
            Client.Dispose();
            if (Emulator is not null)
            {
                await Emulator.DisposeAsync();
            }
        }
    }
}
