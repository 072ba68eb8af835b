using System.Runtime.CompilerServices;

namespace Bytez.AI.Lifecycle;

/// <summary>
/// One adapter's hold on a model's instance. Every adapter (chat, embeddings, images) gets its own lease from
/// <see cref="ModelInstanceRegistry"/>; leases of the same model from the same <see cref="BytezClient"/> share one
/// instance state, so N racing first calls cause one load and one polling loop.
/// </summary>
/// <remarks>
/// Rules: on the serverless v2 API there is no instance, so calls just run; on v1, the first call loads the model (unless <see cref="BytezInstanceOptions.LoadOnFirstUse"/> is off, in which
/// case calls just run and nothing is ever loaded); a call that fails with <see cref="BytezModelNotRunningException"/>
/// reloads once and is retried; releasing the last lease of an instance this client started stops it (unless a lease
/// turned <see cref="BytezInstanceOptions.StopOnDispose"/> off); dispose never throws and is idempotent; calls after
/// dispose throw <see cref="ObjectDisposedException"/>, and so do the calls still in flight when the lease is disposed:
/// disposing ends them (streams included) at once instead of leaving them to run against an instance being stopped. A
/// caller's cancellation token cancels its own wait, never the shared load; only releasing the last lease cancels a
/// load in flight.
/// </remarks>
internal sealed class ModelInstanceLease : IAsyncDisposable, IDisposable
{
    private readonly ModelInstanceRegistry _registry;
    private readonly ModelInstanceState _state;
    private readonly BytezInstanceOptions _options;
    private readonly object _disposeGate = new();

    // Cancelled when the lease is disposed: every call in flight observes it through a linked token. Never disposed, so
    // that a call racing the dispose gets a cancelled token rather than an ObjectDisposedException from the source.
    private readonly CancellationTokenSource _inFlight = new();
    private Task? _release;

    // Set before the release starts: the release may cancel a shared load, and a call waiting on it can see that
    // cancellation at once, on the disposing thread, before _inFlight is cancelled; it must still be told "disposed".
    private volatile bool _ending;

    /// <summary>Initializes a new instance of the <see cref="ModelInstanceLease"/> class.</summary>
    /// <param name="registry">The registry that issued the lease.</param>
    /// <param name="state">The shared instance state.</param>
    /// <param name="options">The adapter's options; copied so later changes have no effect.</param>
    internal ModelInstanceLease(ModelInstanceRegistry registry, ModelInstanceState state, BytezInstanceOptions options)
    {
        _registry = registry;
        _state = state;
        _options = options.CopyInstanceSettings();

        // The one place that keeps the lifecycle off serverless models (v2): no load, status or stop is ever sent,
        // since a lease that never loads never started anything to stop.
        _options.LoadOnFirstUse &= !state.Model.Client.Protocol.IsServerless;
    }

    /// <summary>Gets the model.</summary>
    public BytezModel Model => _state.Model;

    /// <summary>Gets the loaded concurrency (parallel runs the instance serves); the configured value before loading.</summary>
    public int Concurrency => _state.LoadedConcurrency ?? Math.Max(1, _options.LoadOptions.Concurrency);

    /// <summary>Gets the concurrency the load options ask for (what the user configured).</summary>
    public int ConfiguredConcurrency => Math.Max(1, _options.LoadOptions.Concurrency);

    /// <summary>Gets how far a concurrency Bytez reports is trusted (<see cref="BytezInstanceOptions.MaxReportedConcurrency"/>).</summary>
    public int MaxReportedConcurrency => _options.MaxReportedConcurrency;

    /// <summary>Gets a value indicating whether the lease loads the model on first use.</summary>
    public bool LoadOnFirstUse => _options.LoadOnFirstUse;

    /// <summary>Gets a value indicating whether the lease has been disposed.</summary>
    public bool IsDisposed => Volatile.Read(ref _release) is not null;

