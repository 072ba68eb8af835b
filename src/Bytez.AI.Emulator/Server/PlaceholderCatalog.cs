namespace Bytez.AI.Emulator.Server;

/// <summary>A small stand-in catalog until the real default catalog lands.</summary>
internal static class PlaceholderCatalog
{
    /// <summary>Gets the models.</summary>
    public static IReadOnlyList<EmulatedModel> Models { get; } =
    [
        new("openai-community/gpt2", "text-generation", 0.5),
        new("microsoft/Phi-3-mini-4k-instruct", "text-generation", 14.65) { IsChat = true },
        new("Qwen/Qwen3-4B", "text-generation", 16) { IsChat = true, ToolFormat = "hermes" },
        new("facebook/bart-large-mnli", "zero-shot-classification", 2.1),
        new("sentence-transformers/all-MiniLM-L6-v2", "sentence-similarity", 0.1),
        new("nomic-ai/nomic-embed-text-v1.5", "feature-extraction", 1),
        new("dreamlike-art/dreamlike-photoreal-2.0", "text-to-image", 8),
        new("suno/bark-small", "text-to-speech", 2),
        new("facebook/data2vec-audio-base-960h", "automatic-speech-recognition", 1),
        new("ainize/bart-base-cnn", "summarization", 1),
    ];
}
