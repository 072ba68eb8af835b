using System.Net;

namespace Bytez.AI;

/// <summary>The model did not reach <c>RUNNING</c> before the load deadline. Raise <see cref="BytezLoadOptions.LoadTimeout"/> or retry later.</summary>
public class BytezLoadTimeoutException : BytezException
{
    /// <summary>Initializes a new instance of the <see cref="BytezLoadTimeoutException"/> class.</summary>
    public BytezLoadTimeoutException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BytezLoadTimeoutException"/> class.</summary>
    /// <param name="message">The message.</param>
    public BytezLoadTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BytezLoadTimeoutException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public BytezLoadTimeoutException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BytezLoadTimeoutException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="statusCode">The HTTP status, when there was a response.</param>
    /// <param name="bytezError">Bytez's own error text, when the body had one.</param>
    /// <param name="modelId">The model concerned, when there is one.</param>
    /// <param name="innerException">The cause.</param>
    public BytezLoadTimeoutException(string message, HttpStatusCode? statusCode, string? bytezError, string? modelId = null, Exception? innerException = null)
        : base(message, statusCode, bytezError, modelId, innerException)
    {
    }
}
