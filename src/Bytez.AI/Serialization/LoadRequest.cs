namespace Bytez.AI.Serialization;

/// <summary>The body of <c>model/load</c>, members in wire order.</summary>
/// <param name="Model">The model id.</param>
/// <param name="Concurrency">The number of parallel inferences.</param>
/// <param name="ExpirationPeriodSeconds">The idle time before the instance stops itself (the SDKs' <c>timeout</c>).</param>
internal sealed record LoadRequest(string Model, int Concurrency, int ExpirationPeriodSeconds);
