using Microsoft.Extensions.Logging;

namespace Bytez.AI.Lifecycle;

/// <summary>
/// What one <see cref="BytezClient"/> knows about one model's instance: the shared load (single-flight), who started
/// the instance, its loaded concurrency, and how many leases hold it. Created by <see cref="ModelInstanceRegistry"/>
/// when the first lease is acquired and torn down when the last one is released.
/// </summary>
internal sealed class ModelInstanceState : IDisposable
{
    private readonly object _gate = new();
    private readonly ILogger _logger;
    private readonly Task _previousTeardown;
    private readonly CancellationTokenSource _lifetime = new();

    // All guarded by _gate.
    private Task<BytezLoadResult>? _load;
    private bool _startedByThisClient;
    private bool _keepRunning;
    private bool _tornDown;
    private int? _loadedConcurrency;

    /// <summary>Initializes a new instance of the <see cref="ModelInstanceState"/> class.</summary>
    /// <param name="model">The model.</param>
    /// <param name="previousTeardown">The teardown of this model's previous state, which a new load waits for.</param>
    /// <param name="logger">The logger.</param>
    public ModelInstanceState(BytezModel model, Task previousTeardown, ILogger logger)
    {
        Model = model;
        _previousTeardown = previousTeardown;
        _logger = logger;
    }

    /// <summary>Gets the model.</summary>
    public BytezModel Model { get; }

    /// <summary>Gets or sets the number of leases holding this state; guarded by the registry's lock.</summary>
    public int LeaseCount { get; set; }

    /// <summary>Gets the concurrency the instance was loaded with, once a load succeeded.</summary>
    public int? LoadedConcurrency
    {
        get
        {
            lock (_gate)
            {
                return _loadedConcurrency;
            }
        }
    }

    /// <summary>Gets a value indicating whether the current instance was started by this client (tests and diagnostics).</summary>
    public bool StartedByThisClient
    {
        get
        {
            lock (_gate)
            {
                return _startedByThisClient;
            }
        }
    }

    /// <summary>Records a new lease's wishes: any lease that opts out of stop-on-dispose keeps the instance running.</summary>
    /// <param name="stopOnDispose">The lease's <see cref="BytezInstanceOptions.StopOnDispose"/>.</param>
    public void Register(bool stopOnDispose)
    {
        lock (_gate)
        {
            _keepRunning |= !stopOnDispose;
        }
    }

    /// <summary>
    /// Gets the load every caller shares: the one in flight or the one that succeeded; a failed or cancelled load is
    /// replaced by a new one, so a failure is never cached.
    /// </summary>
    /// <param name="options">The options of the lease asking (its load options are used if a load starts).</param>
    /// <returns>The shared load task.</returns>
    /// <exception cref="ObjectDisposedException">The state was torn down.</exception>
    public Task<BytezLoadResult> EnsureLoad(BytezInstanceOptions options)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_tornDown, this);
            if (_load is null || _load.IsFaulted || _load.IsCanceled)
            {
                LifecycleLog.LoadingOnFirstUse(_logger, Model.ModelId);

                // Task.Run: the load must not start running under _gate or on the caller's synchronization context.
                _load = Task.Run(() => LoadCoreAsync(options));
            }

            return _load;
        }
    }

    /// <summary>
    /// Replaces <paramref name="stale"/> (a load after which a run found no instance) with a new load; concurrent
    /// callers that saw the same stale load share the one reload.
    /// </summary>
    /// <param name="stale">The load the failing caller relied on.</param>
    /// <param name="options">The options of the lease asking.</param>
    /// <returns>The shared reload task.</returns>
    /// <exception cref="ObjectDisposedException">The state was torn down.</exception>
    public Task<BytezLoadResult> Reload(Task<BytezLoadResult> stale, BytezInstanceOptions options)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_tornDown, this);
            if (_load is null || ReferenceEquals(_load, stale) || _load.IsFaulted || _load.IsCanceled)
            {
                _load = Task.Run(() => LoadCoreAsync(options));
            }

            return _load;
        }
    }

    /// <summary>
    /// Tears the state down when its last lease is released: cancels a load in flight, then stops the instance if this
    /// client started it and no lease opted out. Never throws.
    /// </summary>
    /// <returns>A task that completes when the teardown is done.</returns>
    public async Task TeardownAsync()
    {
        Task<BytezLoadResult>? load;
        bool keepRunning;
        lock (_gate)
        {
            _tornDown = true;
            load = _load;
            keepRunning = _keepRunning;
        }

        try
        {
            if (load is not null)
            {
                if (!load.IsCompleted)
                {
                    LifecycleLog.CancellingLoad(_logger, Model.ModelId);
                    await _lifetime.CancelAsync().ConfigureAwait(false);
                }

                try
                {
                    await load.ConfigureAwait(false);
                }
#pragma warning disable CA1031 // The load's failure was already logged and surfaced to its callers; teardown goes on.
                catch (Exception)
#pragma warning restore CA1031
                {
                }
            }

            bool started;
            lock (_gate)
            {
                started = _startedByThisClient;
            }

            if (!started)
            {
                LifecycleLog.LeftRunning(_logger, Model.ModelId, load is null ? "it was never loaded" : "this client did not start it");
                return;
            }

            if (keepRunning)
            {
                LifecycleLog.LeftRunning(_logger, Model.ModelId, "StopOnDispose is off");
                return;
            }

            LifecycleLog.Stopping(_logger, Model.ModelId);
            using var timeout = new CancellationTokenSource(ModelLoader.StopTimeout);
            await Model.StopAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (BytezNotFoundException)
        {
            LifecycleLog.LeftRunning(_logger, Model.ModelId, "it had already ended");
        }
#pragma warning disable CA1031 // Dispose never throws: a failed stop only means the instance idles out later.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LifecycleLog.StopFailed(_logger, Model.ModelId, ex);
        }
        finally
        {
            Dispose();
        }
    }

    /// <summary>Releases the load's cancellation source; called at the end of <see cref="TeardownAsync"/>.</summary>
    public void Dispose() => _lifetime.Dispose();

    private async Task<BytezLoadResult> LoadCoreAsync(BytezInstanceOptions options)
    {
        // A previous teardown of this model (a stop) must finish first, or it could stop the instance we are loading.
        await _previousTeardown.ConfigureAwait(false);

        CancellationToken lifetime = _lifetime.Token;
        try
        {
            // A load that does not complete (cancelled by the teardown, timed out, failed) stops the instance it started
            // itself (ModelLoader), so only a completed load can leave an instance for the teardown to stop.
            BytezLoadResult result = await Model.LoadAsync(options.LoadOptions, options.LoadProgress, lifetime).ConfigureAwait(false);
            int concurrency = result.Status?.Concurrency is > 0 and int c ? c : options.LoadOptions.Concurrency;
            lock (_gate)
            {
                // A reload that finds an instance someone else started (409/429) must not make us stop it later.
                _startedByThisClient = result.StartedByThisRequest;
                _loadedConcurrency = concurrency;
            }

            LifecycleLog.Loaded(_logger, Model.ModelId, result.Outcome, concurrency);
            return result;
        }
        catch (Exception ex)
        {
            if (!(ex is OperationCanceledException && lifetime.IsCancellationRequested))
            {
                LifecycleLog.LoadFailed(_logger, Model.ModelId, ex);
            }

            throw;
        }
    }
}
