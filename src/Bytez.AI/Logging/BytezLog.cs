using Microsoft.Extensions.Logging;

namespace Bytez.AI.Logging;

/// <summary>Source-generated log messages. None of them takes the API key or a request body.</summary>
internal static partial class BytezLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Bytez {Method} {Path} answered HTTP {StatusCode}")]
    public static partial void RequestCompleted(this ILogger logger, string method, string path, int statusCode);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Starting Bytez model {ModelId} (concurrency {Concurrency}, idle timeout {IdleTimeoutSeconds} s)")]
    public static partial void StartRequested(this ILogger logger, string modelId, int concurrency, int idleTimeoutSeconds);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Bytez model {ModelId} is already loaded")]
    public static partial void LoadAlreadyLoaded(this ILogger logger, string modelId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "A load of Bytez model {ModelId} is already in progress; polling its status")]
    public static partial void LoadAlreadyInProgress(this ILogger logger, string modelId);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Bytez model {ModelId} status {Status} after {ElapsedSeconds:0.0} s")]
    public static partial void LoadStatusChanged(this ILogger logger, string modelId, string status, double elapsedSeconds);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Polling the status of Bytez model {ModelId} failed; polling continues. {Error}")]
    public static partial void StatusPollFailed(this ILogger logger, string modelId, string error);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "The text stream of Bytez model {ModelId} was JSON, not text; reading it as a whole")]
    public static partial void StreamWasJson(this ILogger logger, string modelId);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "The load of Bytez model {ModelId} did not complete; stopping its instance because {Reason}")]
    public static partial void StoppingAfterIncompleteLoad(this ILogger logger, string modelId, string reason);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Stopping the instance of Bytez model {ModelId} after an incomplete load failed; it will shut down after its idle timeout")]
    public static partial void StopAfterIncompleteLoadFailed(this ILogger logger, string modelId, Exception exception);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Reading the status of Bytez model {ModelId} after it reported already loaded failed. {Error}")]
    public static partial void StatusAfterAlreadyLoadedFailed(this ILogger logger, string modelId, string error);
}
