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

        return ExecuteAsync(_pipeline, request, mode, cancellationToken);
    }

    private async Task<HttpResponseMessage> ExecuteAsync(
        ResiliencePipeline<HttpResponseMessage> pipeline, HttpRequestMessage request, BytezRetryMode mode, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(BytezRetryPolicy.RequestKey, request);
            return await pipeline.ExecuteAsync(
                static (ctx, state) => new ValueTask<HttpResponseMessage>(state.Handler.AttemptAsync(state.Request, state.Mode, ctx.CancellationToken)),
                context,
                (Handler: this, Request: request, Mode: mode)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>One attempt: send, then read the body when it must be complete before the outcome is judged.</summary>
    private async Task<HttpResponseMessage> AttemptAsync(HttpRequestMessage request, BytezRetryMode mode, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (mode == BytezRetryMode.Streamed && response.IsSuccessStatusCode)
        {
            // The stream belongs to the caller from here on; nothing after this point is retried.
            return response;
        }

        try
        {
            // Error bodies are small and must be read to tell "out of credits" from a rate limit; a non-streaming body
            // is read here so that a connection lost mid-body is a failed attempt rather than the caller's exception.
            // Within the client's MaxResponseSize: an endless body fails at the limit and is not retried.
            await BufferedBody.BufferAsync(response, BytezRetryRequest.MaxResponseSizeOf(request), cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

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
}
