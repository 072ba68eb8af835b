namespace Bytez.AI.Emulator.Server;

/// <summary>A fully prepared answer: status, headers and body chunks, so faults can reshape it before it is written.</summary>
internal sealed class RenderedResponse
{
    public required int StatusCode { get; init; }

    public required string ContentType { get; init; }

    /// <summary>Gets the body, as the chunks to write (one chunk for a non-streamed body).</summary>
    public required List<byte[]> Chunks { get; set; }

    /// <summary>Gets a value indicating whether chunks are flushed one by one (no Content-Length).</summary>
    public bool Streamed { get; init; }

    public string? RetryAfter { get; init; }

    /// <summary>Gets or sets the Content-Length to announce for a non-streamed body (may exceed what is written, for a reset).</summary>
    public long? DeclaredLength { get; set; }

    /// <summary>Gets or sets a value indicating whether the connection is aborted after the chunks are written.</summary>
    public bool AbortAfter { get; set; }

    /// <summary>Gets or sets a value indicating whether the response stays open, sending nothing more, after the chunks are written.</summary>
    public bool StallAfter { get; set; }

    /// <summary>Gets or sets a chunk written again and again after the others, until the caller goes away (an endless body).</summary>
    public byte[]? RepeatForever { get; set; }

    /// <summary>Gets a value indicating whether nothing at all is sent: the request hangs until the caller goes away.</summary>
    public bool NeverAnswer { get; init; }

    /// <summary>Gets a value indicating whether the reason phrase and body are rendered from the caller's key when written.</summary>
    public bool EchoKey { get; init; }

    /// <summary>Gets or sets the HTTP reason phrase; null sends the standard one.</summary>
    public string? ReasonPhrase { get; set; }

    /// <summary>Gets a value indicating whether the answer is a 307 to the same path on another host name, rendered when written.</summary>
    public bool RedirectsToOtherHost { get; init; }

    public static RenderedResponse Json(int statusCode, System.Text.Json.Nodes.JsonNode? body, string? retryAfter = null) => new()
    {
        StatusCode = statusCode,
        ContentType = HttpJson.ContentType,
        Chunks = [HttpJson.ToBytes(body)],
        RetryAfter = retryAfter,
    };
}
