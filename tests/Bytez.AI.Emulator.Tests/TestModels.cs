namespace Bytez.AI.Emulator.Tests;

/// <summary>The catalog every harness starts with, independent of the emulator's shipped default catalog.</summary>
internal static class TestModels
{
    public const string Gpt2 = "openai-community/gpt2";
    public const string Phi3 = "microsoft/Phi-3-mini-4k-instruct";
    public const string Qwen = "Qwen/Qwen3-4B";
    public const string Image = "dreamlike-art/dreamlike-photoreal-2.0";
    public const string ZeroShot = "facebook/bart-large-mnli";
    public const string Embedding = "nomic-ai/nomic-embed-text-v1.5";
    public const string Speech = "facebook/data2vec-audio-base-960h";

    public static EmulatedModel[] Catalog =>
    [
        new(Gpt2, "text-generation", 0.5),
        new(Phi3, "text-generation", 14.65) { IsChat = true },
        new(Qwen, "text-generation", 16) { IsChat = true, ToolFormat = "hermes" },
        new(ZeroShot, "zero-shot-classification", 2.1),
        new(Embedding, "feature-extraction", 1),
        new(Image, "text-to-image", 8),
        new(Speech, "automatic-speech-recognition", 1),
    ];
}
