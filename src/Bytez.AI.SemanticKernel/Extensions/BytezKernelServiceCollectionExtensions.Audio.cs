using System.Diagnostics.CodeAnalysis;
using Bytez.AI;
using Bytez.AI.SemanticKernel;
using Bytez.AI.SemanticKernel.Internal;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel.AudioToText;
using Microsoft.SemanticKernel.TextToAudio;

namespace Microsoft.SemanticKernel;

public static partial class BytezKernelServiceCollectionExtensions
{
    /// <summary>
    /// Adds a Bytez automatic-speech-recognition model as a keyed <see cref="IAudioToTextService"/> (a
    /// <see cref="BytezAudioToTextService"/> over the Bytez speech-to-text client, with OpenTelemetry, and logging when a
    /// logger factory is registered).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="modelId">The Hugging Face model id, such as <c>openai/whisper-large-v3</c>.</param>
    /// <param name="apiKey">The Bytez API key; null uses a registered <see cref="BytezClient"/> or <c>BYTEZ_API_KEY</c>.</param>
    /// <param name="endpoint">The API base address; null uses <see cref="BytezClientOptions.DefaultEndpoint"/>.</param>
    /// <param name="options">Instance management; defaults when null.</param>
    /// <param name="serviceId">The service id (the DI key); null registers the default service.</param>
    /// <param name="httpClient">An HTTP client owned by the caller; null lets the Bytez client create its own.</param>
    /// <param name="openTelemetrySourceName">The OpenTelemetry source name; null uses M.E.AI's default.</param>
    /// <returns>The same <paramref name="services"/>.</returns>
    [Experimental("SKEXP0001")]
    public static IServiceCollection AddBytezAudioToText(
        this IServiceCollection services,
        string modelId,
        string? apiKey = null,
        Uri? endpoint = null,
        BytezSpeechToTextClientOptions? options = null,
        string? serviceId = null,
        HttpClient? httpClient = null,
        string? openTelemetrySourceName = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);

