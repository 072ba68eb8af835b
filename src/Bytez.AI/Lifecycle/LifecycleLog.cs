using Microsoft.Extensions.Logging;

namespace Bytez.AI.Lifecycle;

/// <summary>Source-generated log messages of the instance lifecycle.</summary>
internal static partial class LifecycleLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Loading model {ModelId} on first use.")]
    public static partial void LoadingOnFirstUse(ILogger logger, string modelId);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Model {ModelId} is ready ({Outcome}, concurrency {Concurrency}).")]
    public static partial void Loaded(ILogger logger, string modelId, BytezLoadOutcome outcome, int concurrency);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Loading model {ModelId} failed; the next call will try again.")]
    public static partial void LoadFailed(ILogger logger, string modelId, Exception exception);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "The instance of model {ModelId} is no longer running (expired or stopped elsewhere); reloading it once and retrying the call.")]
    public static partial void Reloading(ILogger logger, string modelId, Exception exception);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "Stopping the instance of model {ModelId}, which this client started.")]
    public static partial void Stopping(ILogger logger, string modelId);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Warning, Message = "Stopping the instance of model {ModelId} failed; it will shut down after its idle timeout.")]
    public static partial void StopFailed(ILogger logger, string modelId, Exception exception);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Debug, Message = "Leaving the instance of model {ModelId} running: {Reason}.")]
    public static partial void LeftRunning(ILogger logger, string modelId, string reason);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Information, Message = "Cancelling the load of model {ModelId}: its last user was disposed.")]
    public static partial void CancellingLoad(ILogger logger, string modelId);

    [LoggerMessage(EventId = 1108, Level = LogLevel.Warning, Message = "Releasing the instance of model {ModelId} failed.")]
    public static partial void ReleaseFailed(ILogger logger, string modelId, Exception exception);
}
