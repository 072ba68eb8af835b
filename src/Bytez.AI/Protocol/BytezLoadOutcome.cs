namespace Bytez.AI;

/// <summary>How a start or load request was answered.</summary>
public enum BytezLoadOutcome
{
    /// <summary>This request started a new instance.</summary>
    Started,

    /// <summary>An instance was already running (HTTP 409, "already loaded"); it was not started by this request.</summary>
    AlreadyLoaded,

    /// <summary>Another load of this model was in progress (HTTP 429, "operation already in progress").</summary>
    LoadInProgress,

    /// <summary>
    /// Nothing to load: the v2 API (<see cref="BytezApiVersion.V2"/>) is serverless, so no request was sent and no
    /// instance was started; the first run may wait through a cold boot.
    /// </summary>
    Serverless,
}
