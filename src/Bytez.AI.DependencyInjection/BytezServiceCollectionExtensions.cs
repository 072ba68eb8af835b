using Bytez.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a <see cref="BytezClient"/> in an <see cref="IServiceCollection"/>.</summary>
public static class BytezServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the registered <see cref="BytezClient"/> gets from <c>IHttpClientFactory</c>.</summary>
    public const string HttpClientName = "Bytez";

    /// <summary>The configuration section read by default: <c>Bytez</c> (keys <c>Endpoint</c>, <c>ApiKey</c>, <c>ApiVersion</c>, <c>ProviderKeys:&lt;provider or model id&gt;</c>, <c>RequestTimeout</c>, <c>LoadTimeout</c>, <c>LoadPollInterval</c>, <c>StreamIdleTimeout</c>, <c>MaxResponseSize</c>, <c>AllowInsecureHttp</c>, and <c>Retry:Enabled</c>, <c>Retry:MaxRetryAttempts</c>, <c>Retry:BaseDelay</c>, <c>Retry:MaxDelay</c>, <c>Retry:UseJitter</c>).</summary>
    public const string ConfigurationSectionName = "Bytez";

    /// <summary>The configuration value or environment variable holding the API key when the section has none: <c>BYTEZ_API_KEY</c>.</summary>
    public const string ApiKeyVariableName = "BYTEZ_API_KEY";

    /// <summary>The header closed-source providers' keys travel in (<see cref="BytezClientOptions.ProviderKeys"/>).</summary>
    private const string ProviderKeyHeader = "provider-key";

    /// <summary>
    /// Registers a singleton <see cref="BytezClient"/> configured from the <c>Bytez</c> section of the registered
    /// <see cref="IConfiguration"/> (if any), then <c>BYTEZ_API_KEY</c> (configuration value, then environment variable)
    /// for a missing key, then <paramref name="configure"/>. The options are validated when the host starts
    /// (<c>ValidateOnStart</c>): a missing key, a bad endpoint or an out-of-range value stops the start with a message
    /// naming the configuration key to fix.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Changes the options last; may be null.</param>
    /// <returns>
    /// The builder of the named <see cref="HttpClient"/> (<see cref="HttpClientName"/>) the client uses, for adding
    /// handlers. It already has a <see cref="BytezRetryHandler"/> configured by <see cref="BytezClientOptions.Retry"/>
    /// (set <see cref="BytezRetryOptions.Enabled"/> to false before adding another retry policy), and its
    /// <c>Authorization</c> and <c>provider-key</c> headers are always redacted from <c>IHttpClientFactory</c> logs. Keep any timeout policy
    /// longer than a model load (minutes).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IHttpClientBuilder AddBytezClient(this IServiceCollection services, Action<BytezClientOptions>? configure = null) =>
        AddBytezClient(services, ConfigurationSectionName, configure);

    /// <summary>
    /// Registers a singleton <see cref="BytezClient"/> configured from the section <paramref name="configurationSectionName"/>
    /// of the registered <see cref="IConfiguration"/> (if any), then <c>BYTEZ_API_KEY</c>, then <paramref name="configure"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configurationSectionName">The section name, such as <c>Bytez</c>.</param>
    /// <param name="configure">Changes the options last; may be null.</param>
    /// <returns>The builder of the named <see cref="HttpClient"/> the client uses.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="configurationSectionName"/> is null or white space.</exception>
    public static IHttpClientBuilder AddBytezClient(this IServiceCollection services, string configurationSectionName, Action<BytezClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(configurationSectionName);
        return AddCore(services, sp => sp.GetService<IConfiguration>()?.GetSection(configurationSectionName), configurationSectionName, configure);
    }

    /// <summary>
    /// Registers a singleton <see cref="BytezClient"/> configured from <paramref name="configuration"/> (a section such as
    /// <c>builder.Configuration.GetSection("Bytez")</c>), then <c>BYTEZ_API_KEY</c>, then <paramref name="configure"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section holding <c>Endpoint</c>, <c>ApiKey</c> and the timeouts.</param>
    /// <param name="configure">Changes the options last; may be null.</param>
    /// <returns>The builder of the named <see cref="HttpClient"/> the client uses.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is null.</exception>
    public static IHttpClientBuilder AddBytezClient(this IServiceCollection services, IConfiguration configuration, Action<BytezClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        return AddCore(services, _ => configuration, (configuration as IConfigurationSection)?.Path, configure);
    }

    private static IHttpClientBuilder AddCore(
        IServiceCollection services, Func<IServiceProvider, IConfiguration?> section, string? sectionPath, Action<BytezClientOptions>? configure)
    {
        OptionsBuilder<BytezClientOptions> options = services.AddOptions<BytezClientOptions>()
            .Configure<IServiceProvider>((o, sp) =>
            {
                if (section(sp) is { } configuration)
                {
                    BytezConfigurationReader.Apply(o, configuration);
                }
            });

        if (configure is not null)
        {
            _ = options.Configure(configure);
        }

        // Fallback for the key only after everything else: an explicit key always wins over the environment.
        _ = options.PostConfigure<IServiceProvider>((o, sp) =>
        {
            if (string.IsNullOrWhiteSpace(o.ApiKey))
            {
                o.ApiKey = sp.GetService<IConfiguration>()?[ApiKeyVariableName] is { Length: > 0 } fromConfiguration
                    ? fromConfiguration
                    : Environment.GetEnvironmentVariable(ApiKeyVariableName);
            }
        });

        // Checked when the host starts, with the client's own rules, naming the configuration key to fix.
        _ = options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BytezClientOptions>, BytezClientOptionsValidation>(
            _ => new BytezClientOptionsValidation(sectionPath)));

        services.TryAddSingleton(CreateClient);

        // The keys (Bytez's, and closed-source providers' in the provider-key header) must never reach IHttpClientFactory's
        // header logs, whatever RedactLoggedHeaders the app configures: PostConfigure runs after every Configure, so they
        // stay redacted on top of the app's own choice.
        _ = services.PostConfigure<HttpClientFactoryOptions>(HttpClientName, o =>
        {
            Func<string, bool> inner = o.ShouldRedactHeaderValue;
            o.ShouldRedactHeaderValue = header => string.Equals(header, "Authorization", StringComparison.OrdinalIgnoreCase)
                || string.Equals(header, ProviderKeyHeader, StringComparison.OrdinalIgnoreCase)
                || inner(header);
        });

        // The client never changes the timeout of an HttpClient it is given, so the long one is set here (it bounds
        // all retry attempts of a call together). Retries come from BytezClientOptions.Retry, as for a client without DI.
        // Redirects are never followed: the key and the input go to the endpoint only (the client refuses a redirect).
        return services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient((sp, http) => http.Timeout = sp.GetRequiredService<IOptions<BytezClientOptions>>().Value.RequestTimeout)
            .ConfigurePrimaryHttpMessageHandler((handler, _) => DisableRedirects(handler))
            .AddBytezRetryHandler();
    }

    private static void DisableRedirects(HttpMessageHandler handler)
    {
        switch (handler)
        {
            case SocketsHttpHandler sockets:
                sockets.AllowAutoRedirect = false;
                break;
            case HttpClientHandler client:
                client.AllowAutoRedirect = false;
                break;
        }
    }

    private static BytezClient CreateClient(IServiceProvider services)
    {
        BytezClientOptions configured = services.GetRequiredService<IOptions<BytezClientOptions>>().Value;

        // Copy: the IOptions value is shared and must not keep an HttpClient or logger factory from this provider.
        var options = new BytezClientOptions
        {
            Endpoint = configured.Endpoint,
            ApiVersion = configured.ApiVersion,
            ApiKey = configured.ApiKey,
            ProviderKeys = configured.ProviderKeys,
            RequestTimeout = configured.RequestTimeout,
            LoadTimeout = configured.LoadTimeout,
            LoadPollInterval = configured.LoadPollInterval,
            StreamIdleTimeout = configured.StreamIdleTimeout,
            MaxResponseSize = configured.MaxResponseSize,
            AllowInsecureHttp = configured.AllowInsecureHttp,
            Retry = configured.Retry,
            HttpClient = configured.HttpClient ?? services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            LoggerFactory = configured.LoggerFactory ?? services.GetService<ILoggerFactory>(),
            TimeProvider = ReferenceEquals(configured.TimeProvider, TimeProvider.System)
                ? services.GetService<TimeProvider>() ?? TimeProvider.System
                : configured.TimeProvider,
        };

        return new BytezClient(options);
    }
}
