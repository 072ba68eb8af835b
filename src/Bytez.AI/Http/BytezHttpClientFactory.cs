namespace Bytez.AI.Http;

/// <summary>
/// Creates the <see cref="HttpClient"/> a <see cref="BytezClient"/> uses when the caller supplies none. This is the one
/// place to change the handler pipeline (for example to add Microsoft.Extensions.Http.Resilience retries).
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

        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = PooledConnectionLifetime,
        };
        var client = new HttpClient(handler, disposeHandler: true) { Timeout = options.RequestTimeout };
        return (client, true);
    }
}
