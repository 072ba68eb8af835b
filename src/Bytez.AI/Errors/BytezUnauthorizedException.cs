using System.Net;

namespace Bytez.AI;

/// <summary>The API key is missing, wrong or revoked (HTTP 401 or 403). Check <c>BYTEZ_API_KEY</c> or <see cref="BytezClientOptions.ApiKey"/>.</summary>
public class BytezUnauthorizedException : BytezException
{
    /// <summary>Initializes a new instance of the <see cref="BytezUnauthorizedException"/> class.</summary>
    public BytezUnauthorizedException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BytezUnauthorizedException"/> class.</summary>
    /// <param name="message">The message.</param>
    public BytezUnauthorizedException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BytezUnauthorizedException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public BytezUnauthorizedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BytezUnauthorizedException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="statusCode">The HTTP status, when there was a response.</param>
    /// <param name="bytezError">Bytez's own error text, when the body had one.</param>
    /// <param name="modelId">The model concerned, when there is one.</param>
    /// <param name="innerException">The cause.</param>
    public BytezUnauthorizedException(string message, HttpStatusCode? statusCode, string? bytezError, string? modelId = null, Exception? innerException = null)
        : base(message, statusCode, bytezError, modelId, innerException)
    {
    }
}
