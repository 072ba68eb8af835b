namespace Bytez.AI.Emulator.Lifecycle;

/// <summary>A <c>model/job</c> onboarding request.</summary>
/// <param name="ModelId">The requested model.</param>
/// <param name="Queued">When it was first requested.</param>
/// <param name="StartsAt">When its (emulated) processing starts.</param>
/// <param name="EndsAt">When it is done and the model becomes available.</param>
internal sealed record JobRecord(string ModelId, DateTimeOffset Queued, DateTimeOffset StartsAt, DateTimeOffset EndsAt);
