using Microsoft.SemanticKernel.Services;

namespace Bytez.AI.SemanticKernel.Internal;

/// <summary>The <c>IAIService.Attributes</c> every Bytez Semantic Kernel service reports: its model id and endpoint.</summary>
internal static class ServiceAttributes
{
    /// <summary>Creates the attributes.</summary>
    /// <param name="modelId">The model id.</param>
    /// <param name="endpoint">The API base address.</param>
    /// <returns>The attributes.</returns>
    public static Dictionary<string, object?> Create(string modelId, Uri endpoint) => new(StringComparer.Ordinal)
    {
        [AIServiceExtensions.ModelIdKey] = modelId,
        [AIServiceExtensions.EndpointKey] = endpoint.ToString(),
    };
}
