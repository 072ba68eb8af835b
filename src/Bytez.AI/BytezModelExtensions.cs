using System.Diagnostics.CodeAnalysis;
using Bytez.AI;

namespace Microsoft.Extensions.AI;

/// <summary>Creates Microsoft.Extensions.AI clients backed by a Bytez model.</summary>
public static class BytezModelExtensions
{
    /// <summary>Gets an <see cref="IChatClient"/> for a chat or text-generation model.</summary>
    /// <param name="model">The model.</param>
    /// <param name="options">Instance management and input mode; defaults when null.</param>
    /// <returns>The chat client. Dispose it to stop an instance it started.</returns>
    public static IChatClient AsIChatClient(this BytezModel model, BytezChatClientOptions? options = null) =>
        throw new NotImplementedException();

    /// <summary>Gets an <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> for a feature-extraction or sentence-similarity model.</summary>
    /// <param name="model">The model.</param>
    /// <param name="options">Instance management and parallelism; defaults when null.</param>
    /// <returns>The generator. Dispose it to stop an instance it started.</returns>
    public static IEmbeddingGenerator<string, Embedding<float>> AsIEmbeddingGenerator(this BytezModel model, BytezEmbeddingGeneratorOptions? options = null) =>
        throw new NotImplementedException();

    /// <summary>Gets an <see cref="IImageGenerator"/> for a text-to-image or unconditional image generation model.</summary>
    /// <param name="model">The model.</param>
    /// <param name="options">Instance management; defaults when null.</param>
    /// <returns>The generator. Dispose it to stop an instance it started.</returns>
    [Experimental("MEAI001")]
    public static IImageGenerator AsIImageGenerator(this BytezModel model, BytezImageGeneratorOptions? options = null) =>
        throw new NotImplementedException();
}
