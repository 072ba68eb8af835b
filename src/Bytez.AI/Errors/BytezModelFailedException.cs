using System.Net;

namespace Bytez.AI;

/// <summary>The model's instance failed to load (status <c>FAILED</c>); the reason is in <see cref="BytezException.BytezError"/>.</summary>
public class BytezModelFailedException : BytezException
{
    /// <summary>Initializes a new instance of the <see cref="BytezModelFailedException"/> class.</summary>
    public BytezModelFailedException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BytezModelFailedException"/> class.</summary>
    /// <param name="message">The message.</param>
    public BytezModelFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BytezModelFailedException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public BytezModelFailedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BytezModelFailedException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="statusCode">The HTTP status, when there was a response.</param>
    /// <param name="bytezError">Bytez's own error text, when the body had one.</param>
    /// <param name="modelId">The model concerned, when there is one.</param>
    /// <param name="innerException">The cause.</param>
    public BytezModelFailedException(string message, HttpStatusCode? statusCode, string? bytezError, string? modelId = null, Exception? innerException = null)
        : base(message, statusCode, bytezError, modelId, innerException)
    {
    }
}
