using Bytez.AI.Emulator.Behaviors.Tasks;
using Bytez.AI.Emulator.Behaviors.Tools;

namespace Bytez.AI.Emulator.Behaviors;

/// <summary>
/// Picks the deterministic behaviour for a model: one per task family, covering the 30 v1 tasks plus the v2 chat
/// tasks (<c>chat</c>, <c>image-/audio-/video-text-to-text</c>). Behaviours are stateless and thread-safe: same
/// request, same response, in any process.
/// </summary>
internal static class TaskBehaviors
{
    private static readonly TextGenerationBehavior TextGeneration = new();
    private static readonly MultimodalChatBehavior MultimodalChat = new();
    private static readonly TextEmbeddingBehavior TextEmbedding = new();
    private static readonly ImageGenerationBehavior ImageGeneration = new();
    private static readonly AudioGenerationBehavior AudioGeneration = new();
    private static readonly ObjectDetectionBehavior ObjectDetection = new(zeroShot: false);
    private static readonly ObjectDetectionBehavior ZeroShotObjectDetection = new(zeroShot: true);
    private static readonly UnsupportedTaskBehavior Unsupported = new();
    private static readonly PythonicToolBehavior PythonicTools = new();
    private static readonly HermesToolBehavior HermesTools = new();
    private static readonly HermesToolBehavior ThinkingHermesTools = new() { Thinks = true };
    private static readonly Llama3ToolBehavior Llama3Tools = new();
    private static readonly MistralToolBehavior MistralTools = new();

    private static readonly Dictionary<string, ITaskBehavior> ByTask = new(StringComparer.Ordinal)
    {
        [EmulatedTasks.TextGeneration] = TextGeneration,
        [EmulatedTasks.Chat] = TextGeneration,
        [EmulatedTasks.ImageTextToText] = MultimodalChat,
        [EmulatedTasks.AudioTextToText] = MultimodalChat,
        [EmulatedTasks.VideoTextToText] = MultimodalChat,
        [EmulatedTasks.Text2TextGeneration] = new Text2TextBehavior(),
        [EmulatedTasks.Summarization] = new SummarizationBehavior(),
        [EmulatedTasks.Translation] = new TranslationBehavior(),
        [EmulatedTasks.FillMask] = new FillMaskBehavior(),
        [EmulatedTasks.TextClassification] = new TextClassificationBehavior(),
        [EmulatedTasks.TokenClassification] = new TokenClassificationBehavior(),
        [EmulatedTasks.ZeroShotClassification] = new ZeroShotClassificationBehavior(),
        [EmulatedTasks.QuestionAnswering] = new QuestionAnsweringBehavior(),
        [EmulatedTasks.FeatureExtraction] = TextEmbedding,
        [EmulatedTasks.SentenceSimilarity] = TextEmbedding,
        [EmulatedTasks.ImageFeatureExtraction] = new ImageFeatureExtractionBehavior(),
        [EmulatedTasks.TextToImage] = ImageGeneration,
        [EmulatedTasks.UnconditionalImageGeneration] = ImageGeneration,
        [EmulatedTasks.TextToSpeech] = AudioGeneration,
        [EmulatedTasks.TextToAudio] = AudioGeneration,
        [EmulatedTasks.TextToVideo] = new VideoGenerationBehavior(),
        [EmulatedTasks.ImageClassification] = new ImageClassificationBehavior(),
        [EmulatedTasks.ZeroShotImageClassification] = new ZeroShotImageClassificationBehavior(),
        [EmulatedTasks.ObjectDetection] = ObjectDetection,
        [EmulatedTasks.ZeroShotObjectDetection] = ZeroShotObjectDetection,
        [EmulatedTasks.ImageSegmentation] = new ImageSegmentationBehavior(),
        [EmulatedTasks.DepthEstimation] = new DepthEstimationBehavior(),
        [EmulatedTasks.MaskGeneration] = new MaskGenerationBehavior(),
        [EmulatedTasks.ImageToText] = new ImageToTextBehavior(),
        [EmulatedTasks.VisualQuestionAnswering] = new VisualQuestionAnsweringBehavior(),
        [EmulatedTasks.DocumentQuestionAnswering] = new DocumentQuestionAnsweringBehavior(),
        [EmulatedTasks.AudioClassification] = new AudioClassificationBehavior(),
        [EmulatedTasks.AutomaticSpeechRecognition] = new SpeechRecognitionBehavior(),
        [EmulatedTasks.VideoClassification] = new VideoClassificationBehavior(),
    };

    /// <summary>Gets the behaviour for <paramref name="model"/>.</summary>
    /// <param name="model">The model.</param>
    /// <returns>
    /// The behaviour of the model's task; for a task the emulator does not know, a behaviour whose every run throws
    /// <see cref="EmulatorInputException"/> (so the server answers 422, as a container would).
    /// </returns>
    public static ITaskBehavior For(EmulatedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.ToolFormat is { } format && (model.Task == EmulatedTasks.TextGeneration || model.Task == EmulatedTasks.Chat))
        {
            return format == ToolFormats.Hermes && model.Thinks ? ThinkingHermesTools : ForToolFormat(format);
        }

        return ByTask.GetValueOrDefault(model.Task, Unsupported);
    }

    /// <summary>Gets a value indicating whether the emulator has a behaviour for <paramref name="task"/>.</summary>
    /// <param name="task">A Bytez task name.</param>
    /// <returns>True when <see cref="For"/> returns a working behaviour for models of this task.</returns>
    public static bool IsSupported(string task) => task is not null && ByTask.ContainsKey(task);

    /// <summary>
    /// Prompt-based tool calling: one behaviour per <see cref="ToolFormats"/> value, each derived from
    /// <see cref="TextGenerationBehavior"/>. With tools in the prompt they answer in their format (see Behaviors/Tools);
    /// without, they are ordinary text/chat models. An unknown format name falls back to plain text generation.
    /// </summary>
    private static TextGenerationBehavior ForToolFormat(string format) => format switch
    {
        ToolFormats.Pythonic => PythonicTools,
        ToolFormats.Hermes => HermesTools,
        ToolFormats.Llama3 => Llama3Tools,
        ToolFormats.Mistral => MistralTools,
        _ => TextGeneration,
    };
}
