using System.Text.Json;
using Bytez.AI.ToolCalling;

namespace Bytez.AI.ChatCompletion;

/// <summary>
/// The one place a run's output becomes the reply text (streamed: <see cref="ReplyStream"/>, the same filters piece by
/// piece): the generated text is read from the output, the echoed prompt and everything from a stop sequence on are
/// removed, and (whole replies) a JSON fence.
/// </summary>
internal static class BytezChatReply
{
    /// <summary>Reads a complete reply.</summary>
    /// <param name="result">The run result.</param>
    /// <param name="request">The request it answers.</param>
    /// <returns>The text, and whether a stop sequence ended it.</returns>
    public static (string Text, bool Stopped) Read(BytezRunResult result, BytezChatRequest request)
    {
        string text = GeneratedText(result, request.Mode);
        if (request.Prompt is not null)
        {
            text = PromptEchoStripper.Strip(text, request.Prompt, request.TrimLeadingWhitespace);
        }

        text = StopSequenceFilter.Apply(text, request.StopSequences, out bool stopped);
        if (request.JsonResponse)
        {
            text = BytezChatMapper.StripJsonFences(text);
        }

        return (text, stopped);
    }

    /// <summary>Reads the generated text: the new assistant message in messages mode, <c>generated_text</c> otherwise.</summary>
    /// <param name="result">The run result.</param>
    /// <param name="mode">The input mode the request used.</param>
    /// <returns>The generated text.</returns>
    public static string GeneratedText(BytezRunResult result, BytezChatInputMode mode)
    {
        if (mode == BytezChatInputMode.Messages && result.TryReadOutputMessage(out BytezChatMessage? message))
        {
            // The v2 answer, read from the bytes: no DOM (the checks below would build one to find the same message).
            return message.Content;
        }

        if (mode == BytezChatInputMode.Messages &&
            !(result.Output is { ValueKind: JsonValueKind.Array } output && output.GetArrayLength() > 0 &&
              output[0].ValueKind == JsonValueKind.Object &&
              output[0].TryGetProperty("generated_text", out JsonElement generated) &&
              generated.ValueKind == JsonValueKind.String))
        {
            return result.GetAssistantMessage().Content;
        }

        // Prompt mode, or a chat container that answered with plain text.
        return result.GetGeneratedText();
    }
}
