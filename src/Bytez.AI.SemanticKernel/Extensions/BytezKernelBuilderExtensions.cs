using System.Diagnostics.CodeAnalysis;
using Bytez.AI;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel.AudioToText;
using Microsoft.SemanticKernel.TextToAudio;
using Microsoft.SemanticKernel.TextToImage;

namespace Microsoft.SemanticKernel;

/// <summary>
/// Adds Bytez models to a Semantic Kernel <see cref="IKernelBuilder"/>; each method registers the same services as
/// its <see cref="BytezKernelServiceCollectionExtensions"/> counterpart on <see cref="IKernelBuilder.Services"/>.
/// </summary>
public static class BytezKernelBuilderExtensions
{
    /// <summary>
    /// Adds a Bytez chat or text-generation model as a keyed <see cref="IChatClient"/> with Semantic Kernel function
    /// invocation (so <c>FunctionChoiceBehavior.Auto()</c> works), OpenTelemetry and logging.
    /// </summary>
    /// <param name="builder">The kernel builder.</param>
    /// <param name="modelId">The Hugging Face model id, such as <c>Qwen/Qwen2.5-7B-Instruct</c>.</param>
    /// <param name="apiKey">The Bytez API key; null uses a registered <see cref="BytezClient"/> or <c>BYTEZ_API_KEY</c>.</param>
    /// <param name="endpoint">The API base address; null uses <see cref="BytezClientOptions.DefaultEndpoint"/>.</param>
    /// <param name="options">Instance management and input mode; defaults when null.</param>
    /// <param name="serviceId">The service id (the DI key); null registers the default service.</param>
    /// <param name="httpClient">An HTTP client owned by the caller; null lets the Bytez client create its own.</param>
    /// <param name="openTelemetrySourceName">The OpenTelemetry source name; null uses M.E.AI's default.</param>
    /// <param name="openTelemetryConfig">Configures the <see cref="OpenTelemetryChatClient"/>.</param>
    /// <returns>The same <paramref name="builder"/>.</returns>
    public static IKernelBuilder AddBytezChatClient(
        this IKernelBuilder builder,
        string modelId,
        string? apiKey = null,
        Uri? endpoint = null,
        BytezChatClientOptions? options = null,
        string? serviceId = null,
        HttpClient? httpClient = null,
        string? openTelemetrySourceName = null,
        Action<OpenTelemetryChatClient>? openTelemetryConfig = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddBytezKernelChatClient(modelId, apiKey, endpoint, options, serviceId, httpClient, openTelemetrySourceName, openTelemetryConfig);
        return builder;
    }

    /// <summary>Adds a Bytez chat or text-generation model, served through <paramref name="bytezClient"/>, as a keyed <see cref="IChatClient"/>.</summary>
    /// <param name="builder">The kernel builder.</param>
    /// <param name="modelId">The Hugging Face model id.</param>
    /// <param name="bytezClient">The client to use; it stays owned by the caller.</param>
    /// <param name="options">Instance management and input mode; defaults when null.</param>
    /// <param name="serviceId">The service id (the DI key); null registers the default service.</param>
    /// <param name="openTelemetrySourceName">The OpenTelemetry source name; null uses M.E.AI's default.</param>
    /// <param name="openTelemetryConfig">Configures the <see cref="OpenTelemetryChatClient"/>.</param>
    /// <returns>The same <paramref name="builder"/>.</returns>
    public static IKernelBuilder AddBytezChatClient(
        this IKernelBuilder builder,
        string modelId,
        BytezClient bytezClient,
        BytezChatClientOptions? options = null,
        string? serviceId = null,
        string? openTelemetrySourceName = null,
        Action<OpenTelemetryChatClient>? openTelemetryConfig = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddBytezKernelChatClient(modelId, bytezClient, options, serviceId, openTelemetrySourceName, openTelemetryConfig);
        return builder;
    }

