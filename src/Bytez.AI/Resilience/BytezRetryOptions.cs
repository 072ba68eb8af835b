namespace Bytez.AI;

/// <summary>
/// How a <see cref="BytezClient"/> retries transient failures (through a Polly retry strategy in
/// <see cref="BytezRetryHandler"/>).
/// </summary>
/// <remarks>
/// <para>
/// Retried: calls that change nothing (model and instance lists, status reads) and runs that have handed nothing to the
/// caller yet (a non-streaming run, and a streaming run whose answer is an error status). Retried outcomes: HTTP 408,
/// 429 (except "out of credits"), 5xx, and network failures (connection refused or reset, a body cut off before its
/// end). <c>Retry-After</c> is honoured, capped by <see cref="MaxDelay"/>.
/// </para>
/// <para>
/// Never retried: loads (HTTP 429 there means "a load is already in progress", which the load algorithm handles),
/// stops, model requests (<c>model/job</c>), any other 4xx, and a stream once its first byte has arrived.
/// </para>
/// <para>
/// Applies to the <see cref="HttpClient"/> the client creates itself. An <see cref="BytezClientOptions.HttpClient"/>
/// you supply is used as it is: add a <see cref="BytezRetryHandler"/> to its handler chain (or, with
/// <c>IHttpClientFactory</c>, call <c>AddBytezRetryHandler</c> on the client builder).
/// </para>
/// </remarks>
public sealed class BytezRetryOptions
{
    /// <summary>The largest accepted <see cref="MaxRetryAttempts"/>.</summary>
    public const int MaxRetryAttemptsLimit = 100;

    /// <summary>Gets or sets a value indicating whether failed calls are retried. Defaults to <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Gets or sets how many times a call is retried after its first attempt failed (0 to <see cref="MaxRetryAttemptsLimit"/>;
    /// 0 turns retries off). Defaults to 3.
    /// </summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>
    /// Gets or sets the delay before the first retry; later retries double it (exponential back-off). Between zero and
    /// one day. Defaults to 1 second.
    /// </summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Gets or sets the longest delay between two attempts, including a delay the server asked for with
    /// <c>Retry-After</c>. Must be positive. Defaults to 30 seconds.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets a value indicating whether back-off delays are randomised so that many clients do not retry in step.
    /// Defaults to <see langword="true"/>. A <c>Retry-After</c> delay is never randomised.
    /// </summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>Gets a value indicating whether these settings retry anything at all.</summary>
    internal bool IsActive => Enabled && MaxRetryAttempts > 0;

    /// <inheritdoc />
    public override string ToString() =>
        $"BytezRetryOptions {{ Enabled = {Enabled}, MaxRetryAttempts = {MaxRetryAttempts}, BaseDelay = {BaseDelay}, MaxDelay = {MaxDelay}, UseJitter = {UseJitter} }}";

    /// <summary>Copies the settings without validating them.</summary>
    /// <returns>The copy.</returns>
    public BytezRetryOptions Clone() => new()
    {
        Enabled = Enabled,
        MaxRetryAttempts = MaxRetryAttempts,
        BaseDelay = BaseDelay,
        MaxDelay = MaxDelay,
        UseJitter = UseJitter,
    };

    /// <summary>Validates the settings and returns a copy (so later changes to this instance have no effect).</summary>
    /// <param name="paramName">The name reported in the exception.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    internal BytezRetryOptions ValidatedCopy(string paramName) =>
        FindProblem(paramName) is { } problem ? throw problem.Error : Clone();

    /// <summary>Finds the first setting out of range, if any.</summary>
    /// <param name="paramName">The name reported in the exception.</param>
    /// <returns>The setting (its name as a configuration key) and the exception for it; null when all are valid.</returns>
    internal Validation.BytezOptionProblem? FindProblem(string paramName)
    {
        if (MaxRetryAttempts is < 0 or > MaxRetryAttemptsLimit)
        {
            return new(nameof(MaxRetryAttempts), new ArgumentOutOfRangeException(
                paramName, MaxRetryAttempts,
                $"BytezRetryOptions.MaxRetryAttempts must be between 0 and {MaxRetryAttemptsLimit}; set Enabled = false (or 0 attempts) to turn retries off."));
        }

        if (BaseDelay < TimeSpan.Zero || BaseDelay > TimeSpan.FromDays(1))
        {
            return new(nameof(BaseDelay), new ArgumentOutOfRangeException(paramName, BaseDelay, "BytezRetryOptions.BaseDelay must be between zero and one day."));
        }

        if (MaxDelay <= TimeSpan.Zero || MaxDelay > TimeSpan.FromDays(1))
        {
            return new(nameof(MaxDelay), new ArgumentOutOfRangeException(paramName, MaxDelay, "BytezRetryOptions.MaxDelay must be positive and at most one day."));
        }

        return null;
    }
}
