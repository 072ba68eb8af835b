namespace Bytez.AI.TestSupport;

/// <summary>The emulator's tool-calling models (default-catalog entries with a tool format; see the emulator's Behaviors/README.md).</summary>
public static class ToolModels
{
    /// <summary>The seed's NexusRaven: pythonic format, raw prompt, echoed.</summary>
    public const string Raven = "Nexusflow/NexusRaven-V2-13B";

    /// <summary>A Hermes-format chat model.</summary>
    public const string Qwen = "Qwen/Qwen2.5-7B-Instruct";

    /// <summary>A second Hermes-format chat model.</summary>
    public const string Hermes3 = "NousResearch/Hermes-3-Llama-3.1-8B";

    /// <summary>A Llama 3 JSON-format chat model.</summary>
    public const string Llama = "meta-llama/Llama-3.1-8B-Instruct";

    /// <summary>A Mistral-format chat model (v3 template).</summary>
    public const string Mistral = "mistralai/Mistral-7B-Instruct-v0.3";

    /// <summary>A Mistral-format chat model with the Tekken template (no spaces around the markers).</summary>
    public const string MistralNemo = "mistralai/Mistral-Nemo-Instruct-2407";

    /// <summary>A Hermes-format chat model that writes a &lt;think&gt; block before each answer in a tool conversation.</summary>
    public const string Qwen3 = "Qwen/Qwen3-8B";
}
