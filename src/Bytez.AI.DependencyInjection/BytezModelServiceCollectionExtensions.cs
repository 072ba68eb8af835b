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

    /// <summary>Registers an <see cref="ISpeechToTextClient"/> for a Bytez automatic-speech-recognition model.</summary>
    /// <param name="services">The services.</param>
    /// <param name="modelId">The model id, such as <c>openai/whisper-large-v3</c>.</param>
    /// <param name="configure">Sets the client's options; may be null.</param>
    /// <param name="lifetime">The service lifetime; the client's instance is stopped when the client is disposed.</param>
    /// <returns>The builder, for adding middleware.</returns>
    [Experimental("MEAI001")]
    public static SpeechToTextClientBuilder AddBytezSpeechToTextClient(this IServiceCollection services, string modelId, Action<BytezSpeechToTextClientOptions>? configure = null, ServiceLifetime lifetime = ServiceLifetime.Singleton)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        return services.AddSpeechToTextClient(sp => CreateSpeechToTextClient(sp, modelId, configure), lifetime);
    }

    /// <summary>Registers a keyed <see cref="ISpeechToTextClient"/> for a Bytez automatic-speech-recognition model.</summary>
    /// <param name="services">The services.</param>
    /// <param name="serviceKey">The service key.</param>
    /// <param name="modelId">The model id.</param>
    /// <param name="configure">Sets the client's options; may be null.</param>
    /// <param name="lifetime">The service lifetime.</param>
    /// <returns>The builder, for adding middleware.</returns>
    [Experimental("MEAI001")]
    public static SpeechToTextClientBuilder AddKeyedBytezSpeechToTextClient(this IServiceCollection services, object serviceKey, string modelId, Action<BytezSpeechToTextClientOptions>? configure = null, ServiceLifetime lifetime = ServiceLifetime.Singleton)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(serviceKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        return services.AddKeyedSpeechToTextClient(serviceKey, sp => CreateSpeechToTextClient(sp, modelId, configure), lifetime);
    }

    /// <summary>Registers an <see cref="ITextToSpeechClient"/> for a Bytez text-to-speech or text-to-audio model.</summary>
    /// <param name="services">The services.</param>
    /// <param name="modelId">The model id, such as <c>suno/bark-small</c>.</param>
    /// <param name="configure">Sets the client's options; may be null.</param>
    /// <param name="lifetime">The service lifetime; the client's instance is stopped when the client is disposed.</param>
    /// <returns>The builder, for adding middleware.</returns>
    [Experimental("MEAI001")]
    public static TextToSpeechClientBuilder AddBytezTextToSpeechClient(this IServiceCollection services, string modelId, Action<BytezTextToSpeechClientOptions>? configure = null, ServiceLifetime lifetime = ServiceLifetime.Singleton)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        return services.AddTextToSpeechClient(sp => CreateTextToSpeechClient(sp, modelId, configure), lifetime);
    }

    /// <summary>Registers a keyed <see cref="ITextToSpeechClient"/> for a Bytez text-to-speech or text-to-audio model.</summary>
    /// <param name="services">The services.</param>
    /// <param name="serviceKey">The service key.</param>
    /// <param name="modelId">The model id.</param>
    /// <param name="configure">Sets the client's options; may be null.</param>
    /// <param name="lifetime">The service lifetime.</param>
    /// <returns>The builder, for adding middleware.</returns>
    [Experimental("MEAI001")]
    public static TextToSpeechClientBuilder AddKeyedBytezTextToSpeechClient(this IServiceCollection services, object serviceKey, string modelId, Action<BytezTextToSpeechClientOptions>? configure = null, ServiceLifetime lifetime = ServiceLifetime.Singleton)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(serviceKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        return services.AddKeyedTextToSpeechClient(serviceKey, sp => CreateTextToSpeechClient(sp, modelId, configure), lifetime);
    }

    private static IChatClient CreateChatClient(IServiceProvider services, string modelId, Action<BytezChatClientOptions>? configure) =>
        Create(services, modelId, configure, static (model, options) => model.AsIChatClient(options));

    private static IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(IServiceProvider services, string modelId, Action<BytezEmbeddingGeneratorOptions>? configure) =>
        Create(services, modelId, configure, static (model, options) => model.AsIEmbeddingGenerator(options));

    [Experimental("MEAI001")]
    private static IImageGenerator CreateImageGenerator(IServiceProvider services, string modelId, Action<BytezImageGeneratorOptions>? configure) =>
        Create(services, modelId, configure, static (model, options) => model.AsIImageGenerator(options));

    [Experimental("MEAI001")]
    private static ISpeechToTextClient CreateSpeechToTextClient(IServiceProvider services, string modelId, Action<BytezSpeechToTextClientOptions>? configure) =>
        Create(services, modelId, configure, static (model, options) => model.AsISpeechToTextClient(options));

    [Experimental("MEAI001")]
    private static ITextToSpeechClient CreateTextToSpeechClient(IServiceProvider services, string modelId, Action<BytezTextToSpeechClientOptions>? configure) =>
        Create(services, modelId, configure, static (model, options) => model.AsITextToSpeechClient(options));

    /// <summary>Builds an adapter the one way every registration does: fresh options, the caller's changes, the registered client's model.</summary>
    private static TClient Create<TOptions, TClient>(IServiceProvider services, string modelId, Action<TOptions>? configure, Func<BytezModel, TOptions, TClient> create)
        where TOptions : new()
    {
        var options = new TOptions();
        configure?.Invoke(options);
        return create(GetModel(services, modelId), options);
    }

    private static BytezModel GetModel(IServiceProvider services, string modelId) =>
        (services.GetService<BytezClient>()
            ?? throw new InvalidOperationException("No BytezClient is registered. Call services.AddBytezClient() before adding Bytez models."))
        .GetModel(modelId);
}
