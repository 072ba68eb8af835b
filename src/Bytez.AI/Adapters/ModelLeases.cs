using Bytez.AI.Lifecycle;

namespace Bytez.AI.Adapters;

/// <summary>
/// The instance leases of one adapter: the bound model's, taken when the adapter is created (so bad load options fail
/// there), plus one per other model named by a per-call <c>ModelId</c>, taken on first use. All are released when the
/// adapter is disposed.
/// </summary>
internal sealed class ModelLeases : IAsyncDisposable, IDisposable
{
    private readonly BytezInstanceOptions _options;
    private readonly Type _owner;
    private readonly Dictionary<string, ModelInstanceLease> _leases = new(StringComparer.OrdinalIgnoreCase);
    private readonly ModelInstanceLease _bound;
    private volatile bool _disposed;

    /// <summary>Initializes a new instance of the <see cref="ModelLeases"/> class and takes the bound model's lease.</summary>
    /// <param name="model">The model the adapter is bound to.</param>
    /// <param name="options">How the leases manage their instances; read now.</param>
    /// <param name="owner">The adapter type, named by <see cref="ObjectDisposedException"/>.</param>
    public ModelLeases(BytezModel model, BytezInstanceOptions options, Type owner)
    {
        _options = options.CopyInstanceSettings();
        _owner = owner;
        Bound = model;
        _bound = model.Client.InstanceRegistry.Acquire(model, _options);
        _leases.Add(model.ModelId, _bound);
    }

    /// <summary>Gets the model the adapter is bound to.</summary>
    public BytezModel Bound { get; }

    /// <summary>
    /// Gets the lease of the model that runs a call: the bound model, or the one a per-call model id names (taken on
    /// first use, from the same <see cref="BytezClient"/>).
    /// </summary>
    /// <param name="modelId">The per-call model id (<c>ChatOptions.ModelId</c> and the like); null or empty for the bound model.</param>
    /// <returns>The lease.</returns>
    /// <exception cref="ObjectDisposedException">The adapter was disposed.</exception>
    /// <exception cref="ArgumentException"><paramref name="modelId"/> is not of the form <c>organization/name</c>.</exception>
    public ModelInstanceLease For(string? modelId)
    {
        if (string.IsNullOrEmpty(modelId))
        {
            // Nearly every call: the bound lease, taken in the constructor, needs no lock or lookup. A dispose racing
            // this read is seen by the lease itself, which refuses calls once released.
            ObjectDisposedException.ThrowIf(_disposed, _owner);
            return _bound;
        }

        lock (_leases)
        {
            ObjectDisposedException.ThrowIf(_disposed, _owner);
            if (!_leases.TryGetValue(modelId, out ModelInstanceLease? lease))
            {
                BytezModel model = Bound.Client.GetModel(modelId);
                lease = model.Client.InstanceRegistry.Acquire(model, _options);
                _leases.Add(modelId, lease);
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
