using Microsoft.SemanticKernel.Services;

namespace Bytez.AI.SemanticKernel.Internal;

/// <summary>
/// What every Bytez Semantic Kernel media service holds: the M.E.AI client it runs on (disposed with the service when
/// the service owns it, which stops an instance the client started), the model id and the <c>IAIService.Attributes</c>.
/// </summary>
/// <typeparam name="TClient">The M.E.AI client (<c>IImageGenerator</c>, <c>ISpeechToTextClient</c>, ...).</typeparam>
internal sealed class ServiceCore<TClient>
    where TClient : IDisposable
{
    private readonly bool _ownsClient;

    /// <summary>Initializes a new instance of the <see cref="ServiceCore{TClient}"/> class.</summary>
    /// <param name="client">The client.</param>
    /// <param name="modelId">The model id reported in the attributes and on each result.</param>
    /// <param name="endpoint">The API base address reported in the attributes.</param>
    /// <param name="ownsClient">Whether <see cref="Dispose"/> disposes the client.</param>
    public ServiceCore(TClient client, string modelId, Uri endpoint, bool ownsClient)
    {
        Client = client;
        ModelId = modelId;
        _ownsClient = ownsClient;
        Attributes = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [AIServiceExtensions.ModelIdKey] = modelId,
            [AIServiceExtensions.EndpointKey] = endpoint.ToString(),
        };
    }

    /// <summary>Gets the client.</summary>
    public TClient Client { get; }

    /// <summary>Gets the model id.</summary>
    public string ModelId { get; }

    /// <summary>Gets the service's attributes: its model id and endpoint.</summary>
    public IReadOnlyDictionary<string, object?> Attributes { get; }

    /// <summary>Disposes the client if the service owns it.</summary>
    public void Dispose()
    {
        if (_ownsClient)
        {
            Client.Dispose();
        }
    }
}
