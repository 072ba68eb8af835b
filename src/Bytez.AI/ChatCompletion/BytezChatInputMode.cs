namespace Bytez.AI;

/// <summary>How the chat client sends a conversation to the model.</summary>
public enum BytezChatInputMode
{
    /// <summary>Messages for chat models, a prompt for plain text-generation models, chosen from the model's task and id.</summary>
    Auto,

    /// <summary>Send the conversation as a message list (<c>"input": [{"role", "content"}]</c>).</summary>
    Messages,

    /// <summary>Render the conversation as one prompt; the echoed prompt is removed from the reply.</summary>
    Prompt,
}
