using Microsoft.Extensions.Logging;

namespace Bytez.AI.Emulator.Logging;

/// <summary>The emulator's log messages (never the API key).</summary>
internal static partial class EmulatorLog
{
    [LoggerMessage(1, LogLevel.Debug, "{Method} {Path} -> {StatusCode}")]
    public static partial void RequestHandled(ILogger logger, string method, string path, int statusCode);

    [LoggerMessage(2, LogLevel.Information, "Instance of {ModelId} started (concurrency {Concurrency}, idle timeout {IdleTimeout})")]
    public static partial void InstanceStarted(ILogger logger, string modelId, int concurrency, TimeSpan idleTimeout);

    [LoggerMessage(3, LogLevel.Information, "Instance of {ModelId} stopped ({Reason})")]
    public static partial void InstanceStopped(ILogger logger, string modelId, string reason);

    [LoggerMessage(4, LogLevel.Error, "Unhandled error while serving {Path}")]
    public static partial void Unhandled(ILogger logger, Exception exception, string path);

    [LoggerMessage(5, LogLevel.Information, "Bytez emulator listening on {Endpoint}")]
    public static partial void Listening(ILogger logger, Uri endpoint);
}
