using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Tests.Embeddings;

/// <summary>
/// Wraps a float generator to produce binary and half-precision embeddings, like the helper of M.E.AI's integration
/// tests (<c>Quantization_Binary_*</c>, <c>Quantization_Half_*</c>).
/// </summary>
public sealed class QuantizationEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner) :
    IEmbeddingGenerator<string, BinaryEmbedding>,
    IEmbeddingGenerator<string, Embedding<Half>>
{
    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : inner.GetService(serviceType, serviceKey);

    /// <inheritdoc />
    public void Dispose() => inner.Dispose();

    async Task<GeneratedEmbeddings<BinaryEmbedding>> IEmbeddingGenerator<string, BinaryEmbedding>.GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options, CancellationToken cancellationToken)
    {
        GeneratedEmbeddings<Embedding<float>> embeddings = await inner.GenerateAsync(values, options, cancellationToken);
        return new(embeddings.Select(e =>
        {
            ReadOnlySpan<float> vector = e.Vector.Span;
            var bits = new System.Collections.BitArray(vector.Length);
            for (int i = 0; i < vector.Length; i++)
            {
                bits[i] = vector[i] > 0;
            }

            return new BinaryEmbedding(bits) { ModelId = e.ModelId, CreatedAt = e.CreatedAt };
        }));
    }

    async Task<GeneratedEmbeddings<Embedding<Half>>> IEmbeddingGenerator<string, Embedding<Half>>.GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options, CancellationToken cancellationToken)
    {
        GeneratedEmbeddings<Embedding<float>> embeddings = await inner.GenerateAsync(values, options, cancellationToken);
        return new(embeddings.Select(e =>
        {
            var half = new Half[e.Vector.Length];
            TensorPrimitives.ConvertToHalf(e.Vector.Span, half);
            return new Embedding<Half>(half) { ModelId = e.ModelId, CreatedAt = e.CreatedAt };
        }));
    }
}
