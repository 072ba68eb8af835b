using Microsoft.Extensions.Logging;

namespace Bytez.AI.Resilience;

/// <summary>Source-generated retry log messages. They name the method, path and failure kind only: never headers or bodies.</summary>
internal static partial class RetryLog
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Warning, Message = "Bytez {Method} {Path} failed ({Failure}); retry {Attempt} in {DelayMilliseconds} ms")]
    public static partial void Retrying(this ILogger logger, string method, string path, string failure, int attempt, long delayMilliseconds);
}
