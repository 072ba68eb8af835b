namespace Bytez.AI.Emulator;

/// <summary>
/// The models the emulator serves by default: every model id used in the bytez.js seed examples (so each of the 30 v1
/// tasks has at least one model), the v2 reference's example models (§3.8, e.g. <c>Qwen/Qwen3-4B</c>), the five
/// closed-source providers' example models (§3.9, v2 only), plus chat/tool-calling, embedding, image and multimodal
/// models the adapters' tests use. <see cref="EmulatedModel.RamRequired"/> is in GB, about 4 GB per billion parameters,
/// as Bytez lists them (gpt2 0.5, Phi-3-mini 14.65, Qwen3-4B 16); embedding models return vectors of their real width.
/// </summary>
internal static class DefaultCatalog
{
    /// <summary>Gets the default models, in a fixed order.</summary>
    public static IReadOnlyList<EmulatedModel> Models { get; } =
    [
        // Text generation and chat (seed examples).
        new("openai-community/gpt2", EmulatedTasks.TextGeneration, 0.5),
        new("microsoft/Phi-3-mini-4k-instruct", EmulatedTasks.TextGeneration, 14.65) { IsChat = true },
        new("Qwen/Qwen2-7B-Instruct", EmulatedTasks.TextGeneration, 30.5) { IsChat = true },
        new("Nexusflow/NexusRaven-V2-13B", EmulatedTasks.TextGeneration, 52.1) { ToolFormat = ToolFormats.Pythonic },

        // Chat models with a trained tool-calling format.
        new("Qwen/Qwen2.5-7B-Instruct", EmulatedTasks.TextGeneration, 30.5) { IsChat = true, ToolFormat = ToolFormats.Hermes },
        new("NousResearch/Hermes-3-Llama-3.1-8B", EmulatedTasks.TextGeneration, 32.1) { IsChat = true, ToolFormat = ToolFormats.Hermes },
        new("meta-llama/Llama-3.1-8B-Instruct", EmulatedTasks.TextGeneration, 32.1) { IsChat = true, ToolFormat = ToolFormats.Llama3 },
        new("mistralai/Mistral-7B-Instruct-v0.3", EmulatedTasks.TextGeneration, 29.0) { IsChat = true, ToolFormat = ToolFormats.Mistral },
        new("mistralai/Mistral-Nemo-Instruct-2407", EmulatedTasks.TextGeneration, 49.0) { IsChat = true, ToolFormat = ToolFormats.Mistral },
        new("Qwen/Qwen3-8B", EmulatedTasks.TextGeneration, 32.8) { IsChat = true, ToolFormat = ToolFormats.Hermes, Thinks = true },

        // v2 chat and multimodal chat (v2 tasks; the v2 reference's example models).
        new("Qwen/Qwen3-4B", EmulatedTasks.Chat, 16) { IsChat = true },
        new("google/gemma-3-4b-it", EmulatedTasks.ImageTextToText, 17.2) { IsChat = true },
        new("Qwen/Qwen2-Audio-7B-Instruct", EmulatedTasks.AudioTextToText, 33.5) { IsChat = true },
        new("llava-hf/LLaVA-NeXT-Video-7B-hf", EmulatedTasks.VideoTextToText, 28.3) { IsChat = true },

        // Closed-source models (v2 only): {role, content} plus the provider's raw reply; Cohere needs a provider-key.
        new("openai/gpt-4o", EmulatedTasks.Chat, 0) { IsChat = true, Provider = "openai" },
        new("anthropic/claude-3-haiku-20240307", EmulatedTasks.Chat, 0) { IsChat = true, Provider = "anthropic" },
        new("google/gemini-2.0-flash", EmulatedTasks.Chat, 0) { IsChat = true, Provider = "google" },
        new("mistral/mistral-small-latest", EmulatedTasks.Chat, 0) { IsChat = true, Provider = "mistral" },
        new("cohere/command-r", EmulatedTasks.Chat, 0) { IsChat = true, Provider = "cohere" },

        // Other text tasks.
        new("google/flan-t5-base", EmulatedTasks.Text2TextGeneration, 0.99),
        new("ainize/bart-base-cnn", EmulatedTasks.Summarization, 0.56),
        new("Helsinki-NLP/opus-mt-en-zh", EmulatedTasks.Translation, 0.31),
        new("almanach/camembert-base", EmulatedTasks.FillMask, 0.44),
        new("AdamCodd/distilbert-base-uncased-finetuned-sentiment-amazon", EmulatedTasks.TextClassification, 0.27),
        new("dslim/bert-base-NER", EmulatedTasks.TokenClassification, 0.43),
        new("facebook/bart-large-mnli", EmulatedTasks.ZeroShotClassification, 2.1),
        new("deepset/roberta-base-squad2", EmulatedTasks.QuestionAnswering, 0.5),

        // Embeddings: flat vector, pooled [vector], and a token x dimension matrix (bge-small).
        new("sentence-transformers/all-MiniLM-L6-v2", EmulatedTasks.SentenceSimilarity, 0.09) { EmbeddingDimensions = 384 },
        new("Salesforce/SFR-Embedding-2_R", EmulatedTasks.FeatureExtraction, 28.4) { EmbeddingDimensions = 4096 },
        new("nomic-ai/nomic-embed-text-v1.5", EmulatedTasks.FeatureExtraction, 0.55) { EmbeddingDimensions = 768 },
        new("BAAI/bge-small-en-v1.5", EmulatedTasks.FeatureExtraction, 0.13) { TokenEmbeddings = true, EmbeddingDimensions = 384 },

        // Media generation.
        new("dreamlike-art/dreamlike-photoreal-2.0", EmulatedTasks.TextToImage, 4.3),
        new("stabilityai/stable-diffusion-xl-base-1.0", EmulatedTasks.TextToImage, 14.0),
        new("afshr/cam_finetune", EmulatedTasks.UnconditionalImageGeneration, 0.45),
        new("suno/bark-small", EmulatedTasks.TextToSpeech, 1.6),
        new("facebook/musicgen-stereo-small", EmulatedTasks.TextToAudio, 2.4),
        new("ali-vilab/text-to-video-ms-1.7b", EmulatedTasks.TextToVideo, 6.8),

        // Vision.
        new("google/vit-base-patch16-224", EmulatedTasks.ImageClassification, 0.35),
        new("BilelDJ/clip-hugging-face-finetuned", EmulatedTasks.ZeroShotImageClassification, 0.6),
        new("facebook/detr-resnet-50", EmulatedTasks.ObjectDetection, 0.17),
        new("google/owlv2-base-patch16-finetuned", EmulatedTasks.ZeroShotObjectDetection, 0.62),
        new("sayeed99/segformer-b3-fashion", EmulatedTasks.ImageSegmentation, 0.19),
        new("vinvino02/glpn-nyu", EmulatedTasks.DepthEstimation, 0.25),
        new("facebook/sam-vit-base", EmulatedTasks.MaskGeneration, 0.38),
        new("Salesforce/blip-image-captioning-base", EmulatedTasks.ImageToText, 1.0),
        new("nomic-ai/nomic-embed-vision-v1", EmulatedTasks.ImageFeatureExtraction, 0.37) { EmbeddingDimensions = 768 },
        new("Salesforce/blip-vqa-base", EmulatedTasks.VisualQuestionAnswering, 1.54),
        new("cloudqi/CQI_Visual_Question_Awnser_PT_v0", EmulatedTasks.DocumentQuestionAnswering, 0.5),

        // Audio and video understanding.
        new("aaraki/wav2vec2-base-finetuned-ks", EmulatedTasks.AudioClassification, 0.38),
        new("facebook/data2vec-audio-base-960h", EmulatedTasks.AutomaticSpeechRecognition, 0.38),

        // Bytez's most used speech recognizer, the example of the library's speech-to-text docs: served natively (an
        // open model under the openai organisation), so a test written from those docs runs against the emulator too.
        new("openai/whisper-large-v3", EmulatedTasks.AutomaticSpeechRecognition, 6.2),
        new("ahmedabdo/video-classifier", EmulatedTasks.VideoClassification, 0.35),
    ];

    /// <summary>Finds a default model by id (exact, case-sensitive, as Bytez ids are).</summary>
    /// <param name="modelId">The model id.</param>
    /// <returns>The model, or null.</returns>
    public static EmulatedModel? Find(string modelId) => Models.FirstOrDefault(m => string.Equals(m.ModelId, modelId, StringComparison.Ordinal));
}
