namespace Bytez.AI.Http;

/// <summary>
/// Creates the <see cref="HttpClient"/> a <see cref="BytezClient"/> uses when the caller supplies none. This is the one
/// place that builds the handler pipeline: <see cref="BytezRetryHandler"/> (Polly retries) over a <see cref="SocketsHttpHandler"/>
/// that never follows redirects (the key and the input go to the endpoint only; the transport refuses a redirect).
/// </summary>
internal static class BytezHttpClientFactory
{
    /// <summary>How long a pooled connection lives, so DNS changes are picked up by a long-lived client.</summary>
    internal static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(2);

    /// <summary>Gets the HTTP client to use and whether the Bytez client owns (and so disposes) it.</summary>
    /// <param name="options">The validated options copy.</param>
    /// <returns>The client and its ownership.</returns>
    public static (HttpClient Client, bool Owned) Create(BytezClientOptions options)
    {
        if (options.HttpClient is { } supplied)
        {
            // The caller's client is used as it is: its timeout and lifetime are the caller's business.
            return (supplied, false);
        }

        HttpMessageHandler handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = PooledConnectionLifetime,
            AllowAutoRedirect = false,
        };

        if (options.Retry.IsActive)
        {
            // The client's timeout bounds all attempts together, so retries never outlive RequestTimeout.
            handler = new BytezRetryHandler(options.Retry, options.LoggerFactory, options.TimeProvider) { InnerHandler = handler };
        }

        var client = new HttpClient(handler, disposeHandler: true) { Timeout = options.RequestTimeout };
        return (client, true);
    }
}
