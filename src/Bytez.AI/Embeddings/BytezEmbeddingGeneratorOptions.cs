namespace Bytez.AI;

/// <summary>Options of the Bytez <c>IEmbeddingGenerator</c>.</summary>
public sealed class BytezEmbeddingGeneratorOptions : BytezInstanceOptions
{
    /// <summary>Gets or sets the most inputs embedded at once; null uses the loaded concurrency.</summary>
    public int? MaxParallelism { get; set; }
}
