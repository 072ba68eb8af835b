using Microsoft.Extensions.Logging;

namespace Bytez.AI.ChatCompletion;

/// <summary>Log messages of the chat client (event ids 1200-1299).</summary>
internal static partial class ChatLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Debug, Message = "Chat model {ModelId} has task {Task}; sending the conversation as {Mode}.")]
    public static partial void InputModeResolved(ILogger logger, string modelId, string task, BytezChatInputMode mode);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Listing models to find the task of chat model {ModelId} failed; choosing the input mode from its id. {Error}")]
    public static partial void ListingFailed(ILogger logger, string modelId, string error);
}