    /// <summary>Adds a Bytez feature-extraction or sentence-similarity model as a keyed embedding generator of strings to <see cref="Embedding{T}"/> of <see cref="float"/>.</summary>
    /// <param name="builder">The kernel builder.</param>
    /// <param name="modelId">The Hugging Face model id, such as <c>sentence-transformers/all-MiniLM-L6-v2</c>.</param>
    /// <param name="apiKey">The Bytez API key; null uses a registered <see cref="BytezClient"/> or <c>BYTEZ_API_KEY</c>.</param>
    /// <param name="endpoint">The API base address; null uses <see cref="BytezClientOptions.DefaultEndpoint"/>.</param>
    /// <param name="options">Instance management and parallelism; defaults when null.</param>
    /// <param name="serviceId">The service id (the DI key); null registers the default service.</param>
    /// <param name="httpClient">An HTTP client owned by the caller; null lets the Bytez client create its own.</param>
    /// <param name="openTelemetrySourceName">The OpenTelemetry source name; null uses M.E.AI's default.</param>
    /// <returns>The same <paramref name="builder"/>.</returns>
    public static IKernelBuilder AddBytezEmbeddingGenerator(
        this IKernelBuilder builder,
        string modelId,
        string? apiKey = null,
        Uri? endpoint = null,
        BytezEmbeddingGeneratorOptions? options = null,
        string? serviceId = null,
        HttpClient? httpClient = null,
        string? openTelemetrySourceName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddBytezKernelEmbeddingGenerator(modelId, apiKey, endpoint, options, serviceId, httpClient, openTelemetrySourceName);
        return builder;
    }

    /// <summary>Adds a Bytez embedding model, served through <paramref name="bytezClient"/>, as a keyed embedding generator.</summary>
    /// <param name="builder">The kernel builder.</param>
    /// <param name="modelId">The Hugging Face model id.</param>
    /// <param name="bytezClient">The client to use; it stays owned by the caller.</param>
    /// <param name="options">Instance management and parallelism; defaults when null.</param>
    /// <param name="serviceId">The service id (the DI key); null registers the default service.</param>
    /// <param name="openTelemetrySourceName">The OpenTelemetry source name; null uses M.E.AI's default.</param>
    /// <returns>The same <paramref name="builder"/>.</returns>
    public static IKernelBuilder AddBytezEmbeddingGenerator(
        this IKernelBuilder builder,
        string modelId,
        BytezClient bytezClient,
        BytezEmbeddingGeneratorOptions? options = null,
        string? serviceId = null,
        string? openTelemetrySourceName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddBytezKernelEmbeddingGenerator(modelId, bytezClient, options, serviceId, openTelemetrySourceName);
        return builder;
    }

    /// <summary>Adds a Bytez text-to-image model as a keyed <see cref="IImageGenerator"/>.</summary>
    /// <param name="builder">The kernel builder.</param>
    /// <param name="modelId">The Hugging Face model id, such as <c>stabilityai/stable-diffusion-xl-base-1.0</c>.</param>
    /// <param name="apiKey">The Bytez API key; null uses a registered <see cref="BytezClient"/> or <c>BYTEZ_API_KEY</c>.</param>
    /// <param name="endpoint">The API base address; null uses <see cref="BytezClientOptions.DefaultEndpoint"/>.</param>
    /// <param name="options">Instance management; defaults when null.</param>
    /// <param name="serviceId">The service id (the DI key); null registers the default service.</param>
    /// <param name="httpClient">An HTTP client owned by the caller; null lets the Bytez client create its own.</param>
    /// <param name="openTelemetrySourceName">The OpenTelemetry source name; null uses M.E.AI's default.</param>
    /// <returns>The same <paramref name="builder"/>.</returns>
    [Experimental("MEAI001")]
    public static IKernelBuilder AddBytezImageGenerator(
        this IKernelBuilder builder,
        string modelId,
        string? apiKey = null,
        Uri? endpoint = null,
        BytezImageGeneratorOptions? options = null,
        string? serviceId = null,
        HttpClient? httpClient = null,
        string? openTelemetrySourceName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddBytezKernelImageGenerator(modelId, apiKey, endpoint, options, serviceId, httpClient, openTelemetrySourceName);
        return builder;
    }

