using System.Diagnostics.CodeAnalysis;
using Bytez.AI;
using Bytez.AI.SemanticKernel.Internal;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microsoft.SemanticKernel;

public static partial class BytezKernelServiceCollectionExtensions
{
    /// <summary>
    /// Adds a Bytez text-to-image model as a keyed <see cref="IImageGenerator"/>, with OpenTelemetry, and logging when
    /// an <see cref="ILoggerFactory"/> is registered.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="modelId">The Hugging Face model id, such as <c>stabilityai/stable-diffusion-xl-base-1.0</c>.</param>
    /// <param name="apiKey">The Bytez API key; null uses a registered <see cref="BytezClient"/> or <c>BYTEZ_API_KEY</c>.</param>
    /// <param name="endpoint">The API base address; null uses <see cref="BytezClientOptions.DefaultEndpoint"/>.</param>
    /// <param name="options">Instance management; defaults when null.</param>
    /// <param name="serviceId">The service id (the DI key); null registers the default service.</param>
    /// <param name="httpClient">An HTTP client owned by the caller; null lets the Bytez client create its own.</param>
    /// <param name="openTelemetrySourceName">The OpenTelemetry source name; null uses M.E.AI's default.</param>
    /// <returns>The same <paramref name="services"/>.</returns>
    [Experimental("MEAI001")]
    public static IServiceCollection AddBytezKernelImageGenerator(
        this IServiceCollection services,
        string modelId,
        string? apiKey = null,
        Uri? endpoint = null,
        BytezImageGeneratorOptions? options = null,
        string? serviceId = null,
        HttpClient? httpClient = null,
        string? openTelemetrySourceName = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);

        var source = BytezClientSource.FromSettings(services, apiKey, endpoint, httpClient);
        return services.AddBytezKernelService(source, modelId, serviceId, (model, sp) => CreateImageGenerator(model, sp, options, openTelemetrySourceName));
    }

    /// <summary>
    /// Adds a Bytez text-to-image model, served through <paramref name="bytezClient"/>, as a keyed
    /// <see cref="IImageGenerator"/> with OpenTelemetry and logging.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="modelId">The Hugging Face model id.</param>
    /// <param name="bytezClient">The client to use; it stays owned by the caller.</param>
    /// <param name="options">Instance management; defaults when null.</param>
    /// <param name="serviceId">The service id (the DI key); null registers the default service.</param>
    /// <param name="openTelemetrySourceName">The OpenTelemetry source name; null uses M.E.AI's default.</param>
    /// <returns>The same <paramref name="services"/>.</returns>
    [Experimental("MEAI001")]
    public static IServiceCollection AddBytezKernelImageGenerator(
        this IServiceCollection services,
        string modelId,
        BytezClient bytezClient,
        BytezImageGeneratorOptions? options = null,
        string? serviceId = null,
        string? openTelemetrySourceName = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        ArgumentNullException.ThrowIfNull(bytezClient);

        var source = BytezClientSource.FromClient(bytezClient);
        return services.AddBytezKernelService(source, modelId, serviceId, (model, sp) => CreateImageGenerator(model, sp, options, openTelemetrySourceName));
    }

    [Experimental("MEAI001")]
    private static IImageGenerator CreateImageGenerator(
        BytezModel model,
        IServiceProvider serviceProvider,
        BytezImageGeneratorOptions? options,
        string? openTelemetrySourceName)
    {
        var loggerFactory = serviceProvider.GetService<ILoggerFactory>();

        var builder = model
            .AsIImageGenerator(options)
            .AsBuilder()
            .UseOpenTelemetry(loggerFactory, openTelemetrySourceName);

        if (loggerFactory is not null)
        {
            builder.UseLogging(loggerFactory);
        }

        return builder.Build(serviceProvider);
    }
}
