namespace Bytez.AI;

/// <summary>Which Bytez endpoint a chat client talks to (<see cref="BytezChatClientOptions.Route"/>).</summary>
public enum BytezChatRoute
{
    /// <summary>
    /// Closed-source models (<c>openai/gpt-4o</c>, <c>anthropic/…</c>, <c>google/gemini-…</c>, <c>mistral/…</c>,
    /// <c>cohere/…</c>) go to the OpenAI-compatible endpoint; open models go to the native run with prompt-based tool
    /// calling. On the v1 API, always <see cref="Native"/>.
    /// </summary>
    Auto,

    /// <summary>
    /// The native run (<c>POST models/v2/{id}</c>, or v1's <c>model/run</c>): text in, text out, with prompt-based tool
    /// calling and structured output as a prompt instruction; no token counts.
    /// </summary>
    Native,

    /// <summary>
    /// Bytez's OpenAI-compatible endpoint (<c>models/v2/openai/v1/chat/completions</c>), through Microsoft.Extensions.AI.OpenAI
    /// and the official OpenAI SDK: native tool calls, token usage, JSON-schema structured output, images and audio in
    /// messages, log probabilities. Serves closed-source models and open chat models. v2 only.
    /// </summary>
    OpenAICompatible,
}
