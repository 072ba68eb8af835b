using Bytez.AI.Lifecycle;

namespace Bytez.AI.ChatCompletion;

/// <summary>
/// The instance leases of one chat client: the bound model's, plus one per other model named by
/// <c>ChatOptions.ModelId</c>. Leases are taken on first use and all released when the chat client is disposed.
/// </summary>
internal sealed class BytezChatLeases : IAsyncDisposable, IDisposable
{
    private readonly BytezInstanceOptions _options;
    private readonly Dictionary<string, ModelInstanceLease> _leases = new(StringComparer.OrdinalIgnoreCase);
    private bool _disposed;

    public BytezChatLeases(BytezInstanceOptions options)
    {
        _options = options;
    }

    /// <summary>Gets (taking it on first use) the lease on <paramref name="model"/>'s instance.</summary>
    /// <exception cref="ObjectDisposedException">The chat client was disposed.</exception>
    public ModelInstanceLease Get(BytezModel model)
    {
        lock (_leases)
        {
            ObjectDisposedException.ThrowIf(_disposed, typeof(BytezChatClient));
            if (!_leases.TryGetValue(model.ModelId, out ModelInstanceLease? lease))
            {
                lease = model.Client.InstanceRegistry.Acquire(model, _options);
                _leases.Add(model.ModelId, lease);
            }

            return lease;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (ModelInstanceLease lease in TakeAll())
        {
            // Leases never throw on dispose (they log instead), so one failure cannot skip the others.
            await lease.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (ModelInstanceLease lease in TakeAll())
        {
            lease.Dispose();
        }
    }

    private List<ModelInstanceLease> TakeAll()
    {
        lock (_leases)
        {
            _disposed = true;
            List<ModelInstanceLease> all = [.. _leases.Values];
            _leases.Clear();
            return all;
        }
    }
}
