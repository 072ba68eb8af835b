namespace Bytez.AI.Emulator.Tests.Behaviors;

/// <summary>Every example of the bytez.js seed document (plus the extra catalog models), as v1 run bodies.</summary>
internal static class SeedExamples
{
    public const string Png1x1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP4z8DwHwAFAAH/VscvDQAAAABJRU5ErkJggg==";
    public const string SilentWav = "UklGRjQAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YRAAAAAAAAAAAAAAAAAAAAAAAAAA";

    public static TheoryData<string, string> All { get; } = new()
    {
        { "dslim/bert-base-NER", """{"input": "John Doe is a software engineer at Google."}""" },
        { "vinvino02/glpn-nyu", """{"input": "https://example.com/image.jpg"}""" },
        { "google/vit-base-patch16-224", """{"input": "https://www.padoniavets.com/sites/default/files/field/image/cats-and-dogs.jpg"}""" },
        { "sentence-transformers/all-MiniLM-L6-v2", """{"input": "What is the weather like today?"}""" },
        { "Salesforce/blip-image-captioning-base", """{"input": "https://example.com/image.jpg"}""" },
        { "nomic-ai/nomic-embed-vision-v1", """{"input": "https://example.com/image.jpg"}""" },
        { "facebook/sam-vit-base", $$"""{"b64ImageBufferPng": "{{Png1x1}}"}""" },
        { "ainize/bart-base-cnn", """{"input": "Your long text goes here...", "params": {"max_length": 40}}""" },
        { "AdamCodd/distilbert-base-uncased-finetuned-sentiment-amazon", """{"input": "Your text for classification goes here..."}""" },
        { "Salesforce/SFR-Embedding-2_R", """{"input": "Your text for feature extraction goes here..."}""" },
        { "Helsinki-NLP/opus-mt-en-zh", """{"input": "Hello, how are you? Beautiful day today, isn't it?"}""" },
        { "deepset/roberta-base-squad2", """{"question": "Where does Holly live?", "context": "My name is Holly and I live in NYC"}""" },
        { "ali-vilab/text-to-video-ms-1.7b", """{"input": "A cat playing with a rose"}""" },
        { "almanach/camembert-base", """{"input": "The capital of France is <mask>."}""" },
        { "aaraki/wav2vec2-base-finetuned-ks", $$"""{"b64AudioBufferWav": "{{SilentWav}}"}""" },
        { "sayeed99/segformer-b3-fashion", """{"input": "https://example.com/image.jpg"}""" },
        { "Salesforce/blip-vqa-base", """{"image": "https://example.com/image.jpg", "question": "What kind of animal is this?"}""" },
        { "suno/bark-small", """{"input": "Hello, how are you today?"}""" },
        { "ahmedabdo/video-classifier", """{"input": "https://example.com/video.mp4"}""" },
        { "facebook/detr-resnet-50", """{"input": "https://example.com/image.jpg"}""" },
        { "google/flan-t5-base", """{"input": "Once upon a time there was a small little man who", "params": {"max_new_tokens": 20, "temperature": 2}}""" },
        { "BilelDJ/clip-hugging-face-finetuned", """{"image": "https://example.com/image.jpg", "candidate_labels": ["squid", "octopus", "human", "cat"]}""" },
        { "facebook/bart-large-mnli", """{"text": "One day I will see the world", "candidate_labels": ["travel", "cooking", "dancing"]}""" },
        { "cloudqi/CQI_Visual_Question_Awnser_PT_v0", """{"image": "https://templates.invoicehome.com/invoice-template-us-neat-750px.png", "question": "What's the total cost?"}""" },
        { "Qwen/Qwen2-7B-Instruct", """{"input": "Once upon a time there was a beautiful home where", "params": {"max_new_tokens": 500, "min_new_tokens": 50, "temperature": 0.5}}""" },
        { "afshr/cam_finetune", """{"input": "A rose"}""" },
        { "facebook/data2vec-audio-base-960h", $$"""{"b64AudioBufferWav": "{{SilentWav}}"}""" },
        { "openai/whisper-large-v3", $$"""{"b64AudioBufferWav": "{{SilentWav}}"}""" },
        { "google/owlv2-base-patch16-finetuned", $$"""{"b64ImageBufferPng": "{{Png1x1}}", "candidate_labels": ["squid", "octopus", "human", "cat"]}""" },
        { "dreamlike-art/dreamlike-photoreal-2.0", """{"input": "A beautiful landscape with mountains and a river"}""" },
        { "microsoft/Phi-3-mini-4k-instruct", """{"input": [{"role": "system", "content": "You are a friendly chatbot"}, {"role": "user", "content": "What is the capital of England?"}], "params": {"max_length": 100}}""" },
        { "Nexusflow/NexusRaven-V2-13B", """{"input": "Function:\ndef get_weather_data(coordinates):\n    pass\n\nUser Query: What's the weather like in Seattle right now?<human_end>\n", "params": {"max_new_tokens": 500, "min_new_tokens": 50, "temperature": 0.001, "do_sample": false}}""" },
        { "openai-community/gpt2", """{"input": "Once upon a time there was a"}""" },
        { "facebook/musicgen-stereo-small", """{"input": "lo-fi music with a soothing melody"}""" },
        { "stabilityai/stable-diffusion-xl-base-1.0", """{"input": "An astronaut riding a horse", "params": {"width": 32, "height": 16}}""" },
        { "nomic-ai/nomic-embed-text-v1.5", """{"input": "search_document: Turn this text into a vector"}""" },
        { "BAAI/bge-small-en-v1.5", """{"input": "The cat sat on the mat"}""" },
        { "google/gemma-3-4b-it", """{"input": [{"role": "user", "content": [{"type": "text", "text": "Describe this image"}, {"type": "image", "url": "https://example.com/duck.jpg"}]}]}""" },
        { "Qwen/Qwen2.5-7B-Instruct", """{"input": [{"role": "user", "content": "What is 2+2?"}]}""" },
        { "NousResearch/Hermes-3-Llama-3.1-8B", """{"input": [{"role": "user", "content": "Hello there"}]}""" },
        { "meta-llama/Llama-3.1-8B-Instruct", """{"input": [{"role": "user", "content": "What is the capital of France?"}]}""" },
        { "mistralai/Mistral-7B-Instruct-v0.3", """{"input": [{"role": "user", "content": "Tell me a story"}]}""" },
        { "Qwen/Qwen3-4B", """{"input": [{"role": "user", "content": "What is the capital of England?"}], "params": {"max_new_tokens": 64}}""" },
        { "Qwen/Qwen2-Audio-7B-Instruct", $$"""{"input": [{"role": "user", "content": [{"type": "text", "text": "What does the speaker say?"}, {"type": "audio", "base64": "data:audio/wav;base64,{{SilentWav}}"}]}]}""" },
        { "llava-hf/LLaVA-NeXT-Video-7B-hf", """{"input": [{"role": "user", "content": [{"type": "text", "text": "What happens in this video?"}, {"type": "video", "url": "https://example.com/clip.mp4"}]}]}""" },
        { "openai/gpt-4o", """{"input": [{"role": "user", "content": "What is the capital of England?"}]}""" },
        { "anthropic/claude-3-haiku-20240307", """{"input": [{"role": "user", "content": "What is the capital of France?"}]}""" },
        { "google/gemini-2.0-flash", """{"input": [{"role": "user", "content": "Hello there"}]}""" },
        { "mistral/mistral-small-latest", """{"input": [{"role": "user", "content": "Tell me a story"}]}""" },
        { "cohere/command-r", """{"input": [{"role": "user", "content": "What is 2+2?"}]}""" },
        { "mistralai/Mistral-Nemo-Instruct-2407", """{"input": [{"role": "user", "content": "Tell me a joke"}]}""" },
        { "Qwen/Qwen3-8B", """{"input": [{"role": "user", "content": "What is 3+3?"}]}""" },
    };
}
