using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>
/// The contract between <see cref="PromptToolCallingChatClient"/> and the chat client under it for formats that render
/// one raw completion prompt (<see cref="ToolPrompt.IsRawPrompt"/>, e.g. NexusRaven's pythonic format).
/// </summary>
/// <remarks>
/// <para>The middleware sends such a prompt as a single user message holding the prompt text, marked with
/// <see cref="PropertyName"/> = <see langword="true"/> in <see cref="ChatMessage.AdditionalProperties"/>. A chat client
/// that knows the contract (<see cref="TryGetPrompt"/>) sends the text as-is to a completion endpoint, with no chat
/// template or role labels around it, and removes the prompt if the model echoes it. A client that ignores the marker
/// still gets a sensible request: one user message with the prompt.</para>
/// <para>The marker is on the message, not in <see cref="ChatOptions.AdditionalProperties"/>, so that clients which pass
/// those through to the provider (as generation parameters) never send it.</para>
/// </remarks>
public static class RawPromptMessage
{
    /// <summary>The key in <see cref="ChatMessage.AdditionalProperties"/> that marks a raw prompt (value <see langword="true"/>).</summary>
    public const string PropertyName = "Bytez.AI.ToolCalling.RawPrompt";

    /// <summary>Creates the marked user message.</summary>
    /// <param name="prompt">The prompt text, exactly as the model must receive it.</param>
    /// <returns>The message.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="prompt"/> is null.</exception>
    public static ChatMessage Create(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return new ChatMessage(ChatRole.User, prompt)
        {
            AdditionalProperties = new() { [PropertyName] = true },
        };
    }

    /// <summary>Whether a request is a raw prompt: exactly one message, marked with <see cref="PropertyName"/>.</summary>
    /// <param name="messages">The request's messages.</param>
    /// <param name="prompt">The prompt text to send as-is.</param>
    /// <returns>True for a raw prompt.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="messages"/> is null.</exception>
    public static bool TryGetPrompt(IEnumerable<ChatMessage> messages, [NotNullWhen(true)] out string? prompt)
    {
        ArgumentNullException.ThrowIfNull(messages);
        prompt = null;
        if (messages is IReadOnlyList<ChatMessage> list)
        {
            // The usual shape: checked by index, without a boxed enumerator per chat call.
            if (list.Count != 1 || list[0] is not { } only || !IsMarked(only))
            {
                return false;
            }

            prompt = only.Text;
            return true;
        }

        using IEnumerator<ChatMessage> enumerator = messages.GetEnumerator();
        if (!enumerator.MoveNext() || enumerator.Current is not { } message || enumerator.MoveNext() || !IsMarked(message))
        {
            return false;
        }

        prompt = message.Text;
        return true;
    }

    private static bool IsMarked(ChatMessage message) =>
        message.AdditionalProperties?.TryGetValue(PropertyName, out object? value) == true &&
        value switch
        {
            bool flag => flag,

            // A history that went through JSON carries the flag as an element.
            JsonElement { ValueKind: JsonValueKind.True } => true,
            _ => false,
        };
}
