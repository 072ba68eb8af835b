using Bytez.AI.Protocol.V1;
using Bytez.AI.Protocol.V2;

namespace Bytez.AI.Protocol;

/// <summary>Chooses the protocol generation for a client, and words the errors of calls one generation lacks.</summary>
internal static class BytezProtocols
{
    /// <summary>Gets the protocol of <paramref name="options"/>' <see cref="BytezClientOptions.ApiVersion"/> (already validated).</summary>
    public static IBytezProtocol Create(BytezClientOptions options) => options.ApiVersion switch
    {
        BytezApiVersion.V1 => V1Protocol.Instance,
        _ => new V2Protocol(options.ProviderKeys),
    };

    /// <summary>An instance-lifecycle call on the serverless v2 API.</summary>
    /// <param name="member">The member called, such as <c>BytezModel.GetStatusAsync</c>.</param>
    public static NotSupportedException NeedsV1(string member) =>
        new($"{member} needs the v1 API: the v2 API (BytezClientOptions.ApiVersion = BytezApiVersion.V2, the default) is serverless, so there is no instance to load, check or stop; just run the model. To manage instances on a server that speaks the legacy model/* API, set BytezClientOptions.ApiVersion = BytezApiVersion.V1.");

    /// <summary>A call that only the v2 API has, on a v1 client.</summary>
    /// <param name="what">What was asked, such as <c>BytezClient.ListTasksAsync</c>.</param>
    /// <param name="alternative">What to do on v1 instead; may be null.</param>
    public static NotSupportedException NeedsV2(string what, string? alternative = null) =>
        new($"{what} needs the v2 API, which this client does not speak (BytezClientOptions.ApiVersion = BytezApiVersion.V1). Set BytezClientOptions.ApiVersion = BytezApiVersion.V2 (the default){(alternative is null ? "." : "; " + alternative)}");
}
