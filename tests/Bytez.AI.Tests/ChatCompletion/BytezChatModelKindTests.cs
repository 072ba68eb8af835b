using Bytez.AI.ChatCompletion;

namespace Bytez.AI.Tests.ChatCompletion;

public class BytezChatModelKindTests
{
    [Theory]
    [InlineData("microsoft/Phi-3-mini-4k-instruct", true)]
    [InlineData("meta-llama/Llama-3.1-8B-Instruct", true)]
    [InlineData("mistralai/Mistral-7B-Instruct-v0.3", true)]
    [InlineData("Qwen/Qwen2.5-1.5B-Instruct", true)]
    [InlineData("Qwen/Qwen3-4B", true)]
    [InlineData("TinyLlama/TinyLlama-1.1B-Chat-v1.0", true)]
    [InlineData("google/gemma-2-2b-it", true)]
    [InlineData("NousResearch/Hermes-3-Llama-3.1-8B", true)]
    [InlineData("Nexusflow/NexusRaven-V2-13B", false)]
    [InlineData("openai-community/gpt2", false)]
    [InlineData("EleutherAI/gpt-neo-125m", false)]
    [InlineData("someone/itinerary-model", false)]
    public void LooksLikeChatModel(string modelId, bool expected)
    {
        Assert.Equal(expected, BytezChatModelKind.LooksLikeChatModel(modelId));
    }

    [Theory]
    [InlineData("openai-community/gpt2", "text-generation", BytezChatInputMode.Prompt)]
    [InlineData("microsoft/Phi-3-mini-4k-instruct", "text-generation", BytezChatInputMode.Messages)]
    [InlineData("any/model", "chat", BytezChatInputMode.Messages)]
    [InlineData("any/model", "image-text-to-text", BytezChatInputMode.Messages)]
    [InlineData("google/flan-t5-base", "text2text-generation", BytezChatInputMode.Prompt)]
    [InlineData("microsoft/Phi-3-mini-4k-instruct", null, BytezChatInputMode.Messages)]
    [InlineData("openai-community/gpt2", null, BytezChatInputMode.Prompt)]
    public void Resolve_FromTaskAndId(string modelId, string? task, BytezChatInputMode expected)
    {
        Assert.Equal(expected, BytezChatModelKind.Resolve(modelId, task));
    }

    [Theory]
    [InlineData("feature-extraction", "AsIEmbeddingGenerator")]
    [InlineData("text-to-image", "AsIImageGenerator")]
    [InlineData("zero-shot-classification", "RunAsync")]
    public void Resolve_OtherTask_ThrowsNamingTheAlternative(string task, string alternative)
    {
        var ex = Assert.Throws<NotSupportedException>(() => BytezChatModelKind.Resolve("org/model", task));

        Assert.Contains($"Model 'org/model' has task '{task}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(alternative, ex.Message, StringComparison.Ordinal);
    }
}
