using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Bytez.AI.SemanticKernel.Internal;

/// <summary>
/// Decides, when a registered service is first resolved, which <see cref="BytezClient"/> it uses: one built from the
/// registration's explicit settings, else a <see cref="BytezClient"/> registered in the container (for example by
/// <c>AddBytezClient()</c>), else one client built from the <c>BYTEZ_API_KEY</c> environment variable and shared by
/// every registration of the container that passed no settings.
/// </summary>
/// <remarks>
/// A client this source builds is registered as a keyed singleton under a private key, so the container owns and
/// disposes it; it is disposed after the services that resolved it (the container disposes in reverse creation order),
/// which lets a chat client stop its instance before the HTTP client goes away.
/// </remarks>
internal sealed class BytezClientSource
{
    /// <summary>The environment variable read when no key is given.</summary>
    internal const string ApiKeyEnvironmentVariable = "BYTEZ_API_KEY";

    private readonly BytezClient? _explicitClient;
    private readonly string? _apiKey;
    private readonly Uri? _endpoint;
    private readonly HttpClient? _httpClient;

    // Identity-compared private keys: no caller can collide with them. The shared one serves every registration without
    // settings, so a kernel with chat, embeddings and images from BYTEZ_API_KEY has one client (one connection pool).
    private static readonly object SharedDefaultClientKey = new();
    private readonly object _ownedClientKey;

    private BytezClientSource(BytezClient? explicitClient, string? apiKey, Uri? endpoint, HttpClient? httpClient)
    {
        _explicitClient = explicitClient;
        _apiKey = apiKey;
        _endpoint = endpoint;
        _httpClient = httpClient;
        _ownedClientKey = HasExplicitSettings ? new object() : SharedDefaultClientKey;
    }

    private bool HasExplicitSettings => _apiKey is not null || _endpoint is not null || _httpClient is not null;

    /// <summary>Creates a source that always uses <paramref name="client"/> (owned by the caller).</summary>
    public static BytezClientSource FromClient(BytezClient client) => new(client, null, null, null);

    /// <summary>Creates a source from explicit settings (any may be null) and registers the client it may build.</summary>
    public static BytezClientSource FromSettings(IServiceCollection services, string? apiKey, Uri? endpoint, HttpClient? httpClient)
    {
        if (apiKey is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        }

        var source = new BytezClientSource(null, apiKey, endpoint, httpClient);
        services.TryAddKeyedSingleton(source._ownedClientKey, (sp, _) => source.CreateOwnedClient(sp));
        return source;
    }

    /// <summary>Gets the client to use in <paramref name="serviceProvider"/>.</summary>
    /// <exception cref="InvalidOperationException">No API key is available from any source.</exception>
    public BytezClient GetClient(IServiceProvider serviceProvider)
    {
        if (_explicitClient is not null)
        {
            return _explicitClient;
        }

        if (!HasExplicitSettings && serviceProvider.GetService<BytezClient>() is { } registered)
        {
            return registered;
        }

        return serviceProvider.GetRequiredKeyedService<BytezClient>(_ownedClientKey);
    }

    private BytezClient CreateOwnedClient(IServiceProvider serviceProvider)
    {
        string? apiKey = _apiKey ?? Environment.GetEnvironmentVariable(ApiKeyEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw new InvalidOperationException(
                $"No Bytez API key: pass apiKey, register a BytezClient (services.AddBytezClient) or set the {ApiKeyEnvironmentVariable} environment variable.");
        }

        var options = new BytezClientOptions
        {
            ApiKey = apiKey,
            HttpClient = _httpClient,
            LoggerFactory = serviceProvider.GetService<ILoggerFactory>(),
        };
        if (_endpoint is not null)
        {
            options.Endpoint = _endpoint;
        }

        return new BytezClient(options);
    }
}
