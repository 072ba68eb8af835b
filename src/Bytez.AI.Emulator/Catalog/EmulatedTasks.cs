namespace Bytez.AI.Emulator;

/// <summary>The Bytez task names: the 30 v1 tasks plus the v2-only chat tasks.</summary>
internal static class EmulatedTasks
{
    /// <summary><c>audio-classification</c>.</summary>
    public const string AudioClassification = "audio-classification";

    /// <summary><c>automatic-speech-recognition</c>.</summary>
    public const string AutomaticSpeechRecognition = "automatic-speech-recognition";

    /// <summary><c>depth-estimation</c>.</summary>
    public const string DepthEstimation = "depth-estimation";

    /// <summary><c>document-question-answering</c>.</summary>
    public const string DocumentQuestionAnswering = "document-question-answering";

    /// <summary><c>feature-extraction</c>.</summary>
    public const string FeatureExtraction = "feature-extraction";

    /// <summary><c>fill-mask</c>.</summary>
    public const string FillMask = "fill-mask";

    /// <summary><c>image-classification</c>.</summary>
    public const string ImageClassification = "image-classification";

    /// <summary><c>image-feature-extraction</c>.</summary>
    public const string ImageFeatureExtraction = "image-feature-extraction";

    /// <summary><c>image-segmentation</c>.</summary>
    public const string ImageSegmentation = "image-segmentation";

    /// <summary><c>image-to-text</c>.</summary>
    public const string ImageToText = "image-to-text";

    /// <summary><c>mask-generation</c>.</summary>
    public const string MaskGeneration = "mask-generation";

    /// <summary><c>object-detection</c>.</summary>
    public const string ObjectDetection = "object-detection";

    /// <summary><c>question-answering</c>.</summary>
    public const string QuestionAnswering = "question-answering";

    /// <summary><c>sentence-similarity</c>.</summary>
    public const string SentenceSimilarity = "sentence-similarity";

    /// <summary><c>summarization</c>.</summary>
    public const string Summarization = "summarization";

    /// <summary><c>text-classification</c>.</summary>
    public const string TextClassification = "text-classification";

    /// <summary><c>text-generation</c>.</summary>
    public const string TextGeneration = "text-generation";

    /// <summary><c>text-to-audio</c>.</summary>
    public const string TextToAudio = "text-to-audio";

    /// <summary><c>text-to-image</c>.</summary>
    public const string TextToImage = "text-to-image";

    /// <summary><c>text-to-speech</c>.</summary>
    public const string TextToSpeech = "text-to-speech";

    /// <summary><c>text-to-video</c>.</summary>
    public const string TextToVideo = "text-to-video";

    /// <summary><c>text2text-generation</c>.</summary>
    public const string Text2TextGeneration = "text2text-generation";

    /// <summary><c>token-classification</c>.</summary>
    public const string TokenClassification = "token-classification";

    /// <summary><c>translation</c>.</summary>
    public const string Translation = "translation";

    /// <summary><c>unconditional-image-generation</c>.</summary>
    public const string UnconditionalImageGeneration = "unconditional-image-generation";

    /// <summary><c>video-classification</c>.</summary>
    public const string VideoClassification = "video-classification";

    /// <summary><c>visual-question-answering</c>.</summary>
    public const string VisualQuestionAnswering = "visual-question-answering";

    /// <summary><c>zero-shot-classification</c>.</summary>
    public const string ZeroShotClassification = "zero-shot-classification";

    /// <summary><c>zero-shot-image-classification</c>.</summary>
    public const string ZeroShotImageClassification = "zero-shot-image-classification";

    /// <summary><c>zero-shot-object-detection</c>.</summary>
    public const string ZeroShotObjectDetection = "zero-shot-object-detection";

    /// <summary><c>chat</c> (v2 only; v1 chat models are <c>text-generation</c> models).</summary>
    public const string Chat = "chat";

    /// <summary><c>image-text-to-text</c> (v2 only).</summary>
    public const string ImageTextToText = "image-text-to-text";

    /// <summary><c>audio-text-to-text</c> (v2 only).</summary>
    public const string AudioTextToText = "audio-text-to-text";

    /// <summary><c>video-text-to-text</c> (v2 only).</summary>
    public const string VideoTextToText = "video-text-to-text";

    /// <summary>Gets the 30 task names of the v1 API, in alphabetical order.</summary>
    public static IReadOnlyList<string> V1Tasks { get; } =
    [
        AudioClassification, AutomaticSpeechRecognition, DepthEstimation, DocumentQuestionAnswering, FeatureExtraction,
        FillMask, ImageClassification, ImageFeatureExtraction, ImageSegmentation, ImageToText, MaskGeneration,
        ObjectDetection, QuestionAnswering, SentenceSimilarity, Summarization, TextClassification, TextGeneration,
        TextToAudio, TextToImage, TextToSpeech, TextToVideo, Text2TextGeneration, TokenClassification, Translation,
        UnconditionalImageGeneration, VideoClassification, VisualQuestionAnswering, ZeroShotClassification,
        ZeroShotImageClassification, ZeroShotObjectDetection,
    ];

    /// <summary>Gets the 34 documented v2 task names (the v1 names plus chat and the three *-text-to-text tasks), in ordinal order.</summary>
    public static IReadOnlyList<string> V2Tasks { get; } =
        [.. V1Tasks.Concat([Chat, ImageTextToText, AudioTextToText, VideoTextToText]).Order(StringComparer.Ordinal)];
}
