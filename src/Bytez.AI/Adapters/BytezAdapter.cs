using Bytez.AI.Lifecycle;

namespace Bytez.AI.Adapters;

/// <summary>
/// What every Bytez M.E.AI adapter shares (chat, embeddings, images, and the speech adapters to come): the bound model,
/// metadata built once, the instance leases of the models that run its calls, <c>GetService</c> and dispose.
/// </summary>
/// <remarks>
/// <para>An adapter derives from this class and implements its M.E.AI interface (whose <c>GetService</c> and
/// <c>Dispose</c> this class provides), is <c>internal sealed</c>, and is created only by its <c>AsI...</c> extension
/// (<see cref="Microsoft.Extensions.AI.BytezModelExtensions"/>). Constructor shape: <c>(BytezModel model, TOptions? options)</c>
/// with <c>TOptions : BytezInstanceOptions</c>.</para>
/// <para>A per-call model id runs the call on that model through its own lease (<see cref="LeaseFor"/>), released when the
/// adapter is disposed, the same way in every adapter. <c>GetService</c> follows Microsoft.Extensions.AI.OpenAI's order:
/// a key gives null; then the metadata, the protocol objects (<see cref="BytezModel"/>, <see cref="BytezClient"/>), and the
/// adapter itself, then whatever an inner client the adapter wraps offers (<see cref="GetInnerService"/>).</para>
/// </remarks>
/// <typeparam name="TMetadata">The M.E.AI metadata type (<c>ChatClientMetadata</c>, ...).</typeparam>
internal abstract class BytezAdapter<TMetadata> : IDisposable, IAsyncDisposable
    where TMetadata : class
{
    private readonly ModelLeases _leases;
    private TMetadata _metadata;

    /// <summary>Initializes a new instance of the <see cref="BytezAdapter{TMetadata}"/> class.</summary>
    /// <param name="model">The model the adapter is bound to.</param>
    /// <param name="options">Instance management; validated here (load options), before any call.</param>
    /// <param name="createMetadata">Builds the metadata from the provider name, endpoint and model id.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    protected BytezAdapter(BytezModel model, BytezInstanceOptions options, Func<string, Uri, string, TMetadata> createMetadata)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        Model = model;
        _metadata = createMetadata(ProviderName, model.Client.Endpoint, model.ModelId);
        _leases = new ModelLeases(model, options, GetType());
    }

    /// <summary>The provider name in every adapter's metadata.</summary>
    public const string ProviderName = "bytez";

    /// <summary>Gets the model the adapter is bound to.</summary>
    protected BytezModel Model { get; }

    /// <summary>Gets or sets the metadata (an adapter may publish a new one once it learns more, e.g. the dimensions).</summary>
    protected TMetadata Metadata
    {
        get => Volatile.Read(ref _metadata);
        set => Volatile.Write(ref _metadata, value);
    }

    /// <inheritdoc cref="Microsoft.Extensions.AI.IChatClient.GetService"/>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);

        return
            serviceKey is not null ? null :
            serviceType == typeof(TMetadata) ? Metadata :
            serviceType == typeof(BytezModel) ? Model :
            serviceType == typeof(BytezClient) ? Model.Client :
            serviceType.IsInstanceOfType(this) ? this :
            GetInnerService(serviceType);
    }

    /// <summary>
    /// Gets a service of an inner client the adapter wraps (after its own: the OpenAI-compatible route answers with the
    /// OpenAI SDK's objects). Null by default.
    /// </summary>
    /// <param name="serviceType">The service type; never null.</param>
    /// <returns>The service, or null.</returns>
    protected virtual object? GetInnerService(Type serviceType) => null;

    /// <summary>Releases the instance leases: an instance this adapter loaded is stopped if <see cref="BytezInstanceOptions.StopOnDispose"/> is set. Never throws.</summary>
    public void Dispose() => _leases.Dispose();

    /// <summary>Releases the instance leases without blocking on the stop requests. Never throws.</summary>
    /// <returns>A task that completes when the leases are released.</returns>
    public ValueTask DisposeAsync() => _leases.DisposeAsync();

    /// <summary>Gets the lease of the model that runs a call: the bound model, or the one the per-call model id names.</summary>
    /// <param name="modelId">The options' <c>ModelId</c>; null or empty for the bound model.</param>
    /// <returns>The lease; its <see cref="ModelInstanceLease.Model"/> is the model that runs the call.</returns>
    /// <exception cref="ObjectDisposedException">The adapter was disposed.</exception>
    protected ModelInstanceLease LeaseFor(string? modelId) => _leases.For(modelId);
}
