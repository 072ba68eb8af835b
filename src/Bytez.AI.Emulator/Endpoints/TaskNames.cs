namespace Bytez.AI.Emulator.Endpoints;

/// <summary>Task names as each API generation reports them (v1 has no <c>chat</c> task; v2 lists chat models as <c>chat</c>).</summary>
internal static class TaskNames
{
    /// <summary>The 34 documented v2 task names.</summary>
    public static readonly string[] V2 =
    [
        "audio-classification", "audio-text-to-text", "automatic-speech-recognition", "chat", "depth-estimation",
        "document-question-answering", "feature-extraction", "fill-mask", "image-classification", "image-feature-extraction",
        "image-segmentation", "image-text-to-text", "image-to-text", "mask-generation", "object-detection",
        "question-answering", "sentence-similarity", "summarization", "text-classification", "text-generation",
        "text-to-audio", "text-to-image", "text-to-speech", "text-to-video", "text2text-generation",
        "token-classification", "translation", "unconditional-image-generation", "video-classification",
        "video-text-to-text", "visual-question-answering", "zero-shot-classification", "zero-shot-image-classification",
        "zero-shot-object-detection",
    ];

    public static string V1Task(EmulatedModel model) => model.Task == "chat" ? "text-generation" : model.Task;

    public static string V2Task(EmulatedModel model) => model.IsChat && model.Task == "text-generation" ? "chat" : model.Task;

    /// <summary>Whether the model answers with a single assistant message in v2.</summary>
    public static bool IsChatModel(EmulatedModel model) => model.IsChat || model.Task is "chat" or "image-text-to-text" or "audio-text-to-text" or "video-text-to-text";
}
