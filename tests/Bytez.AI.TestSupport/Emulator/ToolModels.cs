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

    /// <summary>A Mistral-format chat model.</summary>
    public const string Mistral = "mistralai/Mistral-7B-Instruct-v0.3";
}