        var source = BytezClientSource.FromSettings(services, apiKey, endpoint, httpClient);
        return services.AddBytezKernelService<IAudioToTextService>(source, modelId, serviceId, (model, sp) => CreateAudioToTextService(model, sp, options, openTelemetrySourceName));
    }

    /// <summary>
    /// Adds a Bytez automatic-speech-recognition model, served through <paramref name="bytezClient"/>, as a keyed
    /// <see cref="IAudioToTextService"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="modelId">The Hugging Face model id.</param>
    /// <param name="bytezClient">The client to use; it stays owned by the caller.</param>
    /// <param name="options">Instance management; defaults when null.</param>
    /// <param name="serviceId">The service id (the DI key); null registers the default service.</param>
    /// <param name="openTelemetrySourceName">The OpenTelemetry source name; null uses M.E.AI's default.</param>
    /// <returns>The same <paramref name="services"/>.</returns>
    [Experimental("SKEXP0001")]
    public static IServiceCollection AddBytezAudioToText(
        this IServiceCollection services,
        string modelId,
        BytezClient bytezClient,
        BytezSpeechToTextClientOptions? options = null,
        string? serviceId = null,
        string? openTelemetrySourceName = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        ArgumentNullException.ThrowIfNull(bytezClient);

        var source = BytezClientSource.FromClient(bytezClient);
        return services.AddBytezKernelService<IAudioToTextService>(source, modelId, serviceId, (model, sp) => CreateAudioToTextService(model, sp, options, openTelemetrySourceName));
    }

    /// <summary>
    /// Adds a Bytez text-to-speech or text-to-audio model as a keyed <see cref="ITextToAudioService"/> (a
    /// <see cref="BytezTextToAudioService"/> over the Bytez text-to-speech client, with OpenTelemetry, and logging when a
    /// logger factory is registered).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="modelId">The Hugging Face model id, such as <c>suno/bark-small</c>.</param>
    /// <param name="apiKey">The Bytez API key; null uses a registered <see cref="BytezClient"/> or <c>BYTEZ_API_KEY</c>.</param>
    /// <param name="endpoint">The API base address; null uses <see cref="BytezClientOptions.DefaultEndpoint"/>.</param>
    /// <param name="options">Instance management and the voice parameter; defaults when null.</param>
    /// <param name="serviceId">The service id (the DI key); null registers the default service.</param>
    /// <param name="httpClient">An HTTP client owned by the caller; null lets the Bytez client create its own.</param>
    /// <param name="openTelemetrySourceName">The OpenTelemetry source name; null uses M.E.AI's default.</param>
    /// <returns>The same <paramref name="services"/>.</returns>
    [Experimental("SKEXP0001")]
    public static IServiceCollection AddBytezTextToAudio(
        this IServiceCollection services,
        string modelId,
        string? apiKey = null,
        Uri? endpoint = null,
        BytezTextToSpeechClientOptions? options = null,
        string? serviceId = null,
        HttpClient? httpClient = null,
        string? openTelemetrySourceName = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);

        var source = BytezClientSource.FromSettings(services, apiKey, endpoint, httpClient);
        return services.AddBytezKernelService<ITextToAudioService>(source, modelId, serviceId, (model, sp) => CreateTextToAudioService(model, sp, options, openTelemetrySourceName));
    }

    /// <summary>
    /// Adds a Bytez text-to-speech or text-to-audio model, served through <paramref name="bytezClient"/>, as a keyed
    /// <see cref="ITextToAudioService"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="modelId">The Hugging Face model id.</param>
    /// <param name="bytezClient">The client to use; it stays owned by the caller.</param>
    /// <param name="options">Instance management and the voice parameter; defaults when null.</param>
    /// <param name="serviceId">The service id (the DI key); null registers the default service.</param>
    /// <param name="openTelemetrySourceName">The OpenTelemetry source name; null uses M.E.AI's default.</param>
    /// <returns>The same <paramref name="services"/>.</returns>
    [Experimental("SKEXP0001")]
    public static IServiceCollection AddBytezTextToAudio(
        this IServiceCollection services,
        string modelId,
        BytezClient bytezClient,
        BytezTextToSpeechClientOptions? options = null,
        string? serviceId = null,
        string? openTelemetrySourceName = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        ArgumentNullException.ThrowIfNull(bytezClient);

        var source = BytezClientSource.FromClient(bytezClient);
        return services.AddBytezKernelService<ITextToAudioService>(source, modelId, serviceId, (model, sp) => CreateTextToAudioService(model, sp, options, openTelemetrySourceName));
    }

    [Experimental("SKEXP0001")]
    private static BytezAudioToTextService CreateAudioToTextService(
        BytezModel model,
        IServiceProvider serviceProvider,
        BytezSpeechToTextClientOptions? options,
        string? openTelemetrySourceName)
    {
        // The same telemetry/logging pipeline as the other registrations; the service owns it. M.E.AI's speech API is
        // experimental (MEAI001): this member is itself [Experimental], so callers opt in once through SKEXP0001.
        var loggerFactory = serviceProvider.GetService<ILoggerFactory>();
        var builder = model.AsISpeechToTextClient(options).AsBuilder().UseOpenTelemetry(loggerFactory, openTelemetrySourceName);
        if (loggerFactory is not null)
        {
            builder.UseLogging(loggerFactory);
        }

        return new BytezAudioToTextService(builder.Build(serviceProvider), model.ModelId, model.Client.Endpoint, ownsClient: true);
    }

    [Experimental("SKEXP0001")]
    private static BytezTextToAudioService CreateTextToAudioService(
        BytezModel model,
        IServiceProvider serviceProvider,
        BytezTextToSpeechClientOptions? options,
        string? openTelemetrySourceName)
    {
        var loggerFactory = serviceProvider.GetService<ILoggerFactory>();
        var builder = model.AsITextToSpeechClient(options).AsBuilder().UseOpenTelemetry(loggerFactory, openTelemetrySourceName);
        if (loggerFactory is not null)
        {
            builder.UseLogging(loggerFactory);
        }

        return new BytezTextToAudioService(builder.Build(serviceProvider), model.ModelId, model.Client.Endpoint, ownsClient: true);
    }
}
