namespace Bytez.AI;

/// <summary>How an M.E.AI adapter manages its model's instance.</summary>
public class BytezInstanceOptions
{
    /// <summary>Gets or sets a value indicating whether the first call loads the model (one load however many callers race). Defaults to true.</summary>
    public bool LoadOnFirstUse { get; set; } = true;

    /// <summary>
    /// Gets or sets a value indicating whether disposing the adapter stops the instance, if this process started it.
    /// An instance that was already running is never stopped. Defaults to true.
    /// </summary>
    public bool StopOnDispose { get; set; } = true;

    /// <summary>Gets or sets the load options (concurrency, idle timeout, poll interval, deadline).</summary>
    public BytezLoadOptions LoadOptions { get; set; } = new();

    /// <summary>Gets or sets a receiver of load progress, for example to print it.</summary>
    public IProgress<BytezLoadProgress>? LoadProgress { get; set; }
}
