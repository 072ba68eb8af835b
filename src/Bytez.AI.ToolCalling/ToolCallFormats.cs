using System.Diagnostics.CodeAnalysis;

namespace Bytez.AI.ToolCalling;

/// <summary>The built-in tool-call formats, and the choice of a format by model id or by name.</summary>
public static class ToolCallFormats
{
    /// <summary>Gets NexusRaven's pythonic format (<c>pythonic</c>).</summary>
    public static ToolCallFormat Pythonic { get; } = new PythonicToolCallFormat();

    /// <summary>Gets the Hermes format (<c>hermes</c>), also the default for chat models.</summary>
    public static ToolCallFormat Hermes { get; } = new HermesToolCallFormat();

    /// <summary>Gets the Llama 3 JSON format (<c>llama3</c>), results with role <c>ipython</c>.</summary>
    public static ToolCallFormat Llama3Json { get; } = new Llama3JsonToolCallFormat();

    /// <summary>Gets the Mistral format (<c>mistral</c>).</summary>
    public static ToolCallFormat Mistral { get; } = new MistralToolCallFormat();

    /// <summary>Gets all built-in formats.</summary>
    public static IReadOnlyList<ToolCallFormat> All { get; } = [Pythonic, Hermes, Llama3Json, Mistral];

    /// <summary>
    /// Picks the format for a model id: <c>Nexusflow/NexusRaven*</c> pythonic; <c>Qwen/Qwen2.5*</c>, <c>Qwen/Qwen3*</c>,
    /// <c>NousResearch/Hermes-2-Pro*</c>, <c>NousResearch/Hermes-3*</c> Hermes; Llama 3.1, 3.2 and 3.3 (<c>meta-llama/Llama-3.1*</c>,
    /// <c>meta-llama/Meta-Llama-3.1*</c>, ...) Llama 3 JSON; <c>mistralai/Mistral-7B-Instruct-v0.3</c> Mistral; anything
    /// else Hermes (taught by the prompt).
    /// </summary>
    /// <param name="modelId">The Bytez (Hugging Face) model id.</param>
    /// <returns>The format.</returns>
    public static ToolCallFormat ForModel(string modelId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        string id = modelId.Trim();
        string name = id[(id.LastIndexOf('/') + 1)..];

        if (name.StartsWith("NexusRaven", StringComparison.OrdinalIgnoreCase))
        {
            return Pythonic;
        }

        if (name.StartsWith("Hermes-2-Pro", StringComparison.OrdinalIgnoreCase) ||
            name.StartsWith("Hermes-3", StringComparison.OrdinalIgnoreCase) ||
            name.StartsWith("Qwen2.5", StringComparison.OrdinalIgnoreCase) ||
            name.StartsWith("Qwen3", StringComparison.OrdinalIgnoreCase))
        {
            return Hermes;
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
}
