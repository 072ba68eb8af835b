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
    private static readonly HttpRequestOptionsKey<Marks> MarksKey = new("Bytez.AI.RetryMarks");

    /// <summary>Creates a request marked with how it may be retried and how large a body the handler may buffer.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="uri">The absolute URI.</param>
    /// <param name="mode">How it may be retried.</param>
    /// <param name="maxResponseSize">The largest body the handler may buffer, in bytes (<see cref="BytezClientOptions.MaxResponseSize"/>).</param>
    /// <returns>The request.</returns>
    public static HttpRequestMessage Create(HttpMethod method, Uri uri, BytezRetryMode mode, long maxResponseSize) =>
        new MarkedRequest(method, uri, mode, maxResponseSize);

    /// <summary>Marks a request someone else created (the OpenAI SDK's transport hands it over before sending).</summary>
    /// <param name="request">The request.</param>
    /// <param name="mode">How it may be retried.</param>
    /// <param name="maxResponseSize">The largest body the handler may buffer, in bytes.</param>
    public static void Mark(HttpRequestMessage request, BytezRetryMode mode, long maxResponseSize) =>
        request.Options.Set(MarksKey, new Marks(mode, maxResponseSize));

    /// <summary>Reads a request's mark.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The mode; <see cref="BytezRetryMode.None"/> for a request nobody marked.</returns>
    public static BytezRetryMode ModeOf(HttpRequestMessage request) =>
        request is MarkedRequest marked ? marked.Mode
        : request.Options.TryGetValue(MarksKey, out Marks? marks) ? marks.Mode
        : BytezRetryMode.None;

    /// <summary>Reads the largest body the handler may buffer for a request.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The limit in bytes; <see cref="BytezClientOptions.DefaultMaxResponseSize"/> for a request nobody marked.</returns>
    public static long MaxResponseSizeOf(HttpRequestMessage request) =>
        request is MarkedRequest marked ? marked.MaxResponseSize
        : request.Options.TryGetValue(MarksKey, out Marks? marks) ? marks.MaxResponseSize
        : BytezClientOptions.DefaultMaxResponseSize;

    private sealed class MarkedRequest(HttpMethod method, Uri uri, BytezRetryMode mode, long maxResponseSize) : HttpRequestMessage(method, uri)
    {
        public BytezRetryMode Mode { get; } = mode;

        public long MaxResponseSize { get; } = maxResponseSize;
    }

    /// <summary>The marks of a request marked after its creation.</summary>
    private sealed record Marks(BytezRetryMode Mode, long MaxResponseSize);
}
