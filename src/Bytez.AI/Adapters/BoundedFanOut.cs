using Bytez.AI.Lifecycle;

namespace Bytez.AI.Adapters;

/// <summary>
/// Runs one protocol call per item (an embedding per input, an image per requested image) in parallel, no wider than the
/// instance serves, keeping the results in item order.
/// </summary>
internal static class BoundedFanOut
{
    /// <summary>
    /// The number of calls in flight at once: the items, capped by the caller's limit when set, else by the instance's
    /// loaded concurrency as Bytez reports it, trusted only up to <see cref="BytezInstanceOptions.MaxReportedConcurrency"/>
    /// (or the configured concurrency, when that is higher). The one place the width is decided.
    /// </summary>
    /// <param name="items">The number of items.</param>
    /// <param name="maxParallelism">The adapter's configured limit, if any.</param>
    /// <param name="lease">The lease of the model that runs the calls (its loaded concurrency and how far to trust it).</param>
    /// <returns>At least 1.</returns>
    public static int Width(int items, int? maxParallelism, ModelInstanceLease lease)
    {
        // A server's claim must not decide how many requests we send at once: a claim of 100,000 would otherwise send
        // one request per item.
        int trusted = Math.Min(lease.Concurrency, Math.Max(lease.ConfiguredConcurrency, lease.MaxReportedConcurrency));
        return Math.Max(1, Math.Min(items, maxParallelism ?? trusted));
    }

    /// <summary>Loads the model if needed (so the width uses the concurrency it really has), then runs the calls.</summary>
    /// <typeparam name="T">The result of one call.</typeparam>
    /// <param name="lease">The lease of the model that runs the calls.</param>
    /// <param name="count">The number of items.</param>
    /// <param name="maxParallelism">The adapter's configured limit, if any.</param>
    /// <param name="run">Runs the call for item <c>i</c>.</param>
    /// <param name="cancellationToken">Cancels every call.</param>
    /// <returns>The results, in item order.</returns>
    public static async Task<T[]> RunAsync<T>(
        ModelInstanceLease lease, int count, int? maxParallelism, Func<int, CancellationToken, Task<T>> run, CancellationToken cancellationToken)
    {
        await lease.EnsureRunningAsync(cancellationToken).ConfigureAwait(false);

        var results = new T[count];
        int width = Width(count, maxParallelism, lease);
        if (width == 1)
        {
            for (int i = 0; i < count; i++)
            {
                results[i] = await run(i, cancellationToken).ConfigureAwait(false);
            }

            return results;
        }

        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = width, CancellationToken = cancellationToken },
            async (i, ct) => results[i] = await run(i, ct).ConfigureAwait(false))
            .ConfigureAwait(false);
        return results;
    }
}
