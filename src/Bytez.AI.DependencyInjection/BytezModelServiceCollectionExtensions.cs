using System.Diagnostics.CodeAnalysis;
using Bytez.AI;
using Microsoft.Extensions.AI;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers M.E.AI clients backed by Bytez models, resolved from the registered <see cref="BytezClient"/> (call
/// <see cref="BytezServiceCollectionExtensions.AddBytezClient(IServiceCollection, Action{BytezClientOptions}?)"/> first).
/// The returned M.E.AI builders take middleware: <c>.UseLogging().UseOpenTelemetry().UseDistributedCache()</c>.
/// </summary>
public static class BytezModelServiceCollectionExtensions
{
    /// <summary>Registers an <see cref="IChatClient"/> for a Bytez chat or text-generation model.</summary>
    /// <param name="services">The services.</param>
    /// <param name="modelId">The model id, such as <c>Qwen/Qwen2.5-1.5B-Instruct</c>.</param>
    /// <param name="configure">Sets the client's options; may be null.</param>
    /// <param name="lifetime">The service lifetime; the client's instance is stopped when the client is disposed.</param>
    /// <returns>The builder, for adding middleware.</returns>
    public static ChatClientBuilder AddBytezChatClient(this IServiceCollection services, string modelId, Action<BytezChatClientOptions>? configure = null, ServiceLifetime lifetime = ServiceLifetime.Singleton)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        return services.AddChatClient(sp => CreateChatClient(sp, modelId, configure), lifetime);
    }

    /// <summary>Registers a keyed <see cref="IChatClient"/> for a Bytez chat or text-generation model.</summary>
    /// <param name="services">The services.</param>
    /// <param name="serviceKey">The service key.</param>
    /// <param name="modelId">The model id.</param>
    /// <param name="configure">Sets the client's options; may be null.</param>
    /// <param name="lifetime">The service lifetime.</param>
    /// <returns>The builder, for adding middleware.</returns>
    public static ChatClientBuilder AddKeyedBytezChatClient(this IServiceCollection services, object serviceKey, string modelId, Action<BytezChatClientOptions>? configure = null, ServiceLifetime lifetime = ServiceLifetime.Singleton)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(serviceKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        return services.AddKeyedChatClient(serviceKey, sp => CreateChatClient(sp, modelId, configure), lifetime);
    }

    /// <summary>Registers an <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> for a Bytez feature-extraction or sentence-similarity model.</summary>
    /// <param name="services">The services.</param>
    /// <param name="modelId">The model id, such as <c>sentence-transformers/all-MiniLM-L6-v2</c>.</param>
    /// <param name="configure">Sets the generator's options; may be null.</param>
    /// <param name="lifetime">The service lifetime.</param>
    /// <returns>The builder, for adding middleware.</returns>
    public static EmbeddingGeneratorBuilder<string, Embedding<float>> AddBytezEmbeddingGenerator(this IServiceCollection services, string modelId, Action<BytezEmbeddingGeneratorOptions>? configure = null, ServiceLifetime lifetime = ServiceLifetime.Singleton)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        return services.AddEmbeddingGenerator(sp => CreateEmbeddingGenerator(sp, modelId, configure), lifetime);
    }

    /// <summary>Registers a keyed <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> for a Bytez embedding model.</summary>
    /// <param name="services">The services.</param>
    /// <param name="serviceKey">The service key.</param>
    /// <param name="modelId">The model id.</param>
    /// <param name="configure">Sets the generator's options; may be null.</param>
    /// <param name="lifetime">The service lifetime.</param>
    /// <returns>The builder, for adding middleware.</returns>
    public static EmbeddingGeneratorBuilder<string, Embedding<float>> AddKeyedBytezEmbeddingGenerator(this IServiceCollection services, object serviceKey, string modelId, Action<BytezEmbeddingGeneratorOptions>? configure = null, ServiceLifetime lifetime = ServiceLifetime.Singleton)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(serviceKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        return services.AddKeyedEmbeddingGenerator(serviceKey, sp => CreateEmbeddingGenerator(sp, modelId, configure), lifetime);
    }

    /// <summary>Registers an <see cref="IImageGenerator"/> for a Bytez text-to-image or unconditional image generation model.</summary>
    /// <param name="services">The services.</param>
    /// <param name="modelId">The model id, such as <c>dreamlike-art/dreamlike-photoreal-2.0</c>.</param>
    /// <param name="configure">Sets the generator's options; may be null.</param>
    /// <param name="lifetime">The service lifetime.</param>
    /// <returns>The builder, for adding middleware.</returns>
    [Experimental("MEAI001")]
    public static ImageGeneratorBuilder AddBytezImageGenerator(this IServiceCollection services, string modelId, Action<BytezImageGeneratorOptions>? configure = null, ServiceLifetime lifetime = ServiceLifetime.Singleton)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        return services.AddImageGenerator(sp => CreateImageGenerator(sp, modelId, configure), lifetime);
    }

    /// <summary>Registers a keyed <see cref="IImageGenerator"/> for a Bytez image generation model.</summary>
    /// <param name="services">The services.</param>
    /// <param name="serviceKey">The service key.</param>
    /// <param name="modelId">The model id.</param>
    /// <param name="configure">Sets the generator's options; may be null.</param>
    /// <param name="lifetime">The service lifetime.</param>
    /// <returns>The builder, for adding middleware.</returns>
    [Experimental("MEAI001")]
    public static ImageGeneratorBuilder AddKeyedBytezImageGenerator(this IServiceCollection services, object serviceKey, string modelId, Action<BytezImageGeneratorOptions>? configure = null, ServiceLifetime lifetime = ServiceLifetime.Singleton)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(serviceKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        return services.AddKeyedImageGenerator(serviceKey, sp => CreateImageGenerator(sp, modelId, configure), lifetime);
    }

    private static IChatClient CreateChatClient(IServiceProvider services, string modelId, Action<BytezChatClientOptions>? configure)
    {
        var options = new BytezChatClientOptions();
        configure?.Invoke(options);
        return GetModel(services, modelId).AsIChatClient(options);
    }

    private static IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(IServiceProvider services, string modelId, Action<BytezEmbeddingGeneratorOptions>? configure)
    {
        var options = new BytezEmbeddingGeneratorOptions();
        configure?.Invoke(options);
        return GetModel(services, modelId).AsIEmbeddingGenerator(options);
    }

    [Experimental("MEAI001")]
    private static IImageGenerator CreateImageGenerator(IServiceProvider services, string modelId, Action<BytezImageGeneratorOptions>? configure)
    {
        var options = new BytezImageGeneratorOptions();
        configure?.Invoke(options);
        return GetModel(services, modelId).AsIImageGenerator(options);
    }

    private static BytezModel GetModel(IServiceProvider services, string modelId) =>
        (services.GetService<BytezClient>()
            ?? throw new InvalidOperationException("No BytezClient is registered. Call services.AddBytezClient() before adding Bytez models."))
        .GetModel(modelId);
}
