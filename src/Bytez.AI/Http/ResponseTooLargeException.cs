namespace Bytez.AI.Http;

/// <summary>
/// A response body passed <see cref="BytezClientOptions.MaxResponseSize"/>. Deliberately neither an
/// <see cref="HttpRequestException"/> nor an <see cref="IOException"/>, so the retry handler never retries it; the
/// transport turns it into a <see cref="BytezProtocolException"/> naming the call.
/// </summary>
internal sealed class ResponseTooLargeException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="ResponseTooLargeException"/> class.</summary>
    public ResponseTooLargeException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ResponseTooLargeException"/> class.</summary>
    /// <param name="message">The message.</param>
    public ResponseTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ResponseTooLargeException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ResponseTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ResponseTooLargeException"/> class.</summary>
    /// <param name="limit">The limit in bytes.</param>
    /// <param name="declaredLength">The <c>Content-Length</c> the server announced, when it announced one above the limit.</param>
    public ResponseTooLargeException(long limit, long? declaredLength)
        : base(declaredLength is { } length
            ? $"The response announced {length} bytes, more than the limit of {limit}."
            : $"The response passed the limit of {limit} bytes.")
    {
        Limit = limit;
        DeclaredLength = declaredLength;
    }

    /// <summary>Gets the limit in bytes.</summary>
    public long Limit { get; }

    /// <summary>Gets the announced length, when it alone was over the limit (nothing was read then).</summary>
    public long? DeclaredLength { get; }

    /// <summary>Gets or sets the status of the response, once known.</summary>
    public System.Net.HttpStatusCode? StatusCode { get; set; }
}
