using System.Diagnostics.CodeAnalysis;

namespace Bytez.AI.ToolCalling;

/// <summary>The built-in tool-call formats, and the choice of a format by model id or by name.</summary>
public static class ToolCallFormats
{
    private static readonly ToolCallFormat Qwen25 = new HermesToolCallFormat(HermesTemplate.Qwen25);
    private static readonly ToolCallFormat Qwen3 = new HermesToolCallFormat(HermesTemplate.Qwen3);
    private static readonly ToolCallFormat Qwen3Prefilled = new HermesToolCallFormat(HermesTemplate.Qwen3) { Reasoning = ReasoningSyntax.ThinkTagsPrefilled };
    private static readonly ToolCallFormat NousHermes = new HermesToolCallFormat(HermesTemplate.NousHermes);
    private static readonly ToolCallFormat GenericPrefilled = new HermesToolCallFormat(HermesTemplate.Generic) { Reasoning = ReasoningSyntax.ThinkTagsPrefilled };
    private static readonly ToolCallFormat MistralNemo = new MistralToolCallFormat(MistralTemplate.Tekken);

    /// <summary>Gets NexusRaven's pythonic format (<c>pythonic</c>).</summary>
    public static ToolCallFormat Pythonic { get; } = new PythonicToolCallFormat();

    /// <summary>Gets the Hermes format (<c>hermes</c>) for models without a trained format (<see cref="HermesTemplate.Generic"/>), the default for chat models.</summary>
    public static ToolCallFormat Hermes { get; } = new HermesToolCallFormat();

    /// <summary>Gets the Llama 3 JSON format (<c>llama3</c>), results with role <c>ipython</c>.</summary>
    public static ToolCallFormat Llama3Json { get; } = new Llama3JsonToolCallFormat();

    /// <summary>Gets the Mistral format (<c>mistral</c>) of Mistral-7B-Instruct-v0.3 (<see cref="MistralTemplate.V3"/>).</summary>
    public static ToolCallFormat Mistral { get; } = new MistralToolCallFormat();

    /// <summary>Gets all built-in formats, one per name.</summary>
    public static IReadOnlyList<ToolCallFormat> All { get; } = [Pythonic, Hermes, Llama3Json, Mistral];

    /// <summary>
    /// Picks the format (and the chat template it follows, and how the model marks reasoning) for a model id:
    /// <list type="bullet">
    /// <item><c>Nexusflow/NexusRaven*</c>: pythonic.</item>
    /// <item><c>NousResearch/Hermes-2-Pro*</c>, <c>Hermes-3*</c>: Hermes with their own prompt (<see cref="HermesTemplate.NousHermes"/>).</item>
    /// <item><c>Qwen/Qwen2.5*</c> (Coder too): Hermes, <see cref="HermesTemplate.Qwen25"/>.</item>
    /// <item><c>Qwen/Qwen3*</c>: Hermes, <see cref="HermesTemplate.Qwen3"/>; the <c>*Thinking*</c> models and <c>Qwen/QwQ*</c> with
    /// <see cref="ReasoningSyntax.ThinkTagsPrefilled"/> (their template opens the <c>&lt;think&gt;</c> block).</item>
    /// <item><c>deepseek-ai/DeepSeek-R1-Distill*</c>: Hermes (<see cref="HermesTemplate.Generic"/>), <see cref="ReasoningSyntax.ThinkTagsPrefilled"/>.</item>
    /// <item>Llama 3.1, 3.2, 3.3 (<c>meta-llama/Llama-3.1*</c>, <c>meta-llama/Meta-Llama-3.1*</c>, ...): Llama 3 JSON.</item>
    /// <item><c>mistralai/Mistral-7B-Instruct-v0.3</c>: Mistral (<see cref="MistralTemplate.V3"/>);
    /// <c>mistralai/Mistral-Nemo-Instruct-2407</c>: Mistral (<see cref="MistralTemplate.Tekken"/>).</item>
    /// <item>Anything else: Hermes, <see cref="HermesTemplate.Generic"/> (taught by the prompt).</item>
    /// </list>
    /// Every format separates a <c>&lt;think&gt;</c> block that opens the output (<see cref="ReasoningSyntax.ThinkTags"/>)
    /// unless noted.
    /// </summary>
    /// <param name="modelId">The Bytez (Hugging Face) model id.</param>
    /// <returns>The format.</returns>
    public static ToolCallFormat ForModel(string modelId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        string id = modelId.Trim();
        string name = id[(id.LastIndexOf('/') + 1)..];

        if (Starts(name, "NexusRaven"))
        {
            return Pythonic;
        }

        if (Starts(name, "Hermes-2-Pro") || Starts(name, "Hermes-3"))
        {
            return NousHermes;
        }

        if (Starts(name, "Qwen2.5"))
        {
            return Qwen25;
        }

        if (Starts(name, "QwQ") || (Starts(name, "Qwen3") && name.Contains("Thinking", StringComparison.OrdinalIgnoreCase)))
        {
            return Qwen3Prefilled;
        }

        if (Starts(name, "Qwen3"))
        {
            return Qwen3;
        }

        if (Starts(name, "DeepSeek-R1-Distill"))
        {
            return GenericPrefilled;
        }

        if (id.StartsWith("meta-llama/", StringComparison.OrdinalIgnoreCase) &&
            (name.Contains("Llama-3.1", StringComparison.OrdinalIgnoreCase) ||
             name.Contains("Llama-3.2", StringComparison.OrdinalIgnoreCase) ||
             name.Contains("Llama-3.3", StringComparison.OrdinalIgnoreCase)))
        {
            return Llama3Json;
        }

        if (name.Equals("Mistral-7B-Instruct-v0.3", StringComparison.OrdinalIgnoreCase))
        {
            return Mistral;
        }

        if (name.Equals("Mistral-Nemo-Instruct-2407", StringComparison.OrdinalIgnoreCase))
        {
            return MistralNemo;
        }

        return Hermes;
    }

    /// <summary>Finds a built-in format by name (<c>pythonic</c>, <c>hermes</c>, <c>llama3</c>, <c>mistral</c>; case-insensitive).</summary>
    /// <param name="name">The name.</param>
    /// <param name="format">The format, when found.</param>
    /// <returns>Whether it was found.</returns>
    public static bool TryGetByName(string name, [NotNullWhen(true)] out ToolCallFormat? format)
    {
        format = All.FirstOrDefault(f => string.Equals(f.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
        return format is not null;
    }

    /// <summary>Gets a built-in format by name.</summary>
    /// <param name="name">The name (<c>pythonic</c>, <c>hermes</c>, <c>llama3</c>, <c>mistral</c>).</param>
    /// <returns>The format.</returns>
    /// <exception cref="ArgumentException">No built-in format has that name.</exception>
    public static ToolCallFormat GetByName(string name) =>
        TryGetByName(name, out var format)
            ? format
            : throw new ArgumentException($"Unknown tool-call format '{name}'. Known formats: {string.Join(", ", All.Select(static f => f.Name))}.", nameof(name));

    private static bool Starts(string name, string prefix) => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
}
