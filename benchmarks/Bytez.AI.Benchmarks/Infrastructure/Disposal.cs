namespace Bytez.AI.Benchmarks.Infrastructure;

/// <summary>Disposes adapters the way their owners should: asynchronously when they can (a Bytez adapter stops the instance it started without blocking).</summary>
public static class Disposal
{
    /// <summary>Disposes each object, asynchronously when it is <see cref="IAsyncDisposable"/>.</summary>
    /// <param name="disposables">The objects.</param>
    /// <returns>A task that completes when all are disposed.</returns>
    public static async ValueTask DisposeAllAsync(params IEnumerable<IDisposable> disposables)
    {
        ArgumentNullException.ThrowIfNull(disposables);
        foreach (var disposable in disposables)
        {
            if (disposable is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                disposable.Dispose();
            }
        }
    }
}
