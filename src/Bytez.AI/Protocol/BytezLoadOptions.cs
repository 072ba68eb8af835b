namespace Bytez.AI;

/// <summary>Options for <see cref="BytezModel.StartAsync"/> and <see cref="BytezModel.LoadAsync"/>.</summary>
public sealed record BytezLoadOptions
{
    /// <summary>The largest accepted <see cref="Concurrency"/>.</summary>
    public const int MaxConcurrency = 1000;

    /// <summary>Gets the number of serverless instances, that is, of parallel inferences (1 to <see cref="MaxConcurrency"/>). Defaults to 1.</summary>
    public int Concurrency { get; init; } = 1;

    /// <summary>
    /// Gets the idle time after which the instance shuts itself down; every run resets it. Defaults to 300 seconds.
    /// Sent as <c>expirationPeriodSeconds</c>.
    /// </summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>Gets the delay between status polls; null uses <see cref="BytezClientOptions.LoadPollInterval"/>.</summary>
    public TimeSpan? PollInterval { get; init; }

    /// <summary>Gets how long to poll before failing with <see cref="BytezLoadTimeoutException"/>; null uses <see cref="BytezClientOptions.LoadTimeout"/>.</summary>
    public TimeSpan? LoadTimeout { get; init; }
}
