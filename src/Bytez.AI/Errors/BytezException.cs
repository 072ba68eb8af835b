using System.Net;

namespace Bytez.AI;

/// <summary>
/// The base of every error the Bytez client raises: carries the HTTP status and Bytez's own message. Messages say what
/// to do next and never contain the API key.
/// </summary>
public class BytezException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="BytezException"/> class.</summary>
    public BytezException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BytezException"/> class.</summary>
    /// <param name="message">The message.</param>
    public BytezException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BytezException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public BytezException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BytezException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="statusCode">The HTTP status, when there was a response.</param>
    /// <param name="bytezError">Bytez's own error text, when the body had one.</param>
    /// <param name="modelId">The model concerned, when there is one.</param>
    /// <param name="innerException">The cause.</param>
    public BytezException(string message, HttpStatusCode? statusCode, string? bytezError, string? modelId = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        BytezError = bytezError;
        ModelId = modelId;
    }

    /// <summary>Gets the HTTP status code, when there was a response.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Gets Bytez's own error message (the <c>error</c> member of the body), when there was one.</summary>
    public string? BytezError { get; }

    /// <summary>Gets the model id concerned, when there is one.</summary>
    public string? ModelId { get; }
}
