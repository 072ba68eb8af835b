using Bytez.AI;
using Bytez.AI.SemanticKernel.Internal;
using Microsoft.Extensions.DependencyInjection;

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
/// else a <see cref="BytezClient"/> registered in the container (such as the one <c>services.AddBytezClient()</c> of
/// the <c>Bytez.AI.DependencyInjection</c> package configures from the <c>Bytez</c> section and <c>BYTEZ_API_KEY</c>:
/// one client, one endpoint and key setting for every service); else one client built from <c>BYTEZ_API_KEY</c>, shared
/// by every registration of the container that passed no settings. A client built here is owned and disposed by the
/// container.
/// </para>
/// <para>
/// Disposing the container disposes the services, which stop the model instances they started. A <see cref="Kernel"/>
/// is not disposable: dispose the host or service provider that resolved it, or, after <c>IKernelBuilder.Build()</c>,
/// the kernel's <see cref="Kernel.Services"/> (the container the builder made, an <see cref="IAsyncDisposable"/>).
/// </para>
/// </remarks>
public static partial class BytezKernelServiceCollectionExtensions
{
    // Every registration has this shape; only the service built from the model differs. The model (and so the client)
    // is picked when the service is first resolved, not at registration, which is what lets a BytezClient registered
    // later in the container, or BYTEZ_API_KEY, still be found.
    private static IServiceCollection AddBytezKernelService<TService>(
        this IServiceCollection services,
        BytezClientSource source,
        string modelId,
        string? serviceId,
        Func<BytezModel, IServiceProvider, TService> create)
        where TService : class
        => services.AddKeyedSingleton(serviceId, (serviceProvider, _) => create(source.GetClient(serviceProvider).GetModel(modelId), serviceProvider));
}
