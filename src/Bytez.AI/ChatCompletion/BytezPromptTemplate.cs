using System.Text;

namespace Bytez.AI.ChatCompletion;

/// <summary>
/// Renders a conversation as one prompt for plain text-generation models (<see cref="BytezChatInputMode.Prompt"/>).
/// </summary>
/// <remarks>
/// <para>The template is:</para>
/// <code>
/// {system text}           (all system messages, joined by a blank line; omitted when there are none)
///                         (blank line)
/// User: {text}
/// Assistant: {text}
/// ...
/// User: {text}
/// Assistant:
/// </code>
/// <para>
/// Other roles are written with their capitalised name (<c>Tool: ...</c>). A conversation that is a single user message
/// with no system text is sent as that message's raw text, so a completion model such as gpt2 simply continues it.
/// </para>
/// </remarks>
internal static class BytezPromptTemplate
{
    /// <summary>Renders the prompt.</summary>
    /// <param name="messages">The conversation, already reduced to text (empty messages removed).</param>
    /// <param name="isTemplate">Set when the template was used (false for the raw single-message form).</param>
    /// <returns>The prompt.</returns>
    public static string Render(IReadOnlyList<BytezChatMessage> messages, out bool isTemplate)
    {
        if (messages.Count == 1 && messages[0].Role == "user")
        {
            isTemplate = false;
            return messages[0].Content;
        }

        isTemplate = true;
        var prompt = new StringBuilder();
        string system = string.Join("\n\n", messages.Where(m => m.Role == "system").Select(m => m.Content));
        if (system.Length > 0)
        {
            prompt.Append(system).Append("\n\n");
        }

        foreach (BytezChatMessage message in messages)
        {
            if (message.Role != "system")
            {
                prompt.Append(RoleLabel(message.Role)).Append(": ").Append(message.Content).Append('\n');
            }
        }

        return prompt.Append("Assistant:").ToString();
    }

    private static string RoleLabel(string role) =>
        role.Length == 0 ? role : string.Concat(role[..1].ToUpperInvariant(), role[1..]);
}
