using Bytez.AI.Lifecycle;

namespace Bytez.AI;

// TEMPORARY (branch meai-chat): the lifecycle slice (branch meai) owns this property. Delete this file when merging
// theirs; it exists only so the chat client compiles against the agreed contract.
public sealed partial class BytezClient
{
    /// <summary>Gets the registry of model instance states shared by every adapter made from this client.</summary>
    internal ModelInstanceRegistry InstanceRegistry => throw new NotImplementedException();
}
