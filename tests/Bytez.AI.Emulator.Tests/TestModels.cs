namespace Bytez.AI.Emulator.Tests;

internal static class TestModels
{
    public const string Gpt2 = "openai-community/gpt2";
    public const string Phi3 = "microsoft/Phi-3-mini-4k-instruct";
    public const string Qwen = "Qwen/Qwen3-4B";
    public const string Image = "dreamlike-art/dreamlike-photoreal-2.0";
    public const string ZeroShot = "facebook/bart-large-mnli";
    public const string Embedding = "nomic-ai/nomic-embed-text-v1.5";
    public const string Speech = "facebook/data2vec-audio-base-960h";
}
