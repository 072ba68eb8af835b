using System.Diagnostics.CodeAnalysis;
using Bytez.AI;
using Bytez.AI.Embeddings;
using Bytez.AI.Images;

namespace Microsoft.Extensions.AI;

/// <summary>Creates Microsoft.Extensions.AI clients backed by a Bytez model.</summary>
/// <remarks>
/// Every client made from models of one <see cref="BytezClient"/> shares that model's instance: the first call loads it
/// once, and disposing the last client stops it if this client started it.
/// </remarks>
public static class BytezModelExtensions
{
    /// <summary>Gets an <see cref="IChatClient"/> for a chat or text-generation model.</summary>
    /// <param name="model">The model.</param>
    /// <param name="options">Instance management and input mode; defaults when null.</param>
    /// <returns>The chat client. Dispose it to stop an instance it started.</returns>
    public static IChatClient AsIChatClient(this BytezModel model, BytezChatClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new BytezChatClient(model, options);
    }

    /// <summary>Gets an <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> for a feature-extraction or sentence-similarity model.</summary>
    /// <param name="model">The model.</param>
    /// <param name="options">Instance management and parallelism; defaults when null.</param>
    /// <returns>The generator. Dispose it to stop an instance it started.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public static IEmbeddingGenerator<string, Embedding<float>> AsIEmbeddingGenerator(this BytezModel model, BytezEmbeddingGeneratorOptions? options = null) =>
        new BytezEmbeddingGenerator(model, options);

    /// <summary>Gets an <see cref="IImageGenerator"/> for a text-to-image or unconditional image generation model.</summary>
    /// <param name="model">The model.</param>
    /// <param name="options">Instance management; defaults when null.</param>
    /// <returns>The generator. Dispose it to stop an instance it started.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    [Experimental("MEAI001")]
    public static IImageGenerator AsIImageGenerator(this BytezModel model, BytezImageGeneratorOptions? options = null) =>
        new BytezImageGenerator(model, options);
}
