using Bytez.AI;
using Bytez.AI.SemanticKernel.Internal;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microsoft.SemanticKernel;

public static partial class BytezKernelServiceCollectionExtensions
{
    /// <summary>
    /// Adds a Bytez chat or text-generation model as a keyed <see cref="IChatClient"/>, wrapped with Semantic Kernel
    /// function invocation (so <c>FunctionChoiceBehavior.Auto()</c> and auto-function-invocation filters work),
    /// OpenTelemetry, and logging when an <see cref="ILoggerFactory"/> is registered.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="modelId">The Hugging Face model id, such as <c>Qwen/Qwen2.5-7B-Instruct</c>.</param>
    /// <param name="apiKey">The Bytez API key; null uses a registered <see cref="BytezClient"/> or <c>BYTEZ_API_KEY</c>.</param>
    /// <param name="endpoint">The API base address; null uses <see cref="BytezClientOptions.DefaultEndpoint"/>.</param>
    /// <param name="options">Instance management and input mode; defaults when null.</param>
    /// <param name="serviceId">The service id (the DI key); null registers the default service.</param>
    /// <param name="httpClient">An HTTP client owned by the caller; null lets the Bytez client create its own.</param>
    /// <param name="openTelemetrySourceName">The OpenTelemetry source name; null uses M.E.AI's default.</param>
    /// <param name="openTelemetryConfig">Configures the <see cref="OpenTelemetryChatClient"/>.</param>
    /// <returns>The same <paramref name="services"/>.</returns>
    public static IServiceCollection AddBytezKernelChatClient(
        this IServiceCollection services,
        string modelId,
        string? apiKey = null,
        Uri? endpoint = null,
        BytezChatClientOptions? options = null,
        string? serviceId = null,
        HttpClient? httpClient = null,
        string? openTelemetrySourceName = null,
        Action<OpenTelemetryChatClient>? openTelemetryConfig = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);

        var source = BytezClientSource.FromSettings(services, apiKey, endpoint, httpClient);
        return services.AddBytezKernelService(source, modelId, serviceId, (model, sp) => CreateChatClient(model, sp, options, openTelemetrySourceName, openTelemetryConfig));
    }

    /// <summary>
    /// Adds a Bytez chat or text-generation model, served through <paramref name="bytezClient"/>, as a keyed
    /// <see cref="IChatClient"/> with Semantic Kernel function invocation, OpenTelemetry and logging.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="modelId">The Hugging Face model id.</param>
    /// <param name="bytezClient">The client to use; it stays owned by the caller.</param>
    /// <param name="options">Instance management and input mode; defaults when null.</param>
    /// <param name="serviceId">The service id (the DI key); null registers the default service.</param>
    /// <param name="openTelemetrySourceName">The OpenTelemetry source name; null uses M.E.AI's default.</param>
    /// <param name="openTelemetryConfig">Configures the <see cref="OpenTelemetryChatClient"/>.</param>
    /// <returns>The same <paramref name="services"/>.</returns>
    public static IServiceCollection AddBytezKernelChatClient(
        this IServiceCollection services,
        string modelId,
        BytezClient bytezClient,
        BytezChatClientOptions? options = null,
        string? serviceId = null,
        string? openTelemetrySourceName = null,
        Action<OpenTelemetryChatClient>? openTelemetryConfig = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        ArgumentNullException.ThrowIfNull(bytezClient);

        var source = BytezClientSource.FromClient(bytezClient);
        return services.AddBytezKernelService(source, modelId, serviceId, (model, sp) => CreateChatClient(model, sp, options, openTelemetrySourceName, openTelemetryConfig));
    }

    private static IChatClient CreateChatClient(
        BytezModel model,
        IServiceProvider serviceProvider,
        BytezChatClientOptions? options,
        string? openTelemetrySourceName,
        Action<OpenTelemetryChatClient>? openTelemetryConfig)
    {
        var loggerFactory = serviceProvider.GetService<ILoggerFactory>();

        // Same pipeline as Semantic Kernel's IChatClient connectors: kernel function invocation outermost (it runs
        // KernelFunctions and the auto-function-invocation filters), then telemetry, then logging nearest the wire.
        var builder = model
            .AsIChatClient(options)
            .AsBuilder()
            .UseKernelFunctionInvocation(loggerFactory)
            .UseOpenTelemetry(loggerFactory, openTelemetrySourceName, openTelemetryConfig);

        if (loggerFactory is not null)
        {
            builder.UseLogging(loggerFactory);
        }

        return builder.Build(serviceProvider);
    }
}
