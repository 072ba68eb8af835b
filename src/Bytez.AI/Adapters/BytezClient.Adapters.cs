using Bytez.AI.Lifecycle;
using Microsoft.Extensions.Logging;

namespace Bytez.AI;

/// <content>The instance lifecycle shared by every M.E.AI adapter made from this client.</content>
public sealed partial class BytezClient
{
    private ModelInstanceRegistry? _instanceRegistry;

    /// <summary>Gets the registry of model instances this client's adapters load and stop (created on first use).</summary>
    internal ModelInstanceRegistry InstanceRegistry =>
        LazyInitializer.EnsureInitialized(ref _instanceRegistry, CreateInstanceRegistry);

    private ModelInstanceRegistry CreateInstanceRegistry() =>
        new(Options.LoggerFactory?.CreateLogger<ModelInstanceRegistry>());
}
