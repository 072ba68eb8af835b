using Bytez.AI;
using Bytez.AI.SemanticKernel.Internal;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microsoft.SemanticKernel;

/// <summary>
/// Registers Bytez models as Semantic Kernel AI services on an <see cref="IServiceCollection"/>, keyed by service id,
/// the way Semantic Kernel's own connectors register theirs.
/// </summary>
/// <remarks>
/// The names carry "Kernel" (<c>AddBytezKernelChatClient</c>, ...) because the core library's
/// <c>Microsoft.Extensions.DependencyInjection</c> extensions already use <c>AddBytezChatClient</c> and friends for plain
/// M.E.AI registrations; with both namespaces imported the same names would be ambiguous. These add what Semantic
/// Kernel's connectors add: kernel function invocation, OpenTelemetry and logging, keyed by service id.
/// <para>
/// Which <see cref="BytezClient"/> a service uses is decided when it is first resolved: the one passed in; else, when
/// an API key, endpoint or HTTP client is passed, a client built from them (the key defaulting to <c>BYTEZ_API_KEY</c>);
/// else a <see cref="BytezClient"/> registered in the container; else a client built from <c>BYTEZ_API_KEY</c>.
/// A client built here is owned and disposed by the container.
/// </para>
/// </remarks>
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
        return services.AddBytezKernelChatClientCore(source, modelId, options, serviceId, openTelemetrySourceName, openTelemetryConfig);
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

        return services.AddBytezKernelChatClientCore(BytezClientSource.FromClient(bytezClient), modelId, options, serviceId, openTelemetrySourceName, openTelemetryConfig);
    }

    private static IServiceCollection AddBytezKernelChatClientCore(
        this IServiceCollection services,
        BytezClientSource source,
        string modelId,
        BytezChatClientOptions? options,
        string? serviceId,
        string? openTelemetrySourceName,
        Action<OpenTelemetryChatClient>? openTelemetryConfig)
    {
        IChatClient Factory(IServiceProvider serviceProvider, object? _)
        {
            var loggerFactory = serviceProvider.GetService<ILoggerFactory>();

            // Same pipeline as Semantic Kernel's IChatClient connectors: kernel function invocation outermost (it runs
            // KernelFunctions and the auto-function-invocation filters), then telemetry, then logging nearest the wire.
            var builder = source.GetClient(serviceProvider)
                .GetModel(modelId)
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

        return services.AddKeyedSingleton<IChatClient>(serviceId, Factory);
    }
}
