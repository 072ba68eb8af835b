namespace Bytez.AI;

/// <summary>
/// The generation of the Bytez HTTP API a <see cref="BytezClient"/> speaks (<see cref="BytezClientOptions.ApiVersion"/>).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><see cref="V2"/>, the default: Bytez's current API (<c>POST models/v2/{modelId}</c>), the one Bytez's own SDKs
/// speak. Serverless: there is nothing to load, check or stop; the first run may wait through a cold boot.</item>
/// <item><see cref="V1"/>: the seed's legacy API (<c>model/*</c>): load an instance, poll its status, run, stop it.</item>
/// </list>
/// </remarks>
public enum BytezApiVersion
{
    /// <summary>The legacy <c>model/*</c> API (mid to late 2024): explicit instance lifecycle, no closed-source models.</summary>
    V1 = 1,

    /// <summary>The current <c>models/v2/*</c> API: serverless, the <c>{error, output}</c> envelope, closed-source models.</summary>
    V2 = 2,
}