    /// <summary>Makes sure the instance is running: loads it on first use (single-flight) unless LoadOnFirstUse is off.</summary>
    /// <param name="cancellationToken">Cancels this caller's wait (not the shared load).</param>
    /// <returns>A task that completes when the instance is running.</returns>
    /// <exception cref="ObjectDisposedException">The lease was disposed.</exception>
    public async Task EnsureRunningAsync(CancellationToken cancellationToken)
    {
        using Call call = BeginCall(cancellationToken);
        if (_options.LoadOnFirstUse)
        {
            try
            {
                _ = await EnsureLoadedAsync(call.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (call.IsRelinked(ex))
            {
                throw call.Ended(ex);
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="operation"/> once the instance is running. If it fails with
    /// <see cref="BytezModelNotRunningException"/> (the instance expired or was stopped elsewhere), the model is
    /// reloaded once and the operation retried.
    /// </summary>
    /// <typeparam name="T">The operation's result.</typeparam>
    /// <param name="operation">The protocol call, given the model and the caller's token.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The operation's result.</returns>
    /// <exception cref="ObjectDisposedException">The lease was disposed.</exception>
    public Task<T> ExecuteAsync<T>(Func<BytezModel, CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return ExecuteAsync(operation, static (model, op, token) => op(model, token), cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="operation"/> with <paramref name="state"/> once the instance is running (as
    /// <see cref="ExecuteAsync{T}(Func{BytezModel, CancellationToken, Task{T}}, CancellationToken)"/>): a static lambda
    /// and its state cost no closure per call.
    /// </summary>
    /// <typeparam name="TState">The state's type.</typeparam>
    /// <typeparam name="T">The operation's result.</typeparam>
    /// <param name="state">What the operation needs besides the model.</param>
    /// <param name="operation">The protocol call, given the model, the state and the token to use.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The operation's result.</returns>
    /// <exception cref="ObjectDisposedException">The lease was disposed.</exception>
    public Task<T> ExecuteAsync<TState, T>(TState state, Func<BytezModel, TState, CancellationToken, Task<T>> operation, CancellationToken cancellationToken) =>
        ExecuteAsync(state, operation, static (result, _) => result, cancellationToken);

    /// <summary>
    /// Runs <paramref name="operation"/> with <paramref name="state"/> once the instance is running, then
    /// <paramref name="then"/> on its result, in the same frame: an adapter whose own work after the call is synchronous
    /// returns this task instead of awaiting it in a frame of its own (one state machine per call, not two).
    /// </summary>
    /// <typeparam name="TState">The state's type.</typeparam>
    /// <typeparam name="T">The operation's result.</typeparam>
    /// <typeparam name="TResult">What <paramref name="then"/> makes of it.</typeparam>
    /// <param name="state">What the operation and <paramref name="then"/> need besides the model.</param>
    /// <param name="operation">The protocol call, given the model, the state and the token to use.</param>
    /// <param name="then">The adapter's mapping of the result (run once, on a successful call only).</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>What <paramref name="then"/> returned.</returns>
    /// <exception cref="ObjectDisposedException">The lease was disposed.</exception>
    public async Task<TResult> ExecuteAsync<TState, T, TResult>(
        TState state,
        Func<BytezModel, TState, CancellationToken, Task<T>> operation,
        Func<T, TState, TResult> then,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(then);

        using Call call = BeginCall(cancellationToken);
        T result;
        try
        {
            if (!_options.LoadOnFirstUse)
            {
                result = await operation(Model, state, call.Token).ConfigureAwait(false); // serverless, or never loads: just run
            }
            else
            {
                // In this frame rather than a helper's: after the first call the load is done, and a call costs one
                // state machine, not three.
                Task<BytezLoadResult> load = _state.EnsureLoad(_options);
                if (!load.IsCompletedSuccessfully)
                {
                    _ = await load.WaitAsync(call.Token).ConfigureAwait(false);
                }

                try
                {
                    result = await operation(Model, state, call.Token).ConfigureAwait(false);
                }
                catch (BytezModelNotRunningException ex) when (!IsDisposed)
                {
                    LifecycleLog.Reloading(_registry.Logger, Model.ModelId, ex);
                    await _state.Reload(load, _options).WaitAsync(call.Token).ConfigureAwait(false);
                    result = await operation(Model, state, call.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException ex) when (call.IsRelinked(ex))
        {
            throw call.Ended(ex);
        }

        return then(result, state);
    }

    /// <summary>
    /// Streams from <paramref name="operation"/> once the instance is running; reloads and retries once on
    /// <see cref="BytezModelNotRunningException"/> only if nothing has been yielded yet.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="operation">The streaming protocol call, given the model and the caller's token.</param>
    /// <param name="cancellationToken">A token to cancel the stream.</param>
    /// <returns>The items.</returns>
    /// <exception cref="ObjectDisposedException">The lease was disposed.</exception>
    public async IAsyncEnumerable<T> ExecuteStreamingAsync<T>(
        Func<BytezModel, CancellationToken, IAsyncEnumerable<T>> operation,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);

        // One iterator for the load, the reload and the cancellation mapping: every streamed item passes through this
        // layer only (the stream's latency and a long stream's cost grow with each layer an item crosses).
        using Call call = BeginCall(cancellationToken);
        Task<BytezLoadResult>? load = null;
        if (_options.LoadOnFirstUse)
        {
            try
            {
                load = await EnsureLoadedAsync(call.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (call.IsRelinked(ex))
            {
                throw call.Ended(ex);
            }
        }

        bool yielded = false;
        for (int attempt = 0; ; attempt++)
        {
            IAsyncEnumerator<T> items = operation(Model, call.Token).GetAsyncEnumerator(call.Token);
            await using (items.ConfigureAwait(false))
            {
                while (true)
                {
                    bool hasItem;
                    try
                    {
                        hasItem = await items.MoveNextAsync().ConfigureAwait(false);
                    }
                    catch (OperationCanceledException ex) when (call.IsRelinked(ex))
                    {
                        throw call.Ended(ex);
                    }
                    catch (BytezModelNotRunningException ex) when (load is not null && attempt == 0 && !yielded && !IsDisposed)
                    {
                        // The instance expired or was stopped elsewhere before anything was streamed: reload once, retry.
                        LifecycleLog.Reloading(_registry.Logger, Model.ModelId, ex);
                        break;
                    }

                    if (!hasItem)
                    {
                        yield break;
                    }

                    yielded = true;
                    yield return items.Current;
                }
            }

            try
            {
                await _state.Reload(load!, _options).WaitAsync(call.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (call.IsRelinked(ex))
            {
                throw call.Ended(ex);
            }
        }
    }

    /// <summary>Releases the lease; the last lease of an instance this client started stops it (if StopOnDispose). Never throws.</summary>
    /// <returns>A task that completes when the release (and any stop) is done.</returns>
    public ValueTask DisposeAsync()
    {
        Task release;
        bool first = false;
        lock (_disposeGate)
        {
            if (_release is null)
            {
                first = true;
                _ending = true;
                _release = ReleaseAsync();
            }

            release = _release;
        }

        if (first)
        {
            // Calls in flight end now (their callers get ObjectDisposedException); outside the lock, because cancellation
            // runs the aborted requests' callbacks synchronously.
            _inFlight.Cancel();
        }

        return new ValueTask(release);
    }

    /// <summary>Releases the lease synchronously (blocks on the stop). Never throws.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Begins one call: its token linked to the lease's disposal, and how its cancellation is reported.</summary>
    /// <exception cref="ObjectDisposedException">The lease was disposed.</exception>
    private Call BeginCall(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        return new Call(this, LinkToDispose(cancellationToken), cancellationToken);
    }

    private async Task<Task<BytezLoadResult>> EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        Task<BytezLoadResult> load = _state.EnsureLoad(_options);
        _ = await load.WaitAsync(cancellationToken).ConfigureAwait(false);
        return load;
    }

    /// <summary>One call on the lease: the token it runs on (the caller's, linked to the lease's disposal) and how its cancellation is reported.</summary>
    private readonly struct Call : IDisposable
    {
        private readonly ModelInstanceLease _lease;
        private readonly CancellationTokenSource? _link;
        private readonly CancellationToken _callerToken;

        /// <summary>Initializes a new instance of the <see cref="Call"/> struct.</summary>
        /// <param name="lease">The lease.</param>
        /// <param name="link">The caller's token linked to the lease's disposal; null when the caller's token can never be cancelled.</param>
        /// <param name="callerToken">The caller's token.</param>
        public Call(ModelInstanceLease lease, CancellationTokenSource? link, CancellationToken callerToken)
        {
            _lease = lease;
            _link = link;
            _callerToken = callerToken;
        }

        /// <summary>Gets the token to run the operation on: cancelled by the caller or by disposing the lease.</summary>
        public CancellationToken Token => _link?.Token ?? _lease._inFlight.Token;

        /// <summary>Gets whether a cancellation seen through <see cref="Token"/> must be reported as <see cref="Ended"/> reports it.</summary>
        /// <param name="ex">The cancellation.</param>
        /// <returns>Whether to throw <see cref="Ended"/> instead.</returns>
        public bool IsRelinked(OperationCanceledException ex) => _lease.IsRelinked(ex, _callerToken);

        /// <summary>Gets the exception to throw instead: the caller's own cancellation, or <see cref="ObjectDisposedException"/>.</summary>
        /// <param name="ex">The cancellation.</param>
        /// <returns>The exception.</returns>
        public Exception Ended(OperationCanceledException ex) => _lease.Ended(ex, _callerToken);

        /// <summary>Releases the linked token source.</summary>
        public void Dispose() => _link?.Dispose();
    }

    /// <summary>
    /// Links the caller's token to the lease's disposal. A caller's token that can never be cancelled needs no link: the
    /// call then runs on the lease's own token, and no token source is created (nor, over HTTP, a second registration).
    /// </summary>
    /// <returns>The linked source, or null when the lease's token is the one to use.</returns>
    private CancellationTokenSource? LinkToDispose(CancellationToken cancellationToken) =>
        cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _inFlight.Token) : null;

    /// <summary>
    /// Gets whether a cancellation seen through the linked token must be reported otherwise: as the lease's disposal, or
    /// as the caller's own cancellation (with the caller's token, as a cancellation should carry).
    /// </summary>
    private bool IsRelinked(OperationCanceledException ex, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? ex.CancellationToken != cancellationToken : _ending || _inFlight.IsCancellationRequested;

    private Exception Ended(OperationCanceledException ex, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested
            ? new OperationCanceledException(ex.Message, ex, cancellationToken)
            : new ObjectDisposedException($"The Bytez client of model '{Model.ModelId}' was disposed while this call was in flight, which ended it.", ex);

    private async Task ReleaseAsync()
    {
        try
        {
            await _registry.ReleaseAsync(_state).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Dispose never throws.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LifecycleLog.ReleaseFailed(_registry.Logger, Model.ModelId, ex);
        }
    }
}
