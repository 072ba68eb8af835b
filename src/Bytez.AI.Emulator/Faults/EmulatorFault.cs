namespace Bytez.AI.Emulator;

/// <summary>A fault the emulator can inject into a model's next call(s) (see <see cref="ModelScript.Fault"/>).</summary>
public enum EmulatorFault
{
    /// <summary>HTTP 502 with an nginx-style HTML body (not JSON).</summary>
    ServerErrorHtml,

    /// <summary>HTTP 429 <c>{"error":"Rate limit exceeded"}</c> with a <c>Retry-After</c> header (seconds).</summary>
    RateLimited,

    /// <summary>HTTP 429 <c>{"error":"Rate limit exceeded"}</c> without <c>Retry-After</c>.</summary>
    RateLimitedWithoutRetryAfter,

    /// <summary>HTTP 401 <c>{"error":"Unauthorized"}</c>.</summary>
    Unauthorized,

    /// <summary>Out of credits: v1 answers 429 with the verbatim credits message; v2 and OpenAI-compatible calls answer 402.</summary>
    OutOfCredits,

    /// <summary>HTTP 404 <c>{"error":"Model not found: &lt;id&gt;"}</c>.</summary>
    ModelNotFound,

    /// <summary>HTTP 200, <c>application/json</c>, with a body cut off mid-document.</summary>
    MalformedJson,

    /// <summary>HTTP 200, <c>application/json</c>, with an empty body.</summary>
    EmptyBody,

    /// <summary>The body (stream or JSON) ends after the first byte of a multi-byte UTF-8 character.</summary>
    StreamTruncatedMidCharacter,

    /// <summary>Some of the body is sent, then the connection is aborted (TCP reset).</summary>
    ConnectionResetMidStream,

    /// <summary>The response is normal but starts only after <see cref="BytezEmulatorOptions.SlowFirstByteDelay"/>.</summary>
    SlowFirstByte,

    /// <summary>The next load ends in status <c>FAILED</c> with an <c>error</c> (load-side).</summary>
    LoadFailed,

    /// <summary>The next load never leaves <c>INSTANTIATING</c> (load-side).</summary>
    NeverRunning,

    /// <summary>A stream sends part of its text, then the in-band container error string, then ends (HTTP 200). No effect on non-streaming calls.</summary>
    InBandStreamError,

    /// <summary>The model's instance disappears (as if it expired) right before the next run, which then answers "not running".</summary>
    InstanceExpiresBeforeRun,

    /// <summary>
    /// HTTP 500 whose reason phrase and HTML body echo the caller's API key (a hostile or broken server). In the body the
    /// key straddles the 200th visible character, where clients often cut error excerpts, and sits among words that
    /// contain its letters ("Unknown", "known").
    /// </summary>
    KeyEcho,

    /// <summary>HTTP 503 <c>{"error":"Service temporarily unavailable"}</c> with a <c>Retry-After</c> header of <see cref="BytezEmulatorOptions.FaultRetryAfter"/>.</summary>
    ServiceUnavailable,

    /// <summary>A stream sends part of its text, then stops sending without ending (until the caller goes away). No effect on non-streaming calls.</summary>
    StreamStalls,

    /// <summary>HTTP 200 <c>application/json</c> whose body never ends (no <c>Content-Length</c>; it is written until the caller goes away).</summary>
    EndlessBody,

    /// <summary>The request is never answered: no status line, no headers (until the caller goes away).</summary>
    NeverAnswers,

    /// <summary>
    /// HTTP 307 to the same path on another host name (<c>localhost</c> for <c>127.0.0.1</c> and back), where the emulator
    /// answers as that other host: a plausible success body with no key required (<see cref="EmulatorRequestKind.OtherHost"/>).
    /// </summary>
    RedirectToOtherHost,

    /// <summary>
    /// The status answer claims the instance serves 100,000 runs at once (whatever it really serves), as a hostile or
    /// broken server could. Inject it into status reads (<see cref="EmulatorOperation.Status"/>); other calls are unchanged.
    /// </summary>
    OverclaimedConcurrency,
}
