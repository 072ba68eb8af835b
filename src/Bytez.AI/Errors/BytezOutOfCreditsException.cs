using System.Net;

namespace Bytez.AI;

/// <summary>The account has no credits left (HTTP 402, or any error whose message mentions credits). Add credits or wait for the monthly refill.</summary>
public class BytezOutOfCreditsException : BytezException
{
    /// <summary>Initializes a new instance of the <see cref="BytezOutOfCreditsException"/> class.</summary>
    public BytezOutOfCreditsException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BytezOutOfCreditsException"/> class.</summary>
    /// <param name="message">The message.</param>
    public BytezOutOfCreditsException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BytezOutOfCreditsException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public BytezOutOfCreditsException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BytezOutOfCreditsException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="statusCode">The HTTP status, when there was a response.</param>
    /// <param name="bytezError">Bytez's own error text, when the body had one.</param>
    /// <param name="modelId">The model concerned, when there is one.</param>
    /// <param name="innerException">The cause.</param>
    public BytezOutOfCreditsException(string message, HttpStatusCode? statusCode, string? bytezError, string? modelId = null, Exception? innerException = null)
        : base(message, statusCode, bytezError, modelId, innerException)
    {
    }
}
