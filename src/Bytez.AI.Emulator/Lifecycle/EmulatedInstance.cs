namespace Bytez.AI.Emulator;

/// <summary>A snapshot of one emulated model instance.</summary>
/// <param name="ModelId">The model.</param>
/// <param name="Status">The status as <c>model/status</c> reports it (<c>STARTING</c>, <c>INSTANTIATING</c>, <c>RUNNING</c>, <c>FAILED</c>).</param>
/// <param name="Concurrency">The number of parallel runs it serves.</param>
/// <param name="Inferences">How many runs it has served.</param>
/// <param name="IdleTimeout">The idle time after which it stops.</param>
/// <param name="Created">When it was loaded.</param>
/// <param name="ExpiresAt">When it stops unless a run arrives first.</param>
public sealed record EmulatedInstance(
    string ModelId,
    string Status,
    int Concurrency,
    int Inferences,
    TimeSpan IdleTimeout,
    DateTimeOffset Created,
    DateTimeOffset ExpiresAt);
