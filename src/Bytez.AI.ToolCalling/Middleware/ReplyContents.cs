using System.Text;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>
/// Puts parsed contents in place of the inner client's text: the text contents are replaced, at the position of the
/// first one, by what the format parsed from them; anything else (usage, reasoning, ...) stays where it was.
/// </summary>
internal static class ReplyContents
{
    /// <summary>Gets the text of the contents (plain <see cref="TextContent"/>s only, joined).</summary>
    public static string Text(IEnumerable<AIContent> contents)
    {
        string? single = null;
        StringBuilder? many = null;
        foreach (AIContent content in contents)
        {
            if (content is TextContent { Text: { Length: > 0 } text } && content.GetType() == typeof(TextContent))
            {
                if (single is null)
                {
                    single = text;
                }
                else
                {
                    (many ??= new StringBuilder(single)).Append(text);
                }
            }
        }

        return many?.ToString() ?? single ?? string.Empty;
    }

    /// <summary>Whether the contents are plain text only (an update that the parser may swallow whole while a call arrives).</summary>
    public static bool IsTextOnly(IList<AIContent> contents)
    {
        foreach (AIContent content in contents)
        {
            if (content.GetType() != typeof(TextContent))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Replaces the text contents by <paramref name="parsed"/>.</summary>
    public static List<AIContent> Replace(IEnumerable<AIContent> contents, IReadOnlyList<AIContent> parsed)
    {
        var result = new List<AIContent>();
        bool placed = false;
        foreach (AIContent content in contents)
        {
            if (content.GetType() != typeof(TextContent))
            {
                result.Add(content);
            }
            else if (!placed)
            {
                result.AddRange(parsed);
                placed = true;
            }
        }

        if (!placed)
        {
            result.AddRange(parsed);
        }

        return result;
    }

    /// <summary>Copies an update's metadata onto new contents (the finish reason is left to the caller).</summary>
    public static ChatResponseUpdate Update(ChatResponseUpdate? like, IList<AIContent> contents, string? modelId) =>
        new(like?.Role ?? ChatRole.Assistant, contents)
        {
            ResponseId = like?.ResponseId,
            MessageId = like?.MessageId,
            ConversationId = like?.ConversationId,
            ModelId = like?.ModelId ?? modelId,
            CreatedAt = like?.CreatedAt,
            AuthorName = like?.AuthorName,
            AdditionalProperties = like?.AdditionalProperties,
            RawRepresentation = like?.RawRepresentation,
        };
}
