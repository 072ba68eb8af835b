namespace Bytez.AI.ToolCalling;

/// <summary>
/// Which model family's chat template <see cref="HermesToolCallFormat"/> follows when it writes tools, calls and results
/// into the messages (the server applies the model's template to them, without tools: the messages are written so that
/// the result is what the template renders when it is given the tools).
/// </summary>
public enum HermesTemplate
{
    /// <summary>
    /// For models without a trained format (the prompt teaches it): Qwen's <c># Tools</c> section after the system
    /// message, calls in the assistant message, results as a user message of <c>&lt;tool_response&gt;</c> blocks.
    /// </summary>
    Generic,

    /// <summary>Qwen2.5 (and Qwen2.5-Coder): <see cref="Generic"/>, with Qwen's default system line when there is no system message.</summary>
    Qwen25,

    /// <summary>Qwen3 (and QwQ): <see cref="Generic"/>; earlier reasoning goes back as <c>&lt;think&gt;</c> for the template to keep or drop.</summary>
    Qwen3,

    /// <summary>
    /// NousResearch Hermes-2-Pro and Hermes-3 (their <c>tool_use</c> template): its own system prompt with the tools
    /// (descriptions with Python signatures), calls without the message text, results as a <c>tool</c> message.
    /// </summary>
    NousHermes,
}
