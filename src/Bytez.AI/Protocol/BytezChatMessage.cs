namespace Bytez.AI;

/// <summary>A chat message as Bytez chat models take it: <c>{"role": ..., "content": ...}</c>.</summary>
/// <param name="Role">The role: <c>system</c>, <c>user</c>, <c>assistant</c> (or a model-specific role).</param>
/// <param name="Content">The text content.</param>
public sealed record BytezChatMessage(string Role, string Content);
