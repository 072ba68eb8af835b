using Bytez.AI.Emulator;

namespace Bytez.AI.Tests.Reliability.FaultMatrix;

/// <summary>What a fault on a surface must end in, and how many requests of the faulted kind reach the server.</summary>
/// <param name="Error">The exact exception type, or null for success.</param>
/// <param name="Requests">How many requests of the faulted kind (loads for <see cref="Surface.Load"/>, runs otherwise) the emulator sees.</param>
/// <param name="Reloaded">Whether the adapter reloaded the model and ran again (not an HTTP retry).</param>
public sealed record Expectation(Type? Error, int Requests, bool Reloaded = false)
{
    public static Expectation Success(int requests = 1) => new(null, requests);

    public static Expectation SuccessAfterReload() => new(null, 2, Reloaded: true);

    public static Expectation Throws<T>(int requests = 1)
        where T : BytezException => new(typeof(T), requests);

    public string Outcome => Error is not null ? Error.Name : Reloaded ? "success after reload" : Requests > 1 ? "success after retry" : "success";

    /// <summary>The matrix on <paramref name="apiVersion"/>: v1 for every surface, v2 for the run surfaces (<see cref="Surfaces"/>).</summary>
    public static Expectation For(EmulatorFault fault, Surface surface, BytezApiVersion apiVersion) =>
        apiVersion == BytezApiVersion.V1 ? For(fault, surface) : ForV2(fault, surface);

    /// <summary>
    /// The surfaces a generation has: every one on v1; on v2 the run surfaces only (load, status, stop and instances
    /// exist on v1 only: v2 is serverless).
    /// </summary>
    public static IEnumerable<Surface> Surfaces(BytezApiVersion apiVersion) =>
        Enum.GetValues<Surface>().Where(s => apiVersion == BytezApiVersion.V1 || s is not (Surface.Load or Surface.LoadOnFirstUse));

    /// <summary>The matrix on v1: every fault of issue 6 on every surface.</summary>
    public static Expectation For(EmulatorFault fault, Surface surface) => surface switch
    {
        // An adapter loads on first use exactly as LoadAsync does.
        Surface.LoadOnFirstUse => For(fault, Surface.Load),

        // An adapter reloads an instance that expired between calls, once, and runs again.
        Surface.Chat or Surface.StreamingChat or Surface.Embeddings or Surface.Image when fault == EmulatorFault.InstanceExpiresBeforeRun => SuccessAfterReload(),
        Surface.StreamingChat => For(fault, Surface.StreamingRun),
        Surface.Chat or Surface.Embeddings or Surface.Image => For(fault, Surface.Run),
        _ => ForProtocol(fault, surface),
    };

    /// <summary>
    /// The matrix on v2, run surfaces only. The HTTP-level faults end as on v1 (the emulator shapes their bodies as v2's
    /// <c>{error, output}</c>, and out of credits is a 402 there, which maps to the same exception); the faults that need
    /// an instance never reach a serverless run.
    /// </summary>
    private static Expectation ForV2(EmulatorFault fault, Surface surface) => (surface, fault) switch
    {
        // No load happens on v2, so a failed or never-ready load is not possible, nor an instance that expires: one run, success.
        (_, EmulatorFault.LoadFailed or EmulatorFault.NeverRunning or EmulatorFault.InstanceExpiresBeforeRun) => Success(),

        // Images come as raw bytes ("json": false), without JSON framing: an empty 200 body is no media (refused), but a
        // body cut short without a declared length cannot be told from a whole one, so the caller gets what arrived
        // (docs/reliability.md notes it).
        (Surface.Image, EmulatorFault.EmptyBody) => Throws<BytezProtocolException>(),
        (Surface.Image, EmulatorFault.StreamTruncatedMidCharacter) => Success(),
        _ => For(fault, surface),
    };

