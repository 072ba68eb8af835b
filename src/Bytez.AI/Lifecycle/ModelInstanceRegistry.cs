using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bytez.AI.Lifecycle;

/// <summary>
/// Per-<see cref="BytezClient"/> registry of model instance states; hands out leases to adapters. Leases on the same
/// model id share one <see cref="ModelInstanceState"/>, so every adapter made from one client shares one load.
/// </summary>
internal sealed class ModelInstanceRegistry
{
    private readonly object _gate = new();
    private readonly Dictionary<string, ModelInstanceState> _states = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task> _teardowns = new(StringComparer.Ordinal);
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="ModelInstanceRegistry"/> class.</summary>
    /// <param name="logger">The logger for lifecycle events; null logs nothing.</param>
    public ModelInstanceRegistry(ILogger? logger = null)
    {
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Gets the logger shared by the leases.</summary>
    internal ILogger Logger => _logger;

    /// <summary>Gets a lease on <paramref name="model"/>'s instance with the given options.</summary>
    /// <param name="model">The model.</param>
    /// <param name="options">How the lease manages the instance. Its values are read now; later changes have no effect.</param>
    /// <returns>The lease; dispose it when the adapter is disposed.</returns>
    public ModelInstanceLease Acquire(BytezModel model, BytezInstanceOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);

        // Fail at the adapter's construction, not at its first call's load.
        Validation.BytezOptionsValidator.Validate(options);

        lock (_gate)
        {
            if (!_states.TryGetValue(model.ModelId, out ModelInstanceState? state))
            {
                Task previous = _teardowns.TryGetValue(model.ModelId, out Task? teardown) ? teardown : Task.CompletedTask;
                state = new ModelInstanceState(model, previous, _logger);
                _states.Add(model.ModelId, state);
            }

            state.LeaseCount++;
            state.Register(options.StopOnDispose);
            return new ModelInstanceLease(this, state, options);
        }
    }

    /// <summary>Gets the state held for a model id, if any lease holds it (tests and diagnostics).</summary>
    /// <param name="modelId">The model id.</param>
    /// <returns>The state, or null.</returns>
    internal ModelInstanceState? Find(string modelId)
    {
        lock (_gate)
        {
            return _states.GetValueOrDefault(modelId);
        }
    }

    /// <summary>Releases one lease; the last one tears the state down (cancel a load in flight, maybe stop).</summary>
    /// <param name="state">The state the lease held.</param>
    /// <returns>A task that completes when the release, and the teardown if any, is done. Never faults.</returns>
    internal Task ReleaseAsync(ModelInstanceState state)
    {
        string modelId = state.Model.ModelId;
        Task teardown;
        lock (_gate)
        {
            if (--state.LeaseCount > 0)
            {
                return Task.CompletedTask;
            }

            _ = _states.Remove(modelId);

            // Task.Run: the teardown cancels a load and waits on HTTP; none of that may run under _gate.
            teardown = Task.Run(state.TeardownAsync);
            _teardowns[modelId] = teardown;
        }

        return ForgetWhenDoneAsync(modelId, teardown);
    }

    private async Task ForgetWhenDoneAsync(string modelId, Task teardown)
    {
        await teardown.ConfigureAwait(false);
        lock (_gate)
        {
            if (_teardowns.TryGetValue(modelId, out Task? current) && ReferenceEquals(current, teardown))
            {
                _ = _teardowns.Remove(modelId);
            }
        }
    }
}
