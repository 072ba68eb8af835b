namespace Bytez.AI.Embeddings;

/// <summary>Vector post-processing for <see cref="BytezEmbeddingGenerator"/>.</summary>
internal static class EmbeddingVectors
{
    /// <summary>
    /// Applies <see cref="Microsoft.Extensions.AI.EmbeddingGenerationOptions.Dimensions"/>: equal keeps the vector;
    /// smaller truncates to the first <paramref name="dimensions"/> values and renormalises to unit length (the
    /// Matryoshka convention that OpenAI's <c>dimensions</c> also follows); larger cannot be produced.
    /// </summary>
    /// <param name="vector">The model's vector.</param>
    /// <param name="dimensions">The requested dimensions, or null.</param>
    /// <param name="modelId">The model, for the error message.</param>
    /// <returns>The vector to return.</returns>
    /// <exception cref="NotSupportedException">More dimensions were requested than the model produces.</exception>
    public static float[] ApplyDimensions(float[] vector, int? dimensions, string modelId)
    {
        if (dimensions is not int wanted || wanted == vector.Length)
        {
            return vector;
        }

        if (wanted > vector.Length)
        {
            throw new NotSupportedException(
                $"EmbeddingGenerationOptions.Dimensions is {wanted}, but model '{modelId}' produces {vector.Length}-dimensional embeddings. " +
                "Bytez can only shorten embeddings (truncate and renormalise); ask for at most the model's dimensions.");
        }

        float[] truncated = vector.AsSpan(0, wanted).ToArray();
        double sumOfSquares = 0;
        foreach (float value in truncated)
        {
            sumOfSquares += (double)value * value;
        }

        if (sumOfSquares > 0)
        {
            float scale = (float)(1 / Math.Sqrt(sumOfSquares));
            for (int i = 0; i < truncated.Length; i++)
            {
                truncated[i] *= scale;
            }
        }

        return truncated;
    }
}
