using Microsoft.Extensions.AI;

namespace Bytez.AI.Tests.Embeddings;

/// <summary>Counts the calls that reach the inner generator (as M.E.AI's integration tests do for caching).</summary>
public sealed class CallCountingEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    private int _callCount;

    /// <summary>Gets the number of calls.</summary>
    public int CallCount => Volatile.Read(ref _callCount);

    /// <inheritdoc />
    public override Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _callCount);
        return base.GenerateAsync(values, options, cancellationToken);
    }
}
