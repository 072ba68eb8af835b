namespace Bytez.AI.Http;

/// <summary>No data arrived on a started response within <see cref="BytezClientOptions.StreamIdleTimeout"/>; the read was aborted.</summary>
internal sealed class StreamIdleException : TimeoutException
{
    /// <summary>Initializes a new instance of the <see cref="StreamIdleException"/> class.</summary>
    public StreamIdleException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="StreamIdleException"/> class.</summary>
    /// <param name="message">The message.</param>
    public StreamIdleException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="StreamIdleException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public StreamIdleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="StreamIdleException"/> class.</summary>
    /// <param name="idleTimeout">The timeout that passed.</param>
    /// <param name="innerException">The aborted read's exception.</param>
    public StreamIdleException(TimeSpan idleTimeout, Exception innerException)
        : base($"No data arrived for {BytezText.Duration(idleTimeout)}.", innerException)
    {
        IdleTimeout = idleTimeout;
    }

    /// <summary>Gets the timeout that passed.</summary>
    public TimeSpan IdleTimeout { get; }
}
