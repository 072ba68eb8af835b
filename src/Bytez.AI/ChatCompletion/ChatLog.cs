using Microsoft.Extensions.Logging;

namespace Bytez.AI.ChatCompletion;

/// <summary>Log messages of the chat client (event ids 1200-1299).</summary>
internal static partial class ChatLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Debug, Message = "Chat model {ModelId} has task {Task}.")]
    public static partial void TaskResolved(ILogger logger, string modelId, string task);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Listing models to find the task of chat model {ModelId} failed; choosing the input mode from its id. {Error}")]
    public static partial void ListingFailed(ILogger logger, string modelId, string error);
}
