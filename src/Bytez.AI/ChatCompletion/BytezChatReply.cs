using System.Runtime.CompilerServices;
using System.Text.Json;
using Bytez.AI.ToolCalling;

namespace Bytez.AI.ChatCompletion;

/// <summary>
/// The one place a run's output becomes the reply text, whole or streamed: the generated text is read from the output,
/// the echoed prompt and everything from a stop sequence on are removed, and (whole replies) a JSON fence.
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

    /// <summary>
    /// Streams the reply text: the raw pieces with the echoed prompt and everything from a stop sequence on removed,
    /// released as soon as they can no longer be part of either. Nothing is kept: <paramref name="reply"/> counts words
    /// as they pass, for the finish reason.
    /// </summary>
    /// <param name="pieces">The generated text as it arrives.</param>
    /// <param name="request">The request it answers.</param>
    /// <param name="reply">Receives the word count and whether a stop sequence ended the reply.</param>
    /// <param name="cancellationToken">Cancels the stream.</param>
    /// <returns>The reply text in pieces.</returns>
    public static async IAsyncEnumerable<string> StreamAsync(
        IAsyncEnumerable<string> pieces, BytezChatRequest request, StreamedReply reply, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var echo = request.Prompt is null ? null : new PromptEchoStripper(request.Prompt, request.TrimLeadingWhitespace);
        var stop = new StopSequenceFilter(request.StopSequences);

        await foreach (string piece in pieces.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            string text = stop.Push(echo is null ? piece : echo.Push(piece));
            if (text.Length > 0)
            {
                reply.Words.Add(text);
                yield return text;
            }

            if (stop.Stopped)
            {
                // Leaving the loop disposes the enumerator, which releases the HTTP response.
                reply.Stopped = true;
                yield break;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();

        string rest = stop.Push(echo?.Flush() ?? string.Empty) + stop.Flush();
        reply.Stopped = stop.Stopped;
        if (rest.Length > 0)
        {
            reply.Words.Add(rest);
            yield return rest;
        }
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
