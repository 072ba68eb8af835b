using Bytez.AI.Embeddings;

namespace Bytez.AI.Tests.Embeddings;

/// <summary>Unit tests of the Dimensions rule (no network).</summary>
public sealed class EmbeddingVectorsTests
{
    [Fact]
    public void NoOrEqualDimensions_ReturnTheSameVector()
    {
        float[] vector = [1f, 2f];

        Assert.Same(vector, EmbeddingVectors.ApplyDimensions(vector, null, "m/x"));
        Assert.Same(vector, EmbeddingVectors.ApplyDimensions(vector, 2, "m/x"));
    }

    [Fact]
    public void FewerDimensions_TruncateToAUnitVector_AndAZeroVectorStaysZero()
    {
        Assert.Equal([0.6f, 0.8f], EmbeddingVectors.ApplyDimensions([3f, 4f, 100f], 2, "m/x"));
        Assert.Equal([0f], EmbeddingVectors.ApplyDimensions([0f, 1f], 1, "m/x"));
    }

    [Fact]
    public void MoreDimensions_AreNotSupported_NamingTheModel()
    {
        var ex = Assert.Throws<NotSupportedException>(() => EmbeddingVectors.ApplyDimensions([1f], 4, "org/model"));
        Assert.Contains("org/model", ex.Message, StringComparison.Ordinal);
    }
}
