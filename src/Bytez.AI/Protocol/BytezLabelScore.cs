namespace Bytez.AI;

/// <summary>A label with its score, from classification tasks.</summary>
/// <param name="Label">The label.</param>
/// <param name="Score">The score, usually in [0, 1].</param>
public sealed record BytezLabelScore(string Label, double Score);
