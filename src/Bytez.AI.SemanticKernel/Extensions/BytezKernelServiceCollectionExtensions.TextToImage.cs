using System.Diagnostics.CodeAnalysis;
using Bytez.AI;
using Bytez.AI.SemanticKernel;
using Bytez.AI.SemanticKernel.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel.TextToImage;

namespace Microsoft.SemanticKernel;

public static partial class BytezKernelServiceCollectionExtensions
{
    /// <summary>
    /// Adds a Bytez text-to-image model as a keyed <see cref="ITextToImageService"/> (a <see cref="BytezTextToImageService"/>
    /// over the Bytez image generator, with OpenTelemetry, and logging when a logger factory is registered).
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
    [Experimental("SKEXP0001")]
    public static IServiceCollection AddBytezTextToImage(
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
        return services.AddBytezKernelService<ITextToImageService>(source, modelId, serviceId, (model, sp) => CreateTextToImageService(model, sp, options, openTelemetrySourceName));
    }

    /// <summary>
    /// Adds a Bytez text-to-image model, served through <paramref name="bytezClient"/>, as a keyed
    /// <see cref="ITextToImageService"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="modelId">The Hugging Face model id.</param>
    /// <param name="bytezClient">The client to use; it stays owned by the caller.</param>
    /// <param name="options">Instance management; defaults when null.</param>
    /// <param name="serviceId">The service id (the DI key); null registers the default service.</param>
    /// <param name="openTelemetrySourceName">The OpenTelemetry source name; null uses M.E.AI's default.</param>
    /// <returns>The same <paramref name="services"/>.</returns>
    [Experimental("SKEXP0001")]
    public static IServiceCollection AddBytezTextToImage(
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
        return services.AddBytezKernelService<ITextToImageService>(source, modelId, serviceId, (model, sp) => CreateTextToImageService(model, sp, options, openTelemetrySourceName));
    }

    [Experimental("SKEXP0001")]
    private static BytezTextToImageService CreateTextToImageService(
        BytezModel model,
        IServiceProvider serviceProvider,
        BytezImageGeneratorOptions? options,
        string? openTelemetrySourceName)
    {
        // The service is built on the same telemetry/logging pipeline as AddBytezKernelImageGenerator, and owns it. That
        // pipeline is M.E.AI's experimental (MEAI001) image API; this member is itself [Experimental], which is how the
        // compiler lets it use other experimental APIs, and callers opt in once through SKEXP0001.
        var imageGenerator = CreateImageGenerator(model, serviceProvider, options, openTelemetrySourceName);
        return new BytezTextToImageService(imageGenerator, model.ModelId, model.Client.Endpoint, ownsImageGenerator: true);
    }
}
