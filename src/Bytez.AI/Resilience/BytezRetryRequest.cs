namespace Bytez.AI.Resilience;

/// <summary>
/// Creates the requests the transport sends, marked with whether they may be retried; read by
/// <see cref="BytezRetryHandler"/>. The mark is the request's type rather than an <see cref="HttpRequestMessage.Options"/>
/// entry: an options entry allocates a dictionary and a boxed value on every call. Requests this library does not create
/// itself (the OpenAI SDK's, on the OpenAI-compatible route) are marked with an options entry instead (<see cref="Mark"/>).
/// </summary>
internal static class BytezRetryRequest
{
    /// <summary>The options key of a request marked after its creation.</summary>
    private static readonly HttpRequestOptionsKey<BytezRetryMode> ModeKey = new("Bytez.AI.RetryMode");

    /// <summary>Creates a request marked with how it may be retried.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="uri">The absolute URI.</param>
    /// <param name="mode">How it may be retried.</param>
    /// <returns>The request.</returns>
    public static HttpRequestMessage Create(HttpMethod method, Uri uri, BytezRetryMode mode) => new MarkedRequest(method, uri, mode);

    /// <summary>Marks a request someone else created (the OpenAI SDK's transport hands it over before sending).</summary>
    /// <param name="request">The request.</param>
    /// <param name="mode">How it may be retried.</param>
    public static void Mark(HttpRequestMessage request, BytezRetryMode mode) => request.Options.Set(ModeKey, mode);

    /// <summary>Reads a request's mark.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The mode; <see cref="BytezRetryMode.None"/> for a request nobody marked.</returns>
    public static BytezRetryMode ModeOf(HttpRequestMessage request) =>
        request is MarkedRequest marked ? marked.Mode
        : request.Options.TryGetValue(ModeKey, out var mode) ? mode
        : BytezRetryMode.None;

    private sealed class MarkedRequest(HttpMethod method, Uri uri, BytezRetryMode mode) : HttpRequestMessage(method, uri)
    {
        public BytezRetryMode Mode { get; } = mode;
    }
}
