using System.ClientModel.Primitives;
using Bytez.AI.Http;

namespace Bytez.AI.OpenAICompatible;

/// <summary>
/// Adds the closed-source provider's own key (<see cref="BytezClientOptions.ProviderKeys"/>) as the <c>provider-key</c>
/// header, as the native transport does for runs of that model.
/// </summary>
/// <remarks>No <c>ToString</c> override and no public state: the key never prints.</remarks>
internal sealed class ProviderKeyPolicy(string providerKey) : PipelinePolicy
{
    /// <inheritdoc />
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Request.Headers.Set(BytezHeaders.ProviderKey, providerKey);
        ProcessNext(message, pipeline, currentIndex);
    }

    /// <inheritdoc />
    public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Request.Headers.Set(BytezHeaders.ProviderKey, providerKey);
        return ProcessNextAsync(message, pipeline, currentIndex);
    }
}
