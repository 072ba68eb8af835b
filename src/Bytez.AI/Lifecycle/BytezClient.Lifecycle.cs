using Bytez.AI.Lifecycle;
using Microsoft.Extensions.Logging;

namespace Bytez.AI;

/// <content>The instance lifecycle shared by every M.E.AI adapter made from this client.</content>
public sealed partial class BytezClient
{
    /// <summary>Gets the registry of model instances this client's adapters load and stop (created on first use).</summary>
    internal ModelInstanceRegistry InstanceRegistry =>
        GetLayerState(static client => new ModelInstanceRegistry(client.Options.LoggerFactory?.CreateLogger<ModelInstanceRegistry>()));
}
