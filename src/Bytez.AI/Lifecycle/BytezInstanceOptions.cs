namespace Bytez.AI;

/// <summary>How an M.E.AI adapter manages its model's instance.</summary>
public class BytezInstanceOptions
{
    /// <summary>The default <see cref="MaxReportedConcurrency"/>: 16.</summary>
    public const int DefaultMaxReportedConcurrency = 16;

    /// <summary>Gets or sets a value indicating whether the first call loads the model (one load however many callers race). Defaults to true.</summary>
    public bool LoadOnFirstUse { get; set; } = true;

    /// <summary>
    /// Gets or sets a value indicating whether disposing the adapter stops the instance, if this process started it.
    /// An instance that was already running is never stopped. Defaults to true.
    /// </summary>
    public bool StopOnDispose { get; set; } = true;

    /// <summary>Gets or sets the load options (concurrency, idle timeout, poll interval, deadline).</summary>
    public BytezLoadOptions LoadOptions { get; set; } = new();

    /// <summary>
    /// Gets or sets how far the concurrency Bytez reports for the instance is trusted when one call fans out into several
    /// runs (the inputs of an embedding call, the images of an image call): at most this many run at once on the
    /// strength of the report, so a server that claims 100,000 gets 16 parallel requests, not one per input. What you
    /// configured is always honoured: <see cref="BytezLoadOptions.Concurrency"/> above it raises the cap, and an adapter's
    /// own limit (<see cref="BytezEmbeddingGeneratorOptions.MaxParallelism"/>) replaces it. Between 1 and
    /// <see cref="BytezLoadOptions.MaxConcurrency"/>; defaults to <see cref="DefaultMaxReportedConcurrency"/>.
    /// </summary>
    public int MaxReportedConcurrency { get; set; } = DefaultMaxReportedConcurrency;

    /// <summary>Gets or sets a receiver of load progress, for example to print it.</summary>
    public IProgress<BytezLoadProgress>? LoadProgress { get; set; }

    /// <summary>Copies the instance settings alone (not a derived adapter's own), so later changes have no effect.</summary>
    /// <returns>The copy; null load options become the defaults.</returns>
    internal BytezInstanceOptions CopyInstanceSettings() => new()
    {
        LoadOnFirstUse = LoadOnFirstUse,
        StopOnDispose = StopOnDispose,
        LoadOptions = LoadOptions ?? new BytezLoadOptions(),
        LoadProgress = LoadProgress,
        MaxReportedConcurrency = MaxReportedConcurrency,
    };
}
