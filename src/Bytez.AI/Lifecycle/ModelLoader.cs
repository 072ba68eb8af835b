using System.Net;
using Bytez.AI.Logging;
using Microsoft.Extensions.Logging;

namespace Bytez.AI.Lifecycle;

/// <summary>
/// The v1 load algorithm behind <see cref="BytezModel.LoadAsync"/>: start an instance, then poll its status until
/// <c>RUNNING</c>, <c>FAILED</c> or the deadline. Two rules on top of the official clients' algorithm:
/// <list type="bullet">
/// <item><description>The deadline (<see cref="BytezLoadOptions.LoadTimeout"/>) bounds every request inside the load: the
/// start request, each status poll with its retries and <c>Retry-After</c> waits, and the pauses between polls.</description></item>
/// <item><description>A load that does not complete (deadline, <c>FAILED</c>, an error, cancellation) stops the instance it
/// started before it throws, so nothing this process started is left running. It started one when <c>model/load</c> was
/// answered 2xx; when that answer never arrived (lost, or abandoned at the deadline or after
/// <see cref="StartAnswerGrace"/> of cancellation) it assumes it did, because leaving a paid instance running is the
/// costlier mistake.</description></item>
/// </list>
/// </summary>
internal static class ModelLoader
{
    /// <summary>How long a stop may take before it is abandoned (the instance then idles out).</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a cancelled load still waits for the answer to its start request: that answer says whether an instance
    /// was started, and so whether to stop it. After it, the request is abandoned and the instance assumed started.
    /// </summary>
    public static readonly TimeSpan StartAnswerGrace = TimeSpan.FromSeconds(5);

    /// <summary>Whether this load started the instance, as far as it knows.</summary>
    private enum Claim
    {
        /// <summary>The start request was sent and not answered (yet): assume it started one.</summary>
        Unknown,

        /// <summary>The start request was answered 2xx: this load started the instance.</summary>
        Started,

        /// <summary>The start request was answered otherwise (409, 429, an error): nothing of ours runs.</summary>
        NotStarted,
    }

    /// <summary>Loads the model (see the class remarks).</summary>
    /// <param name="model">The model.</param>
    /// <param name="options">The validated load options.</param>
    /// <param name="progress">Receives each status change; may be null.</param>
    /// <param name="cancellationToken">A token to cancel the load.</param>
    /// <returns>How the load ended.</returns>
    public static async Task<BytezLoadResult> LoadAsync(
        BytezModel model, BytezLoadOptions options, IProgress<BytezLoadProgress>? progress, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var run = new LoadRun(model, options, progress);
        using var deadline = Http.Timeouts.IsFinite(run.LoadTimeout)
            ? new CancellationTokenSource(run.LoadTimeout, run.Time)
            : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);

