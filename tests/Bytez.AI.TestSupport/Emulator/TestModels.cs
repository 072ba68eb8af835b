using Bytez.AI.Emulator;

namespace Bytez.AI.TestSupport;

/// <summary>Model ids the tests use, named by the task they stand for; all are in the emulator's default catalog.</summary>
public static class TestModels
{
    /// <summary>A plain (non-chat) text-generation model: the input is a string, the output continues it.</summary>
    public const string TextGeneration = "openai-community/gpt2";

    /// <summary>A chat text-generation model: the input is a message list.</summary>
    public const string Chat = "microsoft/Phi-3-mini-4k-instruct";

    /// <summary>A sentence-similarity model (flat vectors).</summary>
    public const string SentenceSimilarity = "sentence-transformers/all-MiniLM-L6-v2";

    /// <summary>A feature-extraction model.</summary>
    public const string FeatureExtraction = "nomic-ai/nomic-embed-text-v1.5";

    /// <summary>A text-to-image model.</summary>
    public const string TextToImage = "dreamlike-art/dreamlike-photoreal-2.0";

    /// <summary>The seed's unconditional image generation model.</summary>
    public const string UnconditionalImage = "afshr/cam_finetune";

    /// <summary>A zero-shot classification model.</summary>
    public const string ZeroShotClassification = "facebook/bart-large-mnli";

    /// <summary>An automatic speech recognition model.</summary>
    public const string SpeechRecognition = "facebook/data2vec-audio-base-960h";

    /// <summary>A text-to-speech model (in the emulator's default catalog, not in <see cref="Catalog"/>).</summary>
    public const string TextToSpeech = "suno/bark-small";

    /// <summary>A Hermes-format tool-calling chat model that only <see cref="Catalog"/> serves (not the default catalog).</summary>
    public const string ToolChat = "Qwen/Qwen3-4B";

    /// <summary>
    /// Gets a small fixed catalog, independent of the emulator's shipped default catalog, for tests that pin listings
    /// and sizes (<see cref="BytezEmulatorOptions.Models"/>).
    /// </summary>
    public static EmulatedModel[] Catalog =>
    [
        new(TextGeneration, "text-generation", 0.5),
        new(Chat, "text-generation", 14.65) { IsChat = true },
        new(ToolChat, "text-generation", 16) { IsChat = true, ToolFormat = "hermes" },
        new(ZeroShotClassification, "zero-shot-classification", 2.1),
        new(FeatureExtraction, "feature-extraction", 1),
        new(TextToImage, "text-to-image", 8),
        new(SpeechRecognition, "automatic-speech-recognition", 1),
    ];
}
