namespace Bytez.AI.Resilience;

/// <summary>The per-request marker (an <see cref="HttpRequestMessage.Options"/> entry) that says whether a request may be retried.</summary>
internal static class BytezRetryRequest
{
    /// <summary>The option key; a request without it is never retried.</summary>
    public static readonly HttpRequestOptionsKey<BytezRetryMode> ModeKey = new("Bytez.AI.RetryMode");

    /// <summary>Marks a request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="mode">How it may be retried.</param>
    public static void Mark(HttpRequestMessage request, BytezRetryMode mode) => request.Options.Set(ModeKey, mode);

    /// <summary>Reads a request's mark.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The mode; <see cref="BytezRetryMode.None"/> when unmarked.</returns>
    public static BytezRetryMode ModeOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(ModeKey, out var mode) ? mode : BytezRetryMode.None;
}
