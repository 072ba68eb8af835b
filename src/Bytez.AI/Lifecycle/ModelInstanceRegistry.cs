namespace Bytez.AI.Lifecycle;

/// <summary>Per-<see cref="BytezClient"/> registry of model instance states; hands out leases to adapters.</summary>
internal sealed class ModelInstanceRegistry
{
    /// <summary>Gets a lease on <paramref name="model"/>'s instance with the given options.</summary>
    public ModelInstanceLease Acquire(BytezModel model, BytezInstanceOptions options) => throw new NotImplementedException();
}
