namespace Bytez.AI.Lifecycle;

/// <summary>
/// One adapter's hold on a model's instance. Every adapter (chat, embeddings, images) gets its own lease from
/// <see cref="ModelInstanceRegistry"/>; leases of the same model from the same <see cref="BytezClient"/> share one
/// instance state, so N racing first calls cause one load and one polling loop.
/// </summary>
internal sealed class ModelInstanceLease : IAsyncDisposable, IDisposable
{
    /// <summary>Gets the model.</summary>
    public BytezModel Model => throw new NotImplementedException();

    /// <summary>Gets the loaded concurrency (parallel runs the instance serves); the configured value before loading.</summary>
    public int Concurrency => throw new NotImplementedException();

    /// <summary>Makes sure the instance is running: loads it on first use (single-flight) unless LoadOnFirstUse is off.</summary>
    public Task EnsureRunningAsync(CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>
    /// Runs <paramref name="operation"/> once the instance is running. If it fails with
    /// <see cref="BytezModelNotRunningException"/> (the instance expired or was stopped elsewhere), the model is
    /// reloaded once and the operation retried.
    /// </summary>
    public Task<T> ExecuteAsync<T>(Func<BytezModel, CancellationToken, Task<T>> operation, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>
    /// Streams from <paramref name="operation"/> once the instance is running; reloads and retries once on
    /// <see cref="BytezModelNotRunningException"/> only if nothing has been yielded yet.
    /// </summary>
    public IAsyncEnumerable<T> ExecuteStreamingAsync<T>(Func<BytezModel, CancellationToken, IAsyncEnumerable<T>> operation, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>Releases the lease; the last lease of an instance this process started stops it (if StopOnDispose). Never throws.</summary>
    public ValueTask DisposeAsync() => throw new NotImplementedException();

    /// <summary>Releases the lease synchronously (blocks on the stop). Never throws.</summary>
    public void Dispose() => throw new NotImplementedException();
}
