namespace Bytez.AI;

/// <summary>The result of <see cref="BytezModel.StartAsync"/> or <see cref="BytezModel.LoadAsync"/>.</summary>
/// <param name="ModelId">The model id.</param>
/// <param name="Outcome">How the start request was answered.</param>
/// <param name="Status">The last status read (null when start did not poll).</param>
public sealed record BytezLoadResult(string ModelId, BytezLoadOutcome Outcome, BytezModelStatus? Status)
{
    /// <summary>Gets a value indicating whether this request started the instance (and so should stop it).</summary>
    public bool StartedByThisRequest => Outcome == BytezLoadOutcome.Started;
}
