namespace Bytez.AI.Emulator.Behaviors.Text;

/// <summary>One message of a chat input, reduced to text.</summary>
/// <param name="Role">The role as sent (<c>system</c>, <c>user</c>, <c>assistant</c>, ...).</param>
/// <param name="Content">The text content (text blocks joined for multimodal messages).</param>
internal sealed record ChatTurn(string Role, string Content);
