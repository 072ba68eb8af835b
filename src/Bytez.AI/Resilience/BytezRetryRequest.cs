namespace Bytez.AI.Resilience;

/// <summary>The per-request marker (an <see cref="HttpRequestMessage.Options"/> entry) that says whether a request may be retried.</summary>
internal static class BytezRetryRequest
{
    /// <summary>The option key; a request without it is never retried.</summary>
    public static readonly HttpRequestOptionsKey<BytezRetryMode> ModeKey = new("Bytez.AI.RetryMode");

    /// <summary>The option key of the largest body the handler may buffer (<see cref="BytezClientOptions.MaxResponseSize"/>).</summary>
    public static readonly HttpRequestOptionsKey<long> MaxResponseSizeKey = new("Bytez.AI.MaxResponseSize");

    /// <summary>Marks a request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="mode">How it may be retried.</param>
    /// <param name="maxResponseSize">The largest body the handler may buffer, in bytes.</param>
    public static void Mark(HttpRequestMessage request, BytezRetryMode mode, long maxResponseSize)
    {
        request.Options.Set(ModeKey, mode);
        request.Options.Set(MaxResponseSizeKey, maxResponseSize);
    }

    /// <summary>Reads the largest body the handler may buffer for a request.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The limit in bytes; <see cref="BytezClientOptions.DefaultMaxResponseSize"/> when the request has none.</returns>
    public static long MaxResponseSizeOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(MaxResponseSizeKey, out var size) ? size : BytezClientOptions.DefaultMaxResponseSize;

    /// <summary>Reads a request's mark.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The mode; <see cref="BytezRetryMode.None"/> when unmarked.</returns>
    public static BytezRetryMode ModeOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(ModeKey, out var mode) ? mode : BytezRetryMode.None;
}
