using System.Net;

namespace Bytez.AI;

/// <summary>The model or endpoint does not exist (HTTP 404). Check the model id with <see cref="BytezClient.ListModelsAsync(string?, CancellationToken)"/>.</summary>
public class BytezNotFoundException : BytezException
{
    /// <summary>Initializes a new instance of the <see cref="BytezNotFoundException"/> class.</summary>
    public BytezNotFoundException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BytezNotFoundException"/> class.</summary>
    /// <param name="message">The message.</param>
    public BytezNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BytezNotFoundException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public BytezNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BytezNotFoundException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="statusCode">The HTTP status, when there was a response.</param>
    /// <param name="bytezError">Bytez's own error text, when the body had one.</param>
    /// <param name="modelId">The model concerned, when there is one.</param>
    /// <param name="innerException">The cause.</param>
    public BytezNotFoundException(string message, HttpStatusCode? statusCode, string? bytezError, string? modelId = null, Exception? innerException = null)
        : base(message, statusCode, bytezError, modelId, innerException)
    {
    }
}
