using System.Drawing;
using Bytez.AI.Tests.Reliability.Infrastructure;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Tests.Reliability;

/// <summary>Bad input fails before any network call, with an exception whose message names the fix.</summary>
public sealed class ValidationTests : IDisposable
{
    private readonly StubHandler _network = new((_, _) => throw new InvalidOperationException("No request may be sent."));
    private readonly BytezClient _client;

    public ValidationTests() => _client = _network.Client();

    public void Dispose() => _client.Dispose();

    private static readonly ChatMessage[] Hello = [new(ChatRole.User, "Hello")];

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("gpt2")]
    [InlineData("/gpt2")]
    [InlineData("openai-community/")]
    [InlineData("a/b/c")]
    [InlineData("openai community/gpt2")]
    public void A_malformed_model_id_is_refused(string modelId)
    {
        Assert.ThrowsAny<ArgumentException>(() => _client.GetModel(modelId));
        Assert.Empty(_network.Requests);
    }

    public static TheoryData<string, BytezLoadOptions> BadLoadOptions() => new()
    {
        { "Concurrency", new BytezLoadOptions { Concurrency = 0 } },
        { "Concurrency", new BytezLoadOptions { Concurrency = -3 } },
        { "Concurrency", new BytezLoadOptions { Concurrency = 1001 } },
        { "IdleTimeout", new BytezLoadOptions { IdleTimeout = TimeSpan.Zero } },
        { "IdleTimeout", new BytezLoadOptions { IdleTimeout = TimeSpan.FromSeconds(-5) } },
        { "PollInterval", new BytezLoadOptions { PollInterval = TimeSpan.FromMilliseconds(-1) } },
        { "LoadTimeout", new BytezLoadOptions { LoadTimeout = TimeSpan.Zero } },
        { "LoadTimeout", new BytezLoadOptions { LoadTimeout = TimeSpan.FromSeconds(-1) } },
    };

    [Theory]
    [MemberData(nameof(BadLoadOptions))]
    public async Task Absurd_load_options_are_refused_by_LoadAsync_and_by_the_adapters(string member, BytezLoadOptions options)
    {
        var model = _client.GetModel(TestModels.Chat);

        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => model.LoadAsync(options));
        Assert.Contains("BytezLoadOptions." + member, ex.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => model.StartAsync(options));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.AsIEmbeddingGenerator(new() { LoadOptions = options }));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.AsIImageGenerator(new() { LoadOptions = options }));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.AsIChatClient(new() { LoadOptions = options }));
        Assert.Empty(_network.Requests);
    }

    [Fact]
    public async Task A_null_or_empty_message_list_is_refused()
    {
        using var chat = _client.GetModel(TestModels.Chat).AsIChatClient();

        await Assert.ThrowsAsync<ArgumentNullException>(() => chat.GetResponseAsync((IEnumerable<ChatMessage>)null!));
        var empty = await Assert.ThrowsAsync<ArgumentException>(() => chat.GetResponseAsync([]));
        Assert.Contains("at least one message", empty.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => chat.GetStreamingResponseAsync([]).ToListAsync().AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => chat.GetResponseAsync([null!]));
        await Assert.ThrowsAsync<ArgumentException>(() => chat.GetResponseAsync([new ChatMessage(ChatRole.User, [new FunctionResultContent("c1", "x")]) { Contents = [] }]));
        Assert.Throws<ArgumentException>(() => BytezInput.FromMessages([]));
        Assert.Empty(_network.Requests);
    }

    [Theory]
    [InlineData("audio/wav")]
    [InlineData("video/mp4")]
    [InlineData("image/png")]
    [InlineData("application/pdf")]
    public async Task Media_a_text_model_cannot_take_is_refused(string mediaType)
    {
        using var chat = _client.GetModel(TestModels.Chat).AsIChatClient();
        ChatMessage[] messages = [new(ChatRole.User, [new TextContent("What is this?"), new DataContent(new byte[] { 1, 2, 3 }, mediaType)])];

        var ex = await Assert.ThrowsAsync<NotSupportedException>(() => chat.GetResponseAsync(messages));
        Assert.Contains(mediaType, ex.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<NotSupportedException>(() => chat.GetStreamingResponseAsync(messages).ToListAsync().AsTask());
        Assert.Empty(_network.Requests);
    }

    public static TheoryData<string, ChatOptions> BadChatOptions() => new()
    {
        { "MaxOutputTokens", new ChatOptions { MaxOutputTokens = -1 } },
        { "MaxOutputTokens", new ChatOptions { MaxOutputTokens = 0 } },
        { "Temperature", new ChatOptions { Temperature = -0.1f } },
        { "Temperature", new ChatOptions { Temperature = 100.5f } },
        { "Temperature", new ChatOptions { Temperature = float.NaN } },
        { "TopP", new ChatOptions { TopP = -0.01f } },
        { "TopP", new ChatOptions { TopP = 1.01f } },
        { "TopK", new ChatOptions { TopK = -1 } },
    };

    [Theory]
    [MemberData(nameof(BadChatOptions))]
    public async Task Absurd_chat_options_are_refused(string member, ChatOptions options)
    {
        using var chat = _client.GetModel(TestModels.Chat).AsIChatClient();

        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => chat.GetResponseAsync(Hello, options));
        Assert.Contains("ChatOptions." + member, ex.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => chat.GetStreamingResponseAsync(Hello, options).ToListAsync().AsTask());
        Assert.Empty(_network.Requests);
    }

    [Fact]
    public async Task A_malformed_model_id_in_chat_options_is_refused()
    {
        using var chat = _client.GetModel(TestModels.Chat).AsIChatClient();

        await Assert.ThrowsAsync<ArgumentException>(() => chat.GetResponseAsync(Hello, new ChatOptions { ModelId = "not a model" }));
        Assert.Empty(_network.Requests);
    }

    public static TheoryData<string, ImageGenerationOptions> BadImageOptions() => new()
    {
        { "Count", new ImageGenerationOptions { Count = 0 } },
        { "Count", new ImageGenerationOptions { Count = -2 } },
        { "Count", new ImageGenerationOptions { Count = 101 } },
        { "ImageSize", new ImageGenerationOptions { ImageSize = new Size(0, 512) } },
        { "ImageSize", new ImageGenerationOptions { ImageSize = new Size(512, -1) } },
        { "ImageSize", new ImageGenerationOptions { ImageSize = new Size(4097, 512) } },
        { "ImageSize", new ImageGenerationOptions { ImageSize = new Size(512, 10_000) } },
    };

    [Theory]
    [MemberData(nameof(BadImageOptions))]
    public async Task Absurd_image_options_are_refused(string member, ImageGenerationOptions options)
    {
        using var images = _client.GetModel(TestModels.TextToImage).AsIImageGenerator();

        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => images.GenerateAsync(new ImageGenerationRequest("a fox"), options));
        Assert.Contains("ImageGenerationOptions." + member, ex.Message, StringComparison.Ordinal);
        Assert.Empty(_network.Requests);
    }

    [Fact]
    public async Task Absurd_embedding_options_and_empty_inputs_are_refused()
    {
        using var embedder = _client.GetModel(TestModels.SentenceSimilarity).AsIEmbeddingGenerator();

        // Microsoft.Extensions.AI itself refuses Dimensions < 1 in the setter.
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => embedder.GenerateAsync(["text"], new EmbeddingGenerationOptions { Dimensions = 0 }));
        await Assert.ThrowsAsync<ArgumentException>(() => embedder.GenerateAsync([""]));
        Assert.Empty(_network.Requests);
    }
}