    /// <summary>Adds a Bytez text-to-image model, served through <paramref name="bytezClient"/>, as a keyed <see cref="IImageGenerator"/>.</summary>
    /// <param name="builder">The kernel builder.</param>
    /// <param name="modelId">The Hugging Face model id.</param>
    /// <param name="bytezClient">The client to use; it stays owned by the caller.</param>
    /// <param name="options">Instance management; defaults when null.</param>
    /// <param name="serviceId">The service id (the DI key); null registers the default service.</param>
    /// <param name="openTelemetrySourceName">The OpenTelemetry source name; null uses M.E.AI's default.</param>
    /// <returns>The same <paramref name="builder"/>.</returns>
    [Experimental("MEAI001")]
    public static IKernelBuilder AddBytezImageGenerator(
        this IKernelBuilder builder,
        string modelId,
        BytezClient bytezClient,
        BytezImageGeneratorOptions? options = null,
        string? serviceId = null,
        string? openTelemetrySourceName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddBytezKernelImageGenerator(modelId, bytezClient, options, serviceId, openTelemetrySourceName);
        return builder;
    }

    /// <summary>Adds a Bytez text-to-image model as a keyed <see cref="ITextToImageService"/>.</summary>
    /// <param name="builder">The kernel builder.</param>
    /// <param name="modelId">The Hugging Face model id, such as <c>stabilityai/stable-diffusion-xl-base-1.0</c>.</param>
    /// <param name="apiKey">The Bytez API key; null uses a registered <see cref="BytezClient"/> or <c>BYTEZ_API_KEY</c>.</param>
    /// <param name="endpoint">The API base address; null uses <see cref="BytezClientOptions.DefaultEndpoint"/>.</param>
    /// <param name="options">Instance management; defaults when null.</param>
    /// <param name="serviceId">The service id (the DI key); null registers the default service.</param>
    /// <param name="httpClient">An HTTP client owned by the caller; null lets the Bytez client create its own.</param>
    /// <param name="openTelemetrySourceName">The OpenTelemetry source name; null uses M.E.AI's default.</param>
    /// <returns>The same <paramref name="builder"/>.</returns>
    [Experimental("SKEXP0001")]
    public static IKernelBuilder AddBytezTextToImage(
        this IKernelBuilder builder,
        string modelId,
        string? apiKey = null,
        Uri? endpoint = null,
        BytezImageGeneratorOptions? options = null,
        string? serviceId = null,
        HttpClient? httpClient = null,
        string? openTelemetrySourceName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddBytezTextToImage(modelId, apiKey, endpoint, options, serviceId, httpClient, openTelemetrySourceName);
        return builder;
    }

    /// <summary>Adds a Bytez text-to-image model, served through <paramref name="bytezClient"/>, as a keyed <see cref="ITextToImageService"/>.</summary>
    /// <param name="builder">The kernel builder.</param>
    /// <param name="modelId">The Hugging Face model id.</param>
    /// <param name="bytezClient">The client to use; it stays owned by the caller.</param>
    /// <param name="options">Instance management; defaults when null.</param>
    /// <param name="serviceId">The service id (the DI key); null registers the default service.</param>
    /// <param name="openTelemetrySourceName">The OpenTelemetry source name; null uses M.E.AI's default.</param>
    /// <returns>The same <paramref name="builder"/>.</returns>
    [Experimental("SKEXP0001")]
    public static IKernelBuilder AddBytezTextToImage(
        this IKernelBuilder builder,
        string modelId,
        BytezClient bytezClient,
        BytezImageGeneratorOptions? options = null,
        string? serviceId = null,
        string? openTelemetrySourceName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddBytezTextToImage(modelId, bytezClient, options, serviceId, openTelemetrySourceName);
        return builder;
    }

    /// <summary>Adds a Bytez automatic-speech-recognition model as a keyed <see cref="IAudioToTextService"/>.</summary>
    /// <param name="builder">The kernel builder.</param>
    /// <param name="modelId">The Hugging Face model id, such as <c>openai/whisper-large-v3</c>.</param>
    /// <param name="apiKey">The Bytez API key; null uses a registered <see cref="BytezClient"/> or <c>BYTEZ_API_KEY</c>.</param>
    /// <param name="endpoint">The API base address; null uses <see cref="BytezClientOptions.DefaultEndpoint"/>.</param>
    /// <param name="options">Instance management; defaults when null.</param>
    /// <param name="serviceId">The service id (the DI key); null registers the default service.</param>
    /// <param name="httpClient">An HTTP client owned by the caller; null lets the Bytez client create its own.</param>
    /// <param name="openTelemetrySourceName">The OpenTelemetry source name; null uses M.E.AI's default.</param>
    /// <returns>The same <paramref name="builder"/>.</returns>
    [Experimental("SKEXP0001")]
    public static IKernelBuilder AddBytezAudioToText(
        this IKernelBuilder builder,
        string modelId,
        string? apiKey = null,
        Uri? endpoint = null,
        BytezSpeechToTextClientOptions? options = null,
        string? serviceId = null,
        HttpClient? httpClient = null,
        string? openTelemetrySourceName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddBytezAudioToText(modelId, apiKey, endpoint, options, serviceId, httpClient, openTelemetrySourceName);
        return builder;
    }

