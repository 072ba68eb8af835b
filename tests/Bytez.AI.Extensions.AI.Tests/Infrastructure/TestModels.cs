namespace Bytez.AI.Extensions.AI.Tests.Infrastructure;

/// <summary>Model ids of the emulator's catalog used by these tests.</summary>
public static class TestModels
{
    /// <summary>A plain text-generation model (used where any runnable model will do).</summary>
    public const string TextGeneration = "openai-community/gpt2";

    /// <summary>A sentence-similarity model (flat vectors).</summary>
    public const string SentenceSimilarity = "sentence-transformers/all-MiniLM-L6-v2";

    /// <summary>A feature-extraction model.</summary>
    public const string FeatureExtraction = "nomic-ai/nomic-embed-text-v1.5";

    /// <summary>A text-to-image model.</summary>
    public const string TextToImage = "dreamlike-art/dreamlike-photoreal-2.0";

    /// <summary>The seed's unconditional image generation model.</summary>
    public const string UnconditionalImage = "afshr/cam_finetune";
}
