using System.Text.Json.Nodes;
using Bytez.AI.Emulator;
using Bytez.AI.Tests.Integration;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Tests.ChatCompletion;

/// <summary>
/// Images, audio and video in chat messages: content blocks for the v2 <c>*-text-to-text</c> models, and a
/// <see cref="NotSupportedException"/> before the run, naming where media goes, for any other model, generation or kind.
/// </summary>
public sealed class MultimodalChatTests
{
    private const string Gemma = "google/gemma-3-4b-it";
    private const string QwenAudio = "Qwen/Qwen2-Audio-7B-Instruct";
    private const string Llava = "llava-hf/LLaVA-NeXT-Video-7B-hf";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_image_by_bytes_or_url_goes_to_an_image_text_to_text_model_as_content_blocks(bool streaming)
    {
        await using var emulator = await EmulatorFixture.StartAsync(BytezApiVersion.V2);
        using var chat = emulator.Client.GetModel(Gemma).AsIChatClient();
        byte[] png = TestMedia.GradientPng();
        ChatMessage[] messages =
        [
            new(ChatRole.User, [new TextContent("What is in this picture?"), new DataContent(png, "image/png")]),
            new(ChatRole.Assistant, "A gradient."),
            new(ChatRole.User, [new UriContent(new Uri("https://example.com/photos/cats.jpg"), "image/jpeg"), new TextContent("And this one?")]),
        ];

        var response = streaming ? await chat.GetStreamingResponseAsync(messages).ToChatResponseAsync() : await chat.GetResponseAsync(messages);

        Assert.Contains("cat", response.Text, StringComparison.OrdinalIgnoreCase);
        var sent = emulator.Log.RunBodies(Gemma).Single()["messages"]!.AsArray();
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse($$"""
                [
                  {"role":"user","content":[{"type":"text","text":"What is in this picture?"},{"type":"image","base64":"data:image/png;base64,{{Convert.ToBase64String(png)}}"}]},
                  {"role":"assistant","content":"A gradient."},
                  {"role":"user","content":[{"type":"image","url":"https://example.com/photos/cats.jpg"},{"type":"text","text":"And this one?"}]}
                ]
                """),
            sent));
    }

    [Fact]
    public async Task Audio_goes_to_an_audio_text_to_text_model_and_video_to_a_video_text_to_text_model()
    {
        await using var emulator = await EmulatorFixture.StartAsync(BytezApiVersion.V2);
        using var audio = emulator.Client.GetModel(QwenAudio).AsIChatClient();
        using var video = emulator.Client.GetModel(Llava).AsIChatClient();

        var heard = await audio.GetResponseAsync([new(ChatRole.User, [new TextContent("What is said?"), new DataContent(TestMedia.ToneWav(), "audio/wav")])]);
        var seen = await video.GetResponseAsync([new(ChatRole.User, [new TextContent("What happens?"), new UriContent(new Uri("https://example.com/clip.mp4"), "video/mp4")])]);

        Assert.StartsWith("The audio says", heard.Text, StringComparison.Ordinal);
        Assert.StartsWith("The video shows", seen.Text, StringComparison.Ordinal);
        Assert.Equal("audio", (string?)emulator.Log.RunBodies(QwenAudio).Single()["messages"]![0]!["content"]![1]!["type"]);
        Assert.Equal("video", (string?)emulator.Log.RunBodies(Llava).Single()["messages"]![0]!["content"]![1]!["type"]);
    }

    [Theory]
    [InlineData(TestModels.TextGeneration, "text-generation", "image/png")]
    [InlineData("Qwen/Qwen3-4B", "chat", "image/png")]
    [InlineData(Gemma, "image-text-to-text", "audio/wav")]
    [InlineData(QwenAudio, "audio-text-to-text", "video/mp4")]
    public async Task Media_for_a_model_of_another_task_fails_before_the_run_naming_the_models_that_take_it(string modelId, string task, string mediaType)
    {
        await using var emulator = await EmulatorFixture.StartAsync(BytezApiVersion.V2);
        using var chat = emulator.Client.GetModel(modelId).AsIChatClient();
        ChatMessage[] messages = [new(ChatRole.User, [new TextContent("What is this?"), new DataContent(new byte[] { 1, 2, 3 }, mediaType)])];

        var ex = await Assert.ThrowsAsync<NotSupportedException>(() => chat.GetResponseAsync(messages));
        await Assert.ThrowsAsync<NotSupportedException>(() => chat.GetStreamingResponseAsync(messages).ToListAsync().AsTask());

        Assert.Contains($"task '{task}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(mediaType, ex.Message, StringComparison.Ordinal);
        Assert.Contains("image-text-to-text models (such as google/gemma-3-4b-it)", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, emulator.Log.RunCount());

        // The one request is the model lookup that learns its task, made once per client and model.
        Assert.Equal(EmulatorRequestKind.V2ListModels, Assert.Single(emulator.Log.Entries).Kind);
    }

    [Fact]
    public async Task On_v1_media_fails_before_any_request_naming_ApiVersion_V2()
    {
        await using var emulator = await EmulatorFixture.StartAsync(BytezApiVersion.V1);
        using var chat = emulator.Client.GetModel(Gemma).AsIChatClient();

        var ex = await Assert.ThrowsAsync<NotSupportedException>(
            () => chat.GetResponseAsync([new(ChatRole.User, [new TextContent("What is this?"), new DataContent(TestMedia.GradientPng(), "image/png")])]));

        Assert.Contains("BytezClientOptions.ApiVersion = BytezApiVersion.V2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("image/png", ex.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.Log.Entries);
    }

    public static TheoryData<string, AIContent> UnsendableMedia() => new()
    {
        { "images, audio and video only", new DataContent(new byte[] { 1, 2, 3 }, "application/pdf") },
        { "Bytez hosts no files", new HostedFileContent("file-123") },
        { "public http(s) URL", new UriContent(new Uri("ftp://example.com/cat.png"), "image/png") },
    };

    [Theory]
    [MemberData(nameof(UnsendableMedia))]
    public async Task Media_that_cannot_be_sent_fails_before_any_request(string reason, AIContent media)
    {
        await using var emulator = await EmulatorFixture.StartAsync(BytezApiVersion.V2);
        using var chat = emulator.Client.GetModel(Gemma).AsIChatClient();

        var ex = await Assert.ThrowsAsync<NotSupportedException>(() => chat.GetResponseAsync([new(ChatRole.User, [new TextContent("What is this?"), media])]));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.Log.Entries);
    }

    [Fact]
    public async Task A_prompt_input_mode_cannot_carry_media()
    {
        await using var emulator = await EmulatorFixture.StartAsync(BytezApiVersion.V2);
        using var chat = emulator.Client.GetModel(Gemma).AsIChatClient(new BytezChatClientOptions { InputMode = BytezChatInputMode.Prompt });

        var ex = await Assert.ThrowsAsync<NotSupportedException>(
            () => chat.GetResponseAsync([new(ChatRole.User, [new TextContent("What is this?"), new DataContent(TestMedia.GradientPng(), "image/png")])]));

        Assert.Contains("InputMode = Prompt", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, emulator.Log.RunCount());
    }
}