    /// <summary>Adds a Bytez automatic-speech-recognition model, served through <paramref name="bytezClient"/>, as a keyed <see cref="IAudioToTextService"/>.</summary>
    /// <param name="builder">The kernel builder.</param>
    /// <param name="modelId">The Hugging Face model id.</param>
    /// <param name="bytezClient">The client to use; it stays owned by the caller.</param>
    /// <param name="options">Instance management; defaults when null.</param>
    /// <param name="serviceId">The service id (the DI key); null registers the default service.</param>
    /// <param name="openTelemetrySourceName">The OpenTelemetry source name; null uses M.E.AI's default.</param>
    /// <returns>The same <paramref name="builder"/>.</returns>
    [Experimental("SKEXP0001")]
    public static IKernelBuilder AddBytezAudioToText(
        this IKernelBuilder builder,
        string modelId,
        BytezClient bytezClient,
        BytezSpeechToTextClientOptions? options = null,
        string? serviceId = null,
        string? openTelemetrySourceName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddBytezAudioToText(modelId, bytezClient, options, serviceId, openTelemetrySourceName);
        return builder;
    }

    /// <summary>Adds a Bytez text-to-speech or text-to-audio model as a keyed <see cref="ITextToAudioService"/>.</summary>
    /// <param name="builder">The kernel builder.</param>
    /// <param name="modelId">The Hugging Face model id, such as <c>suno/bark-small</c>.</param>
    /// <param name="apiKey">The Bytez API key; null uses a registered <see cref="BytezClient"/> or <c>BYTEZ_API_KEY</c>.</param>
    /// <param name="endpoint">The API base address; null uses <see cref="BytezClientOptions.DefaultEndpoint"/>.</param>
    /// <param name="options">Instance management and the voice parameter; defaults when null.</param>
    /// <param name="serviceId">The service id (the DI key); null registers the default service.</param>
    /// <param name="httpClient">An HTTP client owned by the caller; null lets the Bytez client create its own.</param>
    /// <param name="openTelemetrySourceName">The OpenTelemetry source name; null uses M.E.AI's default.</param>
    /// <returns>The same <paramref name="builder"/>.</returns>
    [Experimental("SKEXP0001")]
    public static IKernelBuilder AddBytezTextToAudio(
        this IKernelBuilder builder,
        string modelId,
        string? apiKey = null,
        Uri? endpoint = null,
        BytezTextToSpeechClientOptions? options = null,
        string? serviceId = null,
        HttpClient? httpClient = null,
        string? openTelemetrySourceName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddBytezTextToAudio(modelId, apiKey, endpoint, options, serviceId, httpClient, openTelemetrySourceName);
        return builder;
    }

    /// <summary>Adds a Bytez text-to-speech or text-to-audio model, served through <paramref name="bytezClient"/>, as a keyed <see cref="ITextToAudioService"/>.</summary>
    /// <param name="builder">The kernel builder.</param>
    /// <param name="modelId">The Hugging Face model id.</param>
    /// <param name="bytezClient">The client to use; it stays owned by the caller.</param>
    /// <param name="options">Instance management and the voice parameter; defaults when null.</param>
    /// <param name="serviceId">The service id (the DI key); null registers the default service.</param>
    /// <param name="openTelemetrySourceName">The OpenTelemetry source name; null uses M.E.AI's default.</param>
    /// <returns>The same <paramref name="builder"/>.</returns>
    [Experimental("SKEXP0001")]
    public static IKernelBuilder AddBytezTextToAudio(
        this IKernelBuilder builder,
        string modelId,
        BytezClient bytezClient,
        BytezTextToSpeechClientOptions? options = null,
        string? serviceId = null,
        string? openTelemetrySourceName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddBytezTextToAudio(modelId, bytezClient, options, serviceId, openTelemetrySourceName);
        return builder;
    }
}
