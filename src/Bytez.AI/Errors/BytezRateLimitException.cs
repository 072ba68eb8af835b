using System.Net;

namespace Bytez.AI;

/// <summary>Too many requests or concurrent runs (HTTP 429). Retry after <see cref="RetryAfter"/>, or raise your plan's limits.</summary>
public class BytezRateLimitException : BytezException
{
    /// <summary>Initializes a new instance of the <see cref="BytezRateLimitException"/> class.</summary>
    public BytezRateLimitException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BytezRateLimitException"/> class.</summary>
    /// <param name="message">The message.</param>
    public BytezRateLimitException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BytezRateLimitException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public BytezRateLimitException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BytezRateLimitException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="bytezError">Bytez's own error text.</param>
    /// <param name="modelId">The model concerned, when there is one.</param>
    /// <param name="retryAfter">The server's <c>Retry-After</c>, when given.</param>
    /// <param name="innerException">The cause.</param>
    public BytezRateLimitException(string message, HttpStatusCode? statusCode, string? bytezError, string? modelId = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, statusCode, bytezError, modelId, innerException)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>Gets the delay the server asked for before retrying, when it sent <c>Retry-After</c>.</summary>
    public TimeSpan? RetryAfter { get; }
}