        var claim = Claim.Unknown;
        try
        {
            BytezLoadResult start;
            try
            {
                start = await StartAsync(model, options, deadline.Token, cancellationToken).ConfigureAwait(false);
            }
            catch (BytezException ex) when (ex.StatusCode is { } status && !IsSuccess(status))
            {
                claim = Claim.NotStarted;
                throw;
            }

            claim = start.StartedByThisRequest ? Claim.Started : Claim.NotStarted;
            cancellationToken.ThrowIfCancellationRequested();
            return await run.PollAsync(start, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await StopIfStartedAsync(run, claim).ConfigureAwait(false);
            throw run.TimedOut(ex);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested && ex.CancellationToken != cancellationToken)
        {
            // Cancelled through a linked token: report the caller's own token, as a cancellation should.
            await StopIfStartedAsync(run, claim).ConfigureAwait(false);
            throw new OperationCanceledException(ex.Message, ex, cancellationToken);
        }
        catch (Exception) when (claim != Claim.NotStarted)
        {
            await StopIfStartedAsync(run, claim).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Sends the start request within the deadline. The caller's cancellation reaches it only after
    /// <see cref="StartAnswerGrace"/>, so that in the usual case the answer still says whether an instance was started.
    /// </summary>
    private static async Task<BytezLoadResult> StartAsync(BytezModel model, BytezLoadOptions options, CancellationToken deadline, CancellationToken cancellationToken)
    {
        using var start = CancellationTokenSource.CreateLinkedTokenSource(deadline);
        using var registration = cancellationToken.Register(static s => ((CancellationTokenSource)s!).CancelAfter(StartAnswerGrace), start);
        return await model.StartAsync(options, start.Token).ConfigureAwait(false);
    }

    private static bool IsSuccess(HttpStatusCode status) => (int)status is >= 200 and <= 299;

    /// <summary>Stops the instance this load started (or may have started). Never throws: a failed stop is logged.</summary>
    private static async Task StopIfStartedAsync(LoadRun run, Claim claim)
    {
        if (claim == Claim.NotStarted)
        {
            return;
        }

        var model = run.Model;
        run.Logger.StoppingAfterIncompleteLoad(model.ModelId, claim == Claim.Started ? "it was started by this load" : "the answer to this load's start request never arrived");
        try
        {
            using var timeout = new CancellationTokenSource(StopTimeout);
            await model.StopAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (BytezNotFoundException)
        {
            // Nothing was running: the start request had not reached Bytez, or the instance had already ended.
        }
        catch (Exception ex) when (ex is BytezException or OperationCanceledException or ObjectDisposedException)
        {
            run.Logger.StopAfterIncompleteLoadFailed(model.ModelId, ex);
        }
    }

    /// <summary>One load: its settings, clock and progress reporting, and the status poll loop.</summary>
    private sealed class LoadRun(BytezModel model, BytezLoadOptions options, IProgress<BytezLoadProgress>? progress)
    {
        private readonly long _started = model.Client.Options.TimeProvider.GetTimestamp();
        private string? _lastStatus;

        public BytezModel Model => model;

        public ILogger Logger => model.Client.Logger;

        public TimeProvider Time => model.Client.Options.TimeProvider;

        public TimeSpan LoadTimeout { get; } = options.LoadTimeout ?? model.Client.Options.LoadTimeout;

        private TimeSpan PollInterval { get; } = options.PollInterval ?? model.Client.Options.LoadPollInterval;

        /// <summary>Polls the status after the start answer until the instance runs, fails or the deadline passes.</summary>
        public async Task<BytezLoadResult> PollAsync(BytezLoadResult start, CancellationToken cancellationToken)
        {
            if (start.Outcome == BytezLoadOutcome.AlreadyLoaded)
            {
                return await ReadStatusOnceAsync(start, cancellationToken).ConfigureAwait(false);
            }

            if (start.Outcome == BytezLoadOutcome.LoadInProgress)
            {
                Logger.LoadAlreadyInProgress(model.ModelId);
            }

            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                BytezModelStatus? status = null;
                try
                {
                    status = await model.GetStatusAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (BytezException ex) when (!IsFatalPollError(ex))
                {
                    Logger.StatusPollFailed(model.ModelId, ex.Message);
                }

                if (status is not null)
                {
                    ReportChange(status);
                    if (status.IsRunning)
                    {
                        return start with { Status = status };
                    }

                    if (string.Equals(status.Status, BytezModelStatuses.Failed, StringComparison.OrdinalIgnoreCase))
                    {
                        throw ModelFailed(status);
                    }
                }

                var elapsed = Time.GetElapsedTime(_started);
                if (LoadTimeout != Timeout.InfiniteTimeSpan && elapsed >= LoadTimeout)
                {
                    throw TimedOut(null);
                }

                var wait = LoadTimeout == Timeout.InfiniteTimeSpan || PollInterval < LoadTimeout - elapsed ? PollInterval : LoadTimeout - elapsed;
                await Task.Delay(wait, Time, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>The load deadline passed before the instance was running.</summary>
        public BytezLoadTimeoutException TimedOut(Exception? innerException) =>
            new(
                $"Model loading timed out after {BytezText.Duration(LoadTimeout)}: '{model.ModelId}' was still {_lastStatus ?? "without a status"}. Raise BytezLoadOptions.LoadTimeout (or BytezClientOptions.LoadTimeout) if the model needs longer, and check it with BytezModel.GetStatusAsync.",
                null, null, model.ModelId, innerException);

        /// <summary>HTTP 409 means already loaded: no polling, the status is read once (its failure is not the load's).</summary>
        private async Task<BytezLoadResult> ReadStatusOnceAsync(BytezLoadResult start, CancellationToken cancellationToken)
        {
            Logger.LoadAlreadyLoaded(model.ModelId);
            BytezModelStatus? current = null;
            try
            {
                current = await model.GetStatusAsync(cancellationToken).ConfigureAwait(false);
                ReportChange(current);
            }
            catch (BytezException ex) when (!IsFatalPollError(ex))
            {
                Logger.StatusAfterAlreadyLoadedFailed(model.ModelId, ex.Message);
            }

            return start with { Status = current };
        }

        private void ReportChange(BytezModelStatus status)
        {
            if (status.Status is not { } value || string.Equals(value, _lastStatus, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            _lastStatus = value;
            var elapsed = Time.GetElapsedTime(_started);
            Logger.LoadStatusChanged(model.ModelId, value, elapsed.TotalSeconds);
            progress?.Report(new BytezLoadProgress(model.ModelId, value, elapsed));
        }

        private static bool IsFatalPollError(BytezException ex) =>
            ex is BytezUnauthorizedException or BytezNotFoundException or BytezOutOfCreditsException;

        private BytezModelFailedException ModelFailed(BytezModelStatus status)
        {
            var redacted = model.Client.Transport.Redact(status.Error);
            var reason = redacted is { } error ? BytezText.TrimSentence(error) : "Bytez gave no reason";
            return new BytezModelFailedException(
                $"Bytez load of '{model.ModelId}' failed: the instance status is FAILED: {reason}. Check that the model fits your plan (larger models need more memory and a paid plan), then load it again.",
                HttpStatusCode.OK, redacted, model.ModelId);
        }
    }
}
