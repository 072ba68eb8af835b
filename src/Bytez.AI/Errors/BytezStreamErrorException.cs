using System.Net;

namespace Bytez.AI;

/// <summary>The model wrote an error into a text stream after it had begun (in-band <c>INTERNAL_BYTEZ_ERROR:</c> or <c>Error:</c> text).</summary>
public class BytezStreamErrorException : BytezException
{
    /// <summary>Initializes a new instance of the <see cref="BytezStreamErrorException"/> class.</summary>
    public BytezStreamErrorException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BytezStreamErrorException"/> class.</summary>
    /// <param name="message">The message.</param>
    public BytezStreamErrorException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BytezStreamErrorException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public BytezStreamErrorException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BytezStreamErrorException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="statusCode">The HTTP status, when there was a response.</param>
    /// <param name="bytezError">Bytez's own error text, when the body had one.</param>
    /// <param name="modelId">The model concerned, when there is one.</param>
    /// <param name="innerException">The cause.</param>
    public BytezStreamErrorException(string message, HttpStatusCode? statusCode, string? bytezError, string? modelId = null, Exception? innerException = null)
        : base(message, statusCode, bytezError, modelId, innerException)
    {
    }
}
