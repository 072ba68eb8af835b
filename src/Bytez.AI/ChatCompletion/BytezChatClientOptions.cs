namespace Bytez.AI;

/// <summary>Options of the Bytez <c>IChatClient</c>.</summary>
public sealed class BytezChatClientOptions : BytezInstanceOptions
{
    /// <summary>
    /// Gets or sets how the conversation is sent. <see cref="BytezChatInputMode.Auto"/> (the default) chooses from the
    /// model's task and id.
    /// </summary>
    public BytezChatInputMode InputMode { get; set; } = BytezChatInputMode.Auto;
}
