namespace Bytez.AI.ToolCalling;

/// <summary>One message of a rendered chat prompt, ready for a chat model (<c>{"role": ..., "content": ...}</c>).</summary>
/// <param name="Role">The role: <c>system</c>, <c>user</c>, <c>assistant</c>, or a format-specific role such as Llama 3's <c>ipython</c>.</param>
/// <param name="Content">The text content, with tool declarations, calls and results written in the format's syntax.</param>
public sealed record ToolPromptMessage(string Role, string Content);
