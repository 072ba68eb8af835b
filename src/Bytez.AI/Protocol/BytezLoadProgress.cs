namespace Bytez.AI;

/// <summary>A status change seen while loading a model.</summary>
/// <param name="ModelId">The model id.</param>
/// <param name="Status">The new status, such as <c>STARTING</c>, <c>INSTANTIATING</c> or <c>RUNNING</c>.</param>
/// <param name="Elapsed">The time since the load began.</param>
public sealed record BytezLoadProgress(string ModelId, string Status, TimeSpan Elapsed);