    private static Expectation ForProtocol(EmulatorFault fault, Surface surface) => (surface, fault) switch
    {
        // Loads are never retried: a 429 means "a load is already in progress", so the load algorithm polls the
        // status, which never becomes RUNNING because nothing was started, until the load deadline.
        (Surface.Load, EmulatorFault.ServerErrorHtml or EmulatorFault.KeyEcho or EmulatorFault.ServiceUnavailable) => Throws<BytezException>(),
        (Surface.Load, EmulatorFault.RateLimited or EmulatorFault.RateLimitedWithoutRetryAfter) => Throws<BytezLoadTimeoutException>(),
        (Surface.Load, EmulatorFault.ConnectionResetMidStream) => Throws<BytezException>(),

        // The start answer's body is not needed: any 2xx means "started".
        (Surface.Load, EmulatorFault.MalformedJson or EmulatorFault.EmptyBody or EmulatorFault.StreamTruncatedMidCharacter) => Success(),

        // Run-only faults leave a load alone.
        (Surface.Load, EmulatorFault.InBandStreamError or EmulatorFault.InstanceExpiresBeforeRun or EmulatorFault.StreamStalls) => Success(),

        // A start request that is never answered ends at the load deadline (the instance it may have started is stopped).
        (Surface.Load, EmulatorFault.NeverAnswers) => Throws<BytezLoadTimeoutException>(),

        // Transient failures before anything reached the caller are retried.
        (Surface.Run or Surface.StreamingRun, EmulatorFault.ServerErrorHtml or EmulatorFault.RateLimited or EmulatorFault.RateLimitedWithoutRetryAfter
            or EmulatorFault.KeyEcho or EmulatorFault.ServiceUnavailable) => Success(2),
        (Surface.Run, EmulatorFault.ConnectionResetMidStream) => Success(2),

        // Once a stream has started it is never retried.
        (Surface.StreamingRun, EmulatorFault.ConnectionResetMidStream or EmulatorFault.StreamTruncatedMidCharacter) => Throws<BytezException>(),
        (Surface.StreamingRun, EmulatorFault.InBandStreamError) => Throws<BytezStreamErrorException>(),
        (Surface.StreamingRun, EmulatorFault.EmptyBody) => Success(),
        (Surface.Run, EmulatorFault.InBandStreamError or EmulatorFault.StreamStalls) => Success(),

        // A stream that stops sending ends at the stream idle timeout (never retried: text may have reached the caller).
        (Surface.StreamingRun, EmulatorFault.StreamStalls) => Throws<BytezException>(),

        // A request never answered ends at the request timeout; a timeout is not retried (its budget is spent).
        (Surface.Run or Surface.StreamingRun, EmulatorFault.NeverAnswers) => Throws<BytezException>(),

        // A body past MaxResponseSize fails at the limit and is never retried, even on a load (whose 2xx started an
        // instance, which the load then stops).
        (_, EmulatorFault.EndlessBody) => Throws<BytezProtocolException>(),

        // An answer from another host (the harness's HttpClient follows redirects) is never the model's result.
        (_, EmulatorFault.RedirectToOtherHost) => Throws<BytezException>(),

        // A damaged 200 answer is not transient: the model ran; the answer is reported as a protocol error.
        (Surface.Run, EmulatorFault.MalformedJson or EmulatorFault.EmptyBody or EmulatorFault.StreamTruncatedMidCharacter) => Throws<BytezProtocolException>(),
        (Surface.StreamingRun, EmulatorFault.MalformedJson) => Throws<BytezProtocolException>(),

        (_, EmulatorFault.SlowFirstByte) => Success(),

        // A status-only fault (ConcurrencyCapTests injects it where it matters) leaves loads and runs alone.
        (_, EmulatorFault.OverclaimedConcurrency) => Success(),

        // 4xx other than 408/429 is never retried.
        (_, EmulatorFault.Unauthorized) => Throws<BytezUnauthorizedException>(),
        (_, EmulatorFault.OutOfCredits) => Throws<BytezOutOfCreditsException>(),
        (_, EmulatorFault.ModelNotFound) => Throws<BytezNotFoundException>(),
        (_, EmulatorFault.InstanceExpiresBeforeRun) => Throws<BytezModelNotRunningException>(),

        // Load-side faults: the run is never sent.
        (Surface.Load, EmulatorFault.LoadFailed) => Throws<BytezModelFailedException>(),
        (_, EmulatorFault.LoadFailed) => Throws<BytezModelFailedException>(0),
        (Surface.Load, EmulatorFault.NeverRunning) => Throws<BytezLoadTimeoutException>(),
        (_, EmulatorFault.NeverRunning) => Throws<BytezLoadTimeoutException>(0),

        _ => throw new ArgumentOutOfRangeException(nameof(fault), $"No expectation for {fault} on {surface}."),
    };
}
