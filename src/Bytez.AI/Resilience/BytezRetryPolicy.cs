using System.Net;
using Polly;
using Polly.Retry;

namespace Bytez.AI.Resilience;

/// <summary>
/// Builds the Polly retry pipeline of <see cref="BytezRetryHandler"/>: which outcomes are transient and how long to wait.
/// Which requests may be retried at all is decided per request (<see cref="BytezRetryRequest"/>), not here.
/// </summary>
internal static class BytezRetryPolicy
{
    /// <summary>The resilience-context property holding the request being attempted (for the retry log).</summary>
    public static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("Bytez.AI.Request");

    public static ResiliencePipeline<HttpResponseMessage> Create(
        BytezRetryOptions options, TimeProvider timeProvider, Action<HttpRequestMessage?, Outcome<HttpResponseMessage>, int, TimeSpan> onRetry)
    {
        var maxDelay = options.MaxDelay;
        var retry = new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = options.MaxRetryAttempts,
            BackoffType = DelayBackoffType.Exponential,
            Delay = options.BaseDelay,
            MaxDelay = maxDelay,
            UseJitter = options.UseJitter,
            ShouldHandle = static args => IsTransientAsync(args.Outcome, args.Context.CancellationToken),
            DelayGenerator = args => new ValueTask<TimeSpan?>(ServerDelay(args.Outcome.Result, maxDelay, timeProvider)),
            OnRetry = args =>
            {
                onRetry(args.Context.Properties.GetValue(RequestKey, null!), args.Outcome, args.AttemptNumber + 1, args.RetryDelay);
                return default;
            },
        };

        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddRetry(retry)
            .Build();
    }

    /// <summary>
    /// Gets whether an outcome is worth another attempt: a network failure, HTTP 408, 5xx, or 429 that is not
    /// "out of credits" (retrying cannot refill credits).
    /// </summary>
    public static async ValueTask<bool> IsTransientAsync(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken)
    {
        if (outcome.Exception is { } exception)
        {
            return IsTransient(exception);
        }

        if (outcome.Result is not { } response)
        {
            return false;
        }

        var code = (int)response.StatusCode;
        if (code is 408 or >= 500)
        {
            return true;
        }

        if (response.StatusCode != HttpStatusCode.TooManyRequests)
        {
            return false;
        }

        // The handler buffered this error body, so reading it here does not take it from the caller.
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return !BytezErrorMapper.MentionsCredits(body);
    }

    /// <summary>
    /// Gets whether a failed attempt's exception is worth another attempt: a network failure (connection refused or
    /// reset, a body cut off). A cancellation (the caller's or the HttpClient timeout) is never retried: the budget is spent.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception is HttpRequestException or IOException;

    /// <summary>The delay the server asked for with <c>Retry-After</c>, capped by the maximum; null to use the back-off.</summary>
    public static TimeSpan? ServerDelay(HttpResponseMessage? response, TimeSpan maxDelay, TimeProvider timeProvider)
    {
        var header = response?.Headers.RetryAfter;
        TimeSpan? delay = header switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - timeProvider.GetUtcNow(),
            _ => null,
        };

        if (delay is not { } value)
        {
            return null;
        }

        return value <= TimeSpan.Zero ? TimeSpan.Zero : value > maxDelay ? maxDelay : value;
    }
}
