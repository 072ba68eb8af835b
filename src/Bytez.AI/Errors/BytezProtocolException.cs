using System.Net;

namespace Bytez.AI;

/// <summary>The response was malformed or not of the documented shape (bad JSON, an empty body, a missing member).</summary>
public class BytezProtocolException : BytezException
{
    /// <summary>Initializes a new instance of the <see cref="BytezProtocolException"/> class.</summary>
    public BytezProtocolException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BytezProtocolException"/> class.</summary>
    /// <param name="message">The message.</param>
    public BytezProtocolException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BytezProtocolException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public BytezProtocolException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BytezProtocolException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="statusCode">The HTTP status, when there was a response.</param>
    /// <param name="bytezError">Bytez's own error text, when the body had one.</param>
    /// <param name="modelId">The model concerned, when there is one.</param>
    /// <param name="innerException">The cause.</param>
    public BytezProtocolException(string message, HttpStatusCode? statusCode, string? bytezError, string? modelId = null, Exception? innerException = null)
        : base(message, statusCode, bytezError, modelId, innerException)
    {
    }
}
