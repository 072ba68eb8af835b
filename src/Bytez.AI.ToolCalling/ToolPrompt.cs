namespace Bytez.AI.ToolCalling;

/// <summary>
/// What a <see cref="ToolCallFormat"/> renders for one model request: either a message list (chat models) or one raw
/// prompt string (completion models such as NexusRaven), plus the stop sequences to send with it.
/// </summary>
public sealed class ToolPrompt
{
    private ToolPrompt(IReadOnlyList<ToolPromptMessage>? messages, string? prompt, IReadOnlyList<string> stopSequences)
    {
        Messages = messages;
        Prompt = prompt;
        StopSequences = stopSequences;
    }

    /// <summary>Gets the messages to send, or <see langword="null"/> when <see cref="Prompt"/> is used.</summary>
    public IReadOnlyList<ToolPromptMessage>? Messages { get; }

    /// <summary>Gets the raw prompt to send as text input, or <see langword="null"/> when <see cref="Messages"/> is used.</summary>
    public string? Prompt { get; }

    /// <summary>Gets a value indicating whether this is a raw prompt (<see cref="Prompt"/>) rather than messages.</summary>
    public bool IsRawPrompt => Prompt is not null;

    /// <summary>
    /// Gets the stop sequences to send (as the <c>stop</c> / <c>stop_sequences</c> parameter where the model supports it).
    /// The parsers also stop at them, so output that runs past a stop sequence is handled either way.
    /// </summary>
    public IReadOnlyList<string> StopSequences { get; }

    /// <summary>Creates a prompt for a chat model.</summary>
    /// <param name="messages">The messages.</param>
    /// <param name="stopSequences">The stop sequences, or null for none.</param>
    /// <returns>The prompt.</returns>
    public static ToolPrompt FromMessages(IReadOnlyList<ToolPromptMessage> messages, IReadOnlyList<string>? stopSequences = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return new ToolPrompt(messages, null, stopSequences ?? []);
    }

    /// <summary>Creates a raw text prompt for a completion model.</summary>
    /// <param name="prompt">The prompt text.</param>
    /// <param name="stopSequences">The stop sequences, or null for none.</param>
    /// <returns>The prompt.</returns>
    public static ToolPrompt FromText(string prompt, IReadOnlyList<string>? stopSequences = null)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return new ToolPrompt(null, prompt, stopSequences ?? []);
    }
}
