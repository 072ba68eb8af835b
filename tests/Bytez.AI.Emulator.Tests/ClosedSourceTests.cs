using System.Net;
using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors;

namespace Bytez.AI.Emulator.Tests;

/// <summary>
/// The closed-source models of the default catalog (wire reference §3.9): v2 only, <c>{role, content}</c> in
/// <c>output</c> plus the provider's own reply in <c>provider</c>, the <c>provider-key</c> header recorded (redacted)
/// in the request log, Cohere refusing calls without it; and the v2 reference's example models.
/// </summary>
public sealed class ClosedSourceTests
{
    private const string ProviderKey = "sk-provider-SECRET-4242";

    private static Task<Harness> StartDefaultAsync() => Harness.StartAsync(o =>
    {
        o.Models = [.. DefaultCatalog.Models];
        o.BehaviorResolver = TaskBehaviors.For;
    });

    private static async Task<(HttpStatusCode Status, JsonNode? Body)> RunAsync(Harness h, string modelId, string? providerKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "models/v2/" + modelId)
        {
            Content = new StringContent("""{"messages":[{"role":"user","content":"What is the capital of England?"}]}""", System.Text.Encoding.UTF8, "application/json"),
        };
        if (providerKey is not null)
        {
            request.Headers.TryAddWithoutValidation("provider-key", providerKey);
        }

        using var response = await h.Http.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("openai/gpt-4o", "object", "chat.completion")]
    [InlineData("mistral/mistral-small-latest", "object", "chat.completion")]
    [InlineData("anthropic/claude-3-haiku-20240307", "type", "message")]
    [InlineData("cohere/command-r", "finish_reason", "COMPLETE")]
    public async Task Closed_source_chat_answers_the_message_and_the_providers_own_reply(string modelId, string member, string value)
    {
        await using var h = await StartDefaultAsync();

        var (status, body) = await RunAsync(h, modelId, ProviderKey);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(body!["error"]);
        Assert.Equal("assistant", (string?)body["output"]!["role"]);
        var content = (string?)body["output"]!["content"];
        Assert.Contains("London", content, StringComparison.Ordinal);
        Assert.Equal(value, (string?)body["provider"]![member]);
        Assert.Contains(content!, body["provider"]!.ToJsonString(), StringComparison.Ordinal);

        var entry = Assert.Single(h.Emulator.RequestLog.Entries);
        Assert.Equal("***", entry.ProviderKey);
        Assert.DoesNotContain(ProviderKey, entry.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Google_replies_with_candidates_and_needs_no_provider_key()
    {
        await using var h = await StartDefaultAsync();

        var (status, body) = await RunAsync(h, "google/gemini-2.0-flash", null);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((string?)body!["output"]!["content"], (string?)body["provider"]!["candidates"]![0]!["content"]!["parts"]![0]!["text"]);
        Assert.Null(Assert.Single(h.Emulator.RequestLog.Entries).ProviderKey);
    }

    [Fact]
    public async Task Cohere_without_a_provider_key_is_401_naming_the_header()
    {
        await using var h = await StartDefaultAsync();

        var (status, body) = await RunAsync(h, "cohere/command-r", null);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("provider-key", (string?)body!["error"], StringComparison.Ordinal);
        Assert.Null(body["output"]);
    }

    [Fact]
    public async Task Closed_source_models_do_not_exist_in_v1()
    {
        await using var h = await StartDefaultAsync();

        var (listStatus, list) = await h.GetAsync("model/list");
        var (runStatus, _) = await h.PostAsync("model/load", """{"model":"openai/gpt-4o"}""");

        Assert.Equal(HttpStatusCode.OK, listStatus);
        string[] listed = [.. list!.AsArray().Select(m => (string)m!["modelId"]!)];
        string[] closedSource = [.. DefaultCatalog.Models.Where(m => m.Provider is not null).Select(m => m.ModelId)];
        Assert.NotEmpty(closedSource);
        Assert.Empty(listed.Intersect(closedSource, StringComparer.Ordinal));

        // Bytez's open models of the openai organisation are Hugging Face models like any other, and v1 serves them.
        Assert.Contains("openai/whisper-large-v3", listed);
        Assert.Equal(HttpStatusCode.NotFound, runStatus);
    }

    [Theory]
    [InlineData("Qwen/Qwen3-4B", "chat")]
    [InlineData("google/gemma-3-4b-it", "image-text-to-text")]
    [InlineData("Qwen/Qwen2-Audio-7B-Instruct", "audio-text-to-text")]
    [InlineData("llava-hf/LLaVA-NeXT-Video-7B-hf", "video-text-to-text")]
    [InlineData("openai/gpt-4o", "chat")]
    public async Task The_reference_example_models_are_listed_with_their_v2_task(string modelId, string task)
    {
        await using var h = await StartDefaultAsync();

        var (_, body) = await h.GetAsync("models/v2/list/models?modelId=" + Uri.EscapeDataString(modelId));

        var item = Assert.Single(body!["output"]!.AsArray());
        Assert.Equal(task, (string?)item!["task"]);
    }

    [Theory]
    [InlineData("nomic-ai/nomic-embed-text-v1.5", 768)]
    [InlineData("sentence-transformers/all-MiniLM-L6-v2", 384)]
    public async Task Embedding_models_answer_vectors_of_their_real_width(string modelId, int width)
    {
        await using var h = await StartDefaultAsync();

        var (_, body) = await h.PostAsync("models/v2/" + modelId, """{"text":"search_document: Turn this text into a vector"}""");

        Assert.Equal(width, body!["output"]!.AsArray().Count);
    }
}
