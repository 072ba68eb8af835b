using Bytez.AI.Http;
using Bytez.AI.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace Bytez.AI;

/// <summary>
/// An HTTP handler that retries the Bytez calls that are safe to retry, with a Polly retry strategy configured by
/// <see cref="BytezRetryOptions"/>. A <see cref="BytezClient"/> adds it to the <see cref="HttpClient"/> it creates; add it
/// yourself to an <see cref="HttpClient"/> you supply (<c>new BytezRetryHandler(options) { InnerHandler = new SocketsHttpHandler() }</c>).
/// </summary>
/// <remarks>
/// Each request says whether it may be retried (the client marks status reads, lists and runs; loads, stops and model
/// requests are never marked), so the handler passes anything else, including requests that are not Bytez calls,
/// through untouched. A marked non-streaming request's body is read inside the retry, so a connection reset mid-body is
/// retried; a streamed request is retried only on an error status, never once its body has started. The
/// <see cref="HttpClient.Timeout"/> bounds all attempts together.
/// </remarks>
public sealed class BytezRetryHandler : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage>? _pipeline;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="BytezRetryHandler"/> class.</summary>
    /// <param name="options">The retry settings; null uses the defaults. They are copied.</param>
    /// <param name="loggerFactory">Receives a warning for each retry (method, path and failure kind; never headers); may be null.</param>
    /// <param name="timeProvider">The clock behind the delays; null uses <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public BytezRetryHandler(BytezRetryOptions? options = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        var settings = (options ?? new BytezRetryOptions()).ValidatedCopy(nameof(options));
        Options = settings;
        _logger = loggerFactory?.CreateLogger<BytezRetryHandler>() ?? (ILogger)NullLogger.Instance;
        _pipeline = settings.IsActive
            ? BytezRetryPolicy.Create(settings, timeProvider ?? TimeProvider.System, OnRetry)
            : null;
    }

    /// <summary>Gets the settings in use (a copy of the ones given).</summary>
    public BytezRetryOptions Options { get; }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var mode = BytezRetryRequest.ModeOf(request);
        if (_pipeline is null || mode == BytezRetryMode.None)
        {
            return base.SendAsync(request, cancellationToken);
        }

        return SendWithRetriesAsync(_pipeline, request, mode, cancellationToken);
    }

    /// <summary>
    /// The first attempt runs here, outside the Polly pipeline: a call that succeeds (nearly every call) costs one
    /// attempt and this one state machine, and nothing of the pipeline (about 1 KB and several µs per call when every call
    /// went through it). Only a first attempt whose outcome is transient enters the pipeline, which starts from that
    /// outcome: its delays, logs and attempt count are those of a pipeline that had made the first attempt itself.
    /// </summary>
    private async Task<HttpResponseMessage> SendWithRetriesAsync(
        ResiliencePipeline<HttpResponseMessage> pipeline, HttpRequestMessage request, BytezRetryMode mode, CancellationToken cancellationToken)
    {
        Outcome<HttpResponseMessage> first;
        try
        {
            // AttemptAsync, inlined: calling it would add a state machine to every call.
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (MustBuffer(mode, response))
            {
                try
                {
                    await BufferedBody.BufferAsync(response, BytezRetryRequest.MaxResponseSizeOf(request), cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    response.Dispose();
                    throw;
                }
            }

            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            first = Outcome.FromResult(response);
        }
        catch (Exception ex) when (BytezRetryPolicy.IsTransient(ex))
        {
            first = Outcome.FromException<HttpResponseMessage>(ex);
        }

        bool transient;
        try
        {
            transient = await BytezRetryPolicy.IsTransientAsync(first, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            first.Result?.Dispose();
            throw;
        }

        if (!transient)
        {
            // A non-transient exception never gets here (it is not caught above), so this is an answer to return.
            return first.Result!;
        }

        return await RetryAsync(pipeline, request, mode, first, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the retry pipeline from a transient first outcome.</summary>
    private async Task<HttpResponseMessage> RetryAsync(
        ResiliencePipeline<HttpResponseMessage> pipeline, HttpRequestMessage request, BytezRetryMode mode, Outcome<HttpResponseMessage> first, CancellationToken cancellationToken)
    {
        var attempts = new Attempts(this, request, mode, first);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(BytezRetryPolicy.RequestKey, request);
            return await pipeline.ExecuteAsync(static (ctx, a) => a.NextAsync(ctx.CancellationToken), context, attempts).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);

            // The pipeline gives up without asking for an attempt when the token is already cancelled.
            attempts.DisposeUnusedFirst();
        }
    }

    /// <summary>One attempt: send, then read the body when it must be complete before the outcome is judged.</summary>
    private async Task<HttpResponseMessage> AttemptAsync(HttpRequestMessage request, BytezRetryMode mode, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!MustBuffer(mode, response))
        {
            return response;
        }

        try
        {
            await BufferedBody.BufferAsync(response, BytezRetryRequest.MaxResponseSizeOf(request), cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Gets whether the body must be read before the outcome is judged: always, except a successful stream, which
    /// belongs to the caller from its first byte (nothing after that is retried). Error bodies are small and must be read
    /// to tell "out of credits" from a rate limit; a non-streaming body is read so that a connection lost mid-body is a
    /// failed attempt rather than the caller's exception. Bodies are read within the client's MaxResponseSize: an endless
    /// body fails at the limit and is not retried.
    /// </summary>
    private static bool MustBuffer(BytezRetryMode mode, HttpResponseMessage response) =>
        mode != BytezRetryMode.Streamed || !response.IsSuccessStatusCode;


    private void OnRetry(HttpRequestMessage? request, Outcome<HttpResponseMessage> outcome, int attempt, TimeSpan delay)
    {
        if (!_logger.IsEnabled(LogLevel.Warning))
        {
            return;
        }

        // The failure kind only: an exception message could quote a header, a status code cannot.
        var failure = outcome.Result is { } response ? $"HTTP {(int)response.StatusCode}" : outcome.Exception?.GetType().Name ?? "unknown";
        _logger.Retrying(
            request?.Method.Method ?? "request",
            request?.RequestUri?.AbsolutePath ?? "(unknown)",
            failure,
            attempt,
            (long)delay.TotalMilliseconds);
    }

    /// <summary>The attempts the pipeline asks for: the first outcome, replayed, then real attempts.</summary>
    private sealed class Attempts(BytezRetryHandler handler, HttpRequestMessage request, BytezRetryMode mode, Outcome<HttpResponseMessage> first)
    {
        private Outcome<HttpResponseMessage>? _first = first;

        public ValueTask<HttpResponseMessage> NextAsync(CancellationToken cancellationToken)
        {
            if (_first is { } outcome)
            {
                _first = null;
                return outcome.Exception is { } exception
                    ? ValueTask.FromException<HttpResponseMessage>(exception)
                    : ValueTask.FromResult(outcome.Result!);
            }

            return new ValueTask<HttpResponseMessage>(handler.AttemptAsync(request, mode, cancellationToken));
        }

        public void DisposeUnusedFirst()
        {
            _first?.Result?.Dispose();
            _first = null;
        }
    }
}
