namespace Bytez.AI.Emulator;

/// <summary>A model the emulator serves.</summary>
/// <param name="ModelId">The model id, such as <c>openai-community/gpt2</c>.</param>
/// <param name="Task">The Bytez task name, such as <c>text-generation</c>.</param>
/// <param name="RamRequired">The RAM the model needs, as listed.</param>
public sealed record EmulatedModel(string ModelId, string Task, double RamRequired = 1.0)
{
    /// <summary>Gets a value indicating whether this text-generation model takes chat messages (a chat template).</summary>
    public bool IsChat { get; init; }

    /// <summary>Gets the prompt-based tool-calling format this model follows, if any (for example <c>hermes</c> or <c>pythonic</c>).</summary>
    public string? ToolFormat { get; init; }

    /// <summary>
    /// Gets a value indicating whether this tool model reasons before it answers, as Qwen3 does: in a conversation with
    /// tools every reply starts with a <c>&lt;think&gt;...&lt;/think&gt;</c> block (which mentions a call it does not make).
    /// </summary>
    public bool Thinks { get; init; }

    /// <summary>
    /// Gets a value indicating whether this feature-extraction model returns one vector per token (v1
    /// <c>output: [[[...], [...]]]</c>, a token x dimension matrix in <c>output[0]</c>) instead of one pooled vector
    /// (<c>output: [[...]]</c>).
    /// </summary>
    public bool TokenEmbeddings { get; init; }

    /// <summary>Gets the length of the vectors an embedding model returns; null uses 384 (all-MiniLM-L6-v2's width).</summary>
    public int? EmbeddingDimensions { get; init; }

    /// <summary>
    /// Gets the closed-source provider serving this model (<c>openai</c>, <c>anthropic</c>, <c>google</c>,
    /// <c>mistral</c>, <c>cohere</c>), or null for an open model. Closed-source models exist only in v2: their runs add
    /// the provider's raw reply as <c>provider</c>, and the v1 API does not list or run them.
    /// </summary>
    public string? Provider { get; init; }
}
