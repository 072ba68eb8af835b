namespace Bytez.AI.Resilience;

/// <summary>
/// Creates the requests the transport sends, marked with whether they may be retried; read by
/// <see cref="BytezRetryHandler"/>. The mark is the request's type rather than an <see cref="HttpRequestMessage.Options"/>
/// entry: an options entry allocates a dictionary and a boxed value on every call.
/// </summary>
internal static class BytezRetryRequest
{
    /// <summary>Creates a request marked with how it may be retried.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="uri">The absolute URI.</param>
    /// <param name="mode">How it may be retried.</param>
    /// <returns>The request.</returns>
    public static HttpRequestMessage Create(HttpMethod method, Uri uri, BytezRetryMode mode) => new MarkedRequest(method, uri, mode);

    /// <summary>Reads a request's mark.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The mode; <see cref="BytezRetryMode.None"/> for a request this library did not create.</returns>
    public static BytezRetryMode ModeOf(HttpRequestMessage request) => request is MarkedRequest marked ? marked.Mode : BytezRetryMode.None;

    private sealed class MarkedRequest(HttpMethod method, Uri uri, BytezRetryMode mode) : HttpRequestMessage(method, uri)
    {
        public BytezRetryMode Mode { get; } = mode;
    }
}
