using Bytez.AI.Emulator.Behaviors;

namespace Bytez.AI.Emulator.Tests.Behaviors;

public sealed class CatalogTests
{
    [Fact]
    public void Every_v1_task_has_a_default_model_and_a_behaviour()
    {
        Assert.Equal(30, EmulatedTasks.V1Tasks.Count);
        foreach (string task in EmulatedTasks.V1Tasks)
        {
            Assert.Contains(DefaultCatalog.Models, m => m.Task == task);
            Assert.True(TaskBehaviors.IsSupported(task), task);
        }
    }

    [Fact]
    public void Model_ids_are_unique_and_ram_is_realistic()
    {
        Assert.Equal(DefaultCatalog.Models.Count, DefaultCatalog.Models.Select(m => m.ModelId).Distinct(StringComparer.Ordinal).Count());
        Assert.All(DefaultCatalog.Models.Where(m => m.Provider is null), m => Assert.InRange(m.RamRequired, 0.05, 64));

        // Closed-source models run at their provider: Bytez hosts nothing for them.
        Assert.Equal(
            ["anthropic", "cohere", "google", "mistral", "openai"],
            DefaultCatalog.Models.Where(m => m.Provider is not null).Select(m => m.Provider!).Order(StringComparer.Ordinal));
        Assert.All(DefaultCatalog.Models.Where(m => m.Provider is not null), m =>
        {
            Assert.Equal(0, m.RamRequired);
            Assert.Equal(EmulatedTasks.Chat, m.Task);
            Assert.StartsWith(m.Provider + "/", m.ModelId, StringComparison.Ordinal);
        });
        Assert.Equal(0.5, DefaultCatalog.Find("openai-community/gpt2")!.RamRequired);
        Assert.Equal(14.65, DefaultCatalog.Find("microsoft/Phi-3-mini-4k-instruct")!.RamRequired);
    }

    [Theory]
    [InlineData("openai-community/gpt2", "text-generation", false, null)]
    [InlineData("microsoft/Phi-3-mini-4k-instruct", "text-generation", true, null)]
    [InlineData("Qwen/Qwen2-7B-Instruct", "text-generation", true, null)]
    [InlineData("Nexusflow/NexusRaven-V2-13B", "text-generation", false, "pythonic")]
    [InlineData("Qwen/Qwen2.5-7B-Instruct", "text-generation", true, "hermes")]
    [InlineData("NousResearch/Hermes-3-Llama-3.1-8B", "text-generation", true, "hermes")]
    [InlineData("meta-llama/Llama-3.1-8B-Instruct", "text-generation", true, "llama3")]
    [InlineData("mistralai/Mistral-7B-Instruct-v0.3", "text-generation", true, "mistral")]
    [InlineData("google/gemma-3-4b-it", "image-text-to-text", true, null)]
    [InlineData("Qwen/Qwen3-4B", "chat", true, null)]
    [InlineData("Qwen/Qwen2-Audio-7B-Instruct", "audio-text-to-text", true, null)]
    [InlineData("llava-hf/LLaVA-NeXT-Video-7B-hf", "video-text-to-text", true, null)]
    [InlineData("openai/gpt-4o", "chat", true, null)]
    [InlineData("dslim/bert-base-NER", "token-classification", false, null)]
    [InlineData("sentence-transformers/all-MiniLM-L6-v2", "sentence-similarity", false, null)]
    [InlineData("Salesforce/SFR-Embedding-2_R", "feature-extraction", false, null)]
    [InlineData("afshr/cam_finetune", "unconditional-image-generation", false, null)]
    [InlineData("BilelDJ/clip-hugging-face-finetuned", "zero-shot-image-classification", false, null)]
    public void Catalog_entries_match_the_seed(string modelId, string task, bool isChat, string? toolFormat)
    {
        EmulatedModel model = Emulate.Model(modelId);
        Assert.Equal(task, model.Task);
        Assert.Equal(isChat, model.IsChat);
        Assert.Equal(toolFormat, model.ToolFormat);
    }

    [Fact]
    public void Only_bge_small_returns_token_embeddings()
    {
        Assert.Equal(["BAAI/bge-small-en-v1.5"], DefaultCatalog.Models.Where(m => m.TokenEmbeddings).Select(m => m.ModelId));
    }

    [Fact]
    public void Every_seed_example_model_is_in_the_catalog()
    {
        foreach (object[] row in SeedExamples.All)
        {
            Assert.NotNull(DefaultCatalog.Find((string)row[0]));
        }

        Assert.Equal(DefaultCatalog.Models.Count, SeedExamples.All.Count());
    }

    [Fact]
    public void Unknown_task_runs_fail_as_input_errors()
    {
        var model = new EmulatedModel("acme/unknown", "telepathy");
        Assert.False(TaskBehaviors.IsSupported("telepathy"));
        var request = new EmulatorRunRequest(model, "hi", [], [], false);
        var ex = Assert.Throws<EmulatorInputException>(() => TaskBehaviors.For(model).Run(request));
        Assert.Contains("telepathy", ex.Message, StringComparison.Ordinal);
        Assert.Null(TaskBehaviors.For(model).Stream(request));
    }
}
