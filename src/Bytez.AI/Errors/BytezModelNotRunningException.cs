using System.Net;

namespace Bytez.AI;

/// <summary>A run reached a model with no running instance (it expired after its idle timeout or was stopped). Load the model again.</summary>
public class BytezModelNotRunningException : BytezException
{
    /// <summary>Initializes a new instance of the <see cref="BytezModelNotRunningException"/> class.</summary>
    public BytezModelNotRunningException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BytezModelNotRunningException"/> class.</summary>
    /// <param name="message">The message.</param>
    public BytezModelNotRunningException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BytezModelNotRunningException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public BytezModelNotRunningException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BytezModelNotRunningException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="statusCode">The HTTP status, when there was a response.</param>
    /// <param name="bytezError">Bytez's own error text, when the body had one.</param>
    /// <param name="modelId">The model concerned, when there is one.</param>
    /// <param name="innerException">The cause.</param>
    public BytezModelNotRunningException(string message, HttpStatusCode? statusCode, string? bytezError, string? modelId = null, Exception? innerException = null)
        : base(message, statusCode, bytezError, modelId, innerException)
    {
    }
}
