namespace Bytez.AI;

/// <content>
/// The one home of the state that the layers above the protocol keep per client: the instance registry (lifecycle) and
/// the resolved chat input modes (adapters). Keyed by type and created on first use, so the protocol layer does not
/// depend on those layers and nothing is static.
/// </content>
public sealed partial class BytezClient
{
    private readonly Dictionary<Type, object> _layerState = [];

    /// <summary>Gets the state of type <typeparamref name="T"/> kept for this client, creating it on first use (once).</summary>
    /// <typeparam name="T">The state's type; one instance per client.</typeparam>
    /// <param name="create">Creates it.</param>
    /// <returns>The state.</returns>
    internal T GetLayerState<T>(Func<BytezClient, T> create)
        where T : class
    {
        lock (_layerState)
        {
            if (!_layerState.TryGetValue(typeof(T), out object? state))
            {
                state = create(this);
                _layerState.Add(typeof(T), state);
            }

            return (T)state;
        }
    }
}
