namespace Bytez.AI.SemanticKernel.Tests;

/// <summary>Tests that read or change the <c>BYTEZ_API_KEY</c> environment variable (process-wide) run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    /// <summary>The collection name.</summary>
    public const string Name = "Process environment";
}
