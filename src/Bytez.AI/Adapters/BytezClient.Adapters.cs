using Bytez.AI.ChatCompletion;
using Bytez.AI.Lifecycle;
using Microsoft.Extensions.Logging;

namespace Bytez.AI;

/// <content>
/// The state every M.E.AI adapter made from this client shares, in one place: the model instances they load and stop,
/// and how each chat model takes its input. Created on first use; nothing here is static.
/// </content>
public sealed partial class BytezClient
{
    private ModelInstanceRegistry? _instanceRegistry;
    private BytezChatInputModes? _chatInputModes;

    /// <summary>Gets the registry of model instances this client's adapters load and stop.</summary>
    internal ModelInstanceRegistry InstanceRegistry =>
        LazyInitializer.EnsureInitialized(ref _instanceRegistry, CreateInstanceRegistry);

    /// <summary>Gets the input modes resolved for this client's chat models (one listing per model).</summary>
    internal BytezChatInputModes ChatInputModes =>
        LazyInitializer.EnsureInitialized(ref _chatInputModes, static () => new BytezChatInputModes());

    private ModelInstanceRegistry CreateInstanceRegistry() =>
        new(Options.LoggerFactory?.CreateLogger<ModelInstanceRegistry>());
}
