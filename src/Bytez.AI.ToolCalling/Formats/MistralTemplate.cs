namespace Bytez.AI.ToolCalling;

/// <summary>Which Mistral chat template <see cref="MistralToolCallFormat"/> follows (they differ in spacing and in where the system prompt goes).</summary>
public enum MistralTemplate
{
    /// <summary>
    /// The v3 tokenizer template of Mistral-7B-Instruct-v0.3: <c>[AVAILABLE_TOOLS] [...]</c>, <c>[INST] </c>,
    /// <c>[TOOL_CALLS] [...]</c>, <c>[TOOL_RESULTS] {...}</c>; the system prompt goes into the last user message.
    /// </summary>
    V3,

    /// <summary>
    /// The v3 Tekken template of Mistral-Nemo-Instruct-2407: the same markers without the spaces; the system prompt goes
    /// into the last message only when that is the user's.
    /// </summary>
    Tekken,
}
