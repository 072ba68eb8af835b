namespace Bytez.AI.Resilience;

/// <summary>
/// Whether, and how, one request may be retried. Set on each request by the transport (it knows the operation); read
/// by <see cref="BytezRetryHandler"/>, which knows nothing of operations.
/// </summary>
internal enum BytezRetryMode
{
    /// <summary>Never retried: loads, stops, model requests, and any request not marked.</summary>
    None,

    /// <summary>Retried; the body is read inside the retry so a body cut off mid-way is retried too.</summary>
    Buffered,

    /// <summary>Retried only on an error status; a success is handed over unread, so streaming is never retried.</summary>
    Streamed,
}
