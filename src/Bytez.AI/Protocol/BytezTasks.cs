namespace Bytez.AI;

/// <summary>Task names Bytez uses to classify models (the <c>task</c> of <c>GET model/list</c>).</summary>
public static class BytezTasks
{
#pragma warning disable CS1591 // The names are their own documentation.
    public const string AudioClassification = "audio-classification";
    public const string AutomaticSpeechRecognition = "automatic-speech-recognition";
    public const string DepthEstimation = "depth-estimation";
    public const string DocumentQuestionAnswering = "document-question-answering";
    public const string FeatureExtraction = "feature-extraction";
    public const string FillMask = "fill-mask";
    public const string ImageClassification = "image-classification";
    public const string ImageFeatureExtraction = "image-feature-extraction";
    public const string ImageSegmentation = "image-segmentation";
    public const string ImageToText = "image-to-text";
    public const string MaskGeneration = "mask-generation";
    public const string ObjectDetection = "object-detection";
    public const string QuestionAnswering = "question-answering";
    public const string SentenceSimilarity = "sentence-similarity";
    public const string Summarization = "summarization";
    public const string TextClassification = "text-classification";
    public const string TextGeneration = "text-generation";
    public const string TextToAudio = "text-to-audio";
    public const string TextToImage = "text-to-image";
    public const string TextToSpeech = "text-to-speech";
    public const string TextToVideo = "text-to-video";
    public const string Text2TextGeneration = "text2text-generation";
    public const string TokenClassification = "token-classification";
    public const string Translation = "translation";
    public const string UnconditionalImageGeneration = "unconditional-image-generation";
    public const string VideoClassification = "video-classification";
    public const string VisualQuestionAnswering = "visual-question-answering";
    public const string ZeroShotClassification = "zero-shot-classification";
    public const string ZeroShotImageClassification = "zero-shot-image-classification";
    public const string ZeroShotObjectDetection = "zero-shot-object-detection";

    /// <summary>The v2 chat task (v1 serves chat models as <see cref="TextGeneration"/> models that accept messages).</summary>
    public const string Chat = "chat";
    public const string ImageTextToText = "image-text-to-text";
    public const string AudioTextToText = "audio-text-to-text";
    public const string VideoTextToText = "video-text-to-text";
#pragma warning restore CS1591

    /// <summary>Gets the 30 task names of the v1 API, in the order of its documentation.</summary>
    public static IReadOnlyList<string> V1 { get; } =
    [
        AudioClassification, AutomaticSpeechRecognition, DepthEstimation, DocumentQuestionAnswering, FeatureExtraction,
        FillMask, ImageClassification, ImageFeatureExtraction, ImageSegmentation, ImageToText, MaskGeneration,
        ObjectDetection, QuestionAnswering, SentenceSimilarity, Summarization, TextClassification, TextGeneration,
        TextToAudio, TextToImage, TextToSpeech, TextToVideo, Text2TextGeneration, TokenClassification, Translation,
        UnconditionalImageGeneration, VideoClassification, VisualQuestionAnswering, ZeroShotClassification,
        ZeroShotImageClassification, ZeroShotObjectDetection,
    ];
}
