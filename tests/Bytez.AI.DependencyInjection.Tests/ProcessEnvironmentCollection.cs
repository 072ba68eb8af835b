namespace Bytez.AI.DependencyInjection.Tests;

/// <summary>Tests that change process-wide state (environment variables) run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    /// <summary>The collection name.</summary>
    public const string Name = "Process environment";
}
