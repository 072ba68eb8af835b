using Bytez.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds Bytez's retry policy to an <see cref="IHttpClientBuilder"/>.</summary>
public static class BytezHttpClientBuilderExtensions
{
    /// <summary>
    /// Adds a <see cref="BytezRetryHandler"/> to the client's handler chain, configured by the registered
    /// <see cref="BytezClientOptions.Retry"/> (the defaults when none is registered) and then <paramref name="configure"/>.
    /// <c>AddBytezClient</c> already calls it for its own named client; call it for an <see cref="HttpClient"/> you
    /// register yourself and pass as <see cref="BytezClientOptions.HttpClient"/>.
    /// </summary>
    /// <remarks>
    /// The handler retries only requests a <see cref="BytezClient"/> marked as safe to retry (status reads, lists, runs
    /// that returned nothing yet), so it is harmless on a client shared with other traffic. Prefer it to
    /// <c>AddStandardResilienceHandler</c>, which would also retry loads (where HTTP 429 means "already in progress")
    /// and stops; if you use the standard handler anyway, set <see cref="BytezRetryOptions.Enabled"/> to false so that
    /// calls are not retried twice over.
    /// </remarks>
    /// <param name="builder">The HTTP client builder.</param>
    /// <param name="configure">Changes the retry settings last; may be null.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IHttpClientBuilder AddBytezRetryHandler(this IHttpClientBuilder builder, Action<BytezRetryOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddHttpMessageHandler(services =>
        {
            BytezClientOptions? client = services.GetService<IOptions<BytezClientOptions>>()?.Value;
            BytezRetryOptions retry = client?.Retry?.Clone() ?? new BytezRetryOptions();
            configure?.Invoke(retry);
            TimeProvider time = client is null || ReferenceEquals(client.TimeProvider, TimeProvider.System)
                ? services.GetService<TimeProvider>() ?? TimeProvider.System
                : client.TimeProvider;
            return new BytezRetryHandler(retry, client?.LoggerFactory ?? services.GetService<ILoggerFactory>(), time);
        });
    }
}
