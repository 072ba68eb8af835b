using Bytez.AI;
using Bytez.AI.SemanticKernel.Internal;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microsoft.SemanticKernel;

public static partial class BytezKernelServiceCollectionExtensions
{
    /// <summary>
    /// Adds a Bytez feature-extraction or sentence-similarity model as a keyed
    /// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> of strings to <see cref="Embedding{T}"/> of
    /// <see cref="float"/>, with OpenTelemetry, and logging when an <see cref="ILoggerFactory"/> is registered.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="modelId">The Hugging Face model id, such as <c>sentence-transformers/all-MiniLM-L6-v2</c>.</param>
    /// <param name="apiKey">The Bytez API key; null uses a registered <see cref="BytezClient"/> or <c>BYTEZ_API_KEY</c>.</param>
    /// <param name="endpoint">The API base address; null uses <see cref="BytezClientOptions.DefaultEndpoint"/>.</param>
    /// <param name="options">Instance management and parallelism; defaults when null.</param>
    /// <param name="serviceId">The service id (the DI key); null registers the default service.</param>
    /// <param name="httpClient">An HTTP client owned by the caller; null lets the Bytez client create its own.</param>
    /// <param name="openTelemetrySourceName">The OpenTelemetry source name; null uses M.E.AI's default.</param>
    /// <returns>The same <paramref name="services"/>.</returns>
    public static IServiceCollection AddBytezKernelEmbeddingGenerator(
        this IServiceCollection services,
        string modelId,
        string? apiKey = null,
        Uri? endpoint = null,
        BytezEmbeddingGeneratorOptions? options = null,
        string? serviceId = null,
        HttpClient? httpClient = null,
        string? openTelemetrySourceName = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);

        var source = BytezClientSource.FromSettings(services, apiKey, endpoint, httpClient);
        return services.AddBytezKernelService(source, modelId, serviceId, (model, sp) => CreateEmbeddingGenerator(model, sp, options, openTelemetrySourceName));
    }

    /// <summary>
    /// Adds a Bytez feature-extraction or sentence-similarity model, served through <paramref name="bytezClient"/>, as
    /// a keyed embedding generator with OpenTelemetry and logging.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="modelId">The Hugging Face model id.</param>
    /// <param name="bytezClient">The client to use; it stays owned by the caller.</param>
    /// <param name="options">Instance management and parallelism; defaults when null.</param>
    /// <param name="serviceId">The service id (the DI key); null registers the default service.</param>
    /// <param name="openTelemetrySourceName">The OpenTelemetry source name; null uses M.E.AI's default.</param>
    /// <returns>The same <paramref name="services"/>.</returns>
    public static IServiceCollection AddBytezKernelEmbeddingGenerator(
        this IServiceCollection services,
        string modelId,
        BytezClient bytezClient,
        BytezEmbeddingGeneratorOptions? options = null,
        string? serviceId = null,
        string? openTelemetrySourceName = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        ArgumentNullException.ThrowIfNull(bytezClient);

        var source = BytezClientSource.FromClient(bytezClient);
        return services.AddBytezKernelService(source, modelId, serviceId, (model, sp) => CreateEmbeddingGenerator(model, sp, options, openTelemetrySourceName));
    }

    private static IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(
        BytezModel model,
        IServiceProvider serviceProvider,
        BytezEmbeddingGeneratorOptions? options,
        string? openTelemetrySourceName)
    {
        var loggerFactory = serviceProvider.GetService<ILoggerFactory>();

        var builder = model
            .AsIEmbeddingGenerator(options)
            .AsBuilder()
            .UseOpenTelemetry(loggerFactory, openTelemetrySourceName);

        if (loggerFactory is not null)
        {
            builder.UseLogging(loggerFactory);
        }

        return builder.Build(serviceProvider);
    }
}
