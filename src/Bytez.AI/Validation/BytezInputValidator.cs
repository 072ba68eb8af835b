using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Validation;

/// <summary>
/// The checks of what the adapters are asked to send (messages, inputs, requests), made before any network call so
/// that bad input fails at once with a message naming the fix.
/// </summary>
internal static class BytezInputValidator
{
    /// <summary>Validates a chat request's messages: not null, not empty, no null entry.</summary>
    /// <param name="messages">The messages.</param>
    /// <returns>The messages as a list.</returns>
    public static IReadOnlyList<ChatMessage> ValidateMessages(IEnumerable<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        if (list.Count == 0)
        {
            throw new ArgumentException("The message list is empty: pass at least one message, such as new ChatMessage(ChatRole.User, \"<prompt>\").", nameof(messages));
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is null)
            {
                throw new ArgumentException($"The message at index {i} is null: remove it or pass a ChatMessage.", nameof(messages));
            }
        }

        return list;
    }

    /// <summary>The error for media in a chat message that does not accept it (the call was checked for text only).</summary>
    /// <param name="content">The media content.</param>
    /// <param name="modelId">The model that would run the call.</param>
    /// <returns>The exception to throw.</returns>
    public static NotSupportedException MediaNotSupported(AIContent content, string modelId) =>
        new($"Model '{modelId}' is sent text only here, so it cannot be given {content.GetType().Name}" +
            $"{MediaTypeOf(content)}. Send text, or, with Bytez's v2 API, send images, audio or video to an image-, audio- or video-text-to-text model.");

    /// <summary>Throws when the conversation, reduced to text, is empty.</summary>
    /// <param name="messages">The messages.</param>
    /// <param name="turnCount">The number of text turns they gave.</param>
    public static void ThrowIfNoText(IReadOnlyList<ChatMessage> messages, int turnCount)
    {
        if (turnCount == 0)
        {
            throw new ArgumentException("None of the messages has any text to send: add a message with text, such as new ChatMessage(ChatRole.User, \"<prompt>\").", nameof(messages));
        }
    }

    /// <summary>Validates embedding inputs: none null or empty (Bytez cannot embed an empty text).</summary>
    /// <param name="values">The inputs.</param>
    /// <returns>The inputs as an array.</returns>
    public static string[] ValidateEmbeddingInputs(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        string[] inputs = [.. values];
        for (int i = 0; i < inputs.Length; i++)
        {
            if (string.IsNullOrEmpty(inputs[i]))
            {
                throw new ArgumentException($"The input at index {i} is null or empty; Bytez cannot embed an empty text.", nameof(values));
            }
        }

        return inputs;
    }

    /// <summary>Validates an image request: no Bytez task edits images.</summary>
    /// <param name="request">The request.</param>
    [Experimental("MEAI001")]
    public static void Validate(ImageGenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.OriginalImages?.Any() is true)
        {
            throw new NotSupportedException(
                "Bytez has no image-editing task: its image generators (text-to-image, unconditional-image-generation) " +
                "only create new images. Call GenerateAsync without original images.");
        }
    }

    private static string MediaTypeOf(AIContent content) => content switch
    {
        DataContent data => $" ({data.MediaType})",
        UriContent uri => $" ({uri.MediaType})",
        HostedFileContent file when file.MediaType is not null => $" ({file.MediaType})",
        _ => string.Empty,
    };
}
