using System.Net;
using System.Text.Json;

namespace Bytez.AI.Tests.Protocol;

/// <summary>The typed accessors read every documented v1 shape and the v2 shapes, and explain wrong shapes.</summary>
public sealed class RunResultTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static BytezRunResult FromJson(string json) => new(JsonDocument.Parse(json).RootElement.Clone(), "org/model");

    [Theory]
    [InlineData("v1-run-text-generation.json", "Once upon a time there was a little cottage by the sea.")]
    [InlineData("v2-run-text-generation.json", "Once upon a time there was a beautiful home where a family of four lived.")]
    [InlineData("v1-run-chat.json", "The capital of England is London.")]
    [InlineData("v2-run-chat.json", "The capital of England is London.")]
    public void GetGeneratedText_reads_v1_and_v2_shapes(string fixture, string expected) =>
        Assert.Equal(expected, RunResult(fixture).GetGeneratedText());

    [Fact]
    public void GetChatMessages_returns_the_whole_v1_conversation()
    {
        var messages = RunResult("v1-run-chat.json").GetChatMessages();

        Assert.Equal(
            [
                new BytezChatMessage("system", "You are a friendly chatbot"),
                new BytezChatMessage("user", "What is the capital of England?"),
                new BytezChatMessage("assistant", "The capital of England is London."),
            ],
            messages);
    }

    [Theory]
    [InlineData("v1-run-chat.json")]
    [InlineData("v2-run-chat.json")]
    [InlineData("v2-run-chat-closed-source.json")]
    public void GetAssistantMessage_returns_the_reply(string fixture) =>
        Assert.Equal(new BytezChatMessage("assistant", "The capital of England is London."), RunResult(fixture).GetAssistantMessage());

    [Fact]
    public void An_echoed_history_is_read_for_its_last_message_only()
    {
        // 20 000 echoed messages, the first of them not even a message: only the last one is read (and built).
        var history = string.Join(",", Enumerable.Range(0, 20_000).Select(i => i == 0 ? "42" : $$"""{"role":"user","content":"turn {{i}}"}"""));
        var result = FromJson($$"""{"output":[{"generated_text":[{{history}},{"role":"assistant","content":"The last word."}]}]}""");

        Assert.Equal(new BytezChatMessage("assistant", "The last word."), result.GetAssistantMessage());
        Assert.Equal("The last word.", result.GetGeneratedText());
        Assert.Equal("The last word.", result.GetText());
    }

    [Fact]
    public void The_provider_reply_of_a_closed_source_model_is_kept()
    {
        var result = RunResult("v2-run-chat-closed-source.json");

        var provider = result.Provider!.Value;
        Assert.Equal("chat.completion", provider.GetProperty("object").GetString());
        Assert.Equal(32, provider.GetProperty("usage").GetProperty("total_tokens").GetInt32());
        Assert.Equal(result.GetAssistantMessage().Content, provider.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
        Assert.Null(RunResult("v2-run-chat.json").Provider);
        Assert.Null(RunResult("v1-run-chat.json").Provider);
    }

    [Theory]
    [InlineData("v2-run-sentence-similarity.json", 4)]
    [InlineData("v2-run-image-feature-extraction.json", 4)]
    [InlineData("v1-run-sentence-similarity.json", 4)]
    public void GetEmbedding_reads_the_v2_fixtures_flat_or_nested(string fixture, int length)
    {
        var result = RunResult(fixture);
        Assert.Equal(length, result.GetEmbedding().Length);
    }

    [Fact]
    public void Content_blocks_are_joined_as_text()
    {
        var result = FromJson("""{"output":{"role":"assistant","content":[{"type":"text","text":"Hello"},{"type":"text","text":" world"}]}}""");
        Assert.Equal("Hello world", result.GetAssistantMessage().Content);
    }

    [Fact]
    public void GetChatMessages_on_plain_text_output_explains_the_shape()
    {
        var ex = Assert.Throws<BytezProtocolException>(() => RunResult("v1-run-text-generation.json").GetChatMessages());

        Assert.StartsWith("Unexpected Bytez run result for chat messages of 'org/model': expected output[0].generated_text as an array", ex.Message, StringComparison.Ordinal);
        Assert.Contains("found output is an array of 1 item(s), the first being an object", ex.Message, StringComparison.Ordinal);
        Assert.Equal("org/model", ex.ModelId);
    }

    [Theory]
    [InlineData("v1-run-feature-extraction.json", new[] { 0.0123f, -0.0456f, 0.0789f, 0.0012f })]
    [InlineData("v1-run-sentence-similarity.json", new[] { 0.0311f, -0.0129f, 0.0874f, -0.0452f })]
    [InlineData("v2-run-feature-extraction.json", new[] { 0.0123f, -0.0456f, 0.0789f, 0.0012f })]
    [InlineData("v2-run-sentence-similarity.json", new[] { 0.0311f, -0.0129f, 0.0874f, -0.0452f })]
    public void GetEmbedding_reads_flat_and_wrapped_vectors(string fixture, float[] expected) =>
        Assert.Equal(expected, RunResult(fixture).GetEmbedding());

    [Fact]
    public void GetEmbedding_mean_pools_a_token_matrix()
    {
        var vector = RunResult("v2-run-image-feature-extraction.json").GetEmbedding();

        Assert.Equal([0.22f, 0.445f, 0.9f, 0.66f], vector, (a, b) => Math.Abs(a - b) < 1e-6);
    }

    [Fact]
    public void GetEmbedding_unwraps_deeper_nesting_by_taking_the_first_element()
    {
        var vector = FromJson("""{"output":[[[[1,2],[3,4]]],[[[100,100]]]]}""").GetEmbedding();

        Assert.Equal([2f, 3f], vector);
    }

    [Theory]
    [InlineData("""{"output":"hello"}""", "output is a string")]
    [InlineData("""{"output":[]}""", "output is an empty array")]
    [InlineData("""{"output":[[1,2],[3]]}""", "output[1] is an array of 1 item(s)")]
    [InlineData("""{"output":[1,"x"]}""", "output[1] is a string")]
    [InlineData("""{"output_png":"x"}""", "no output member (the body is an object with members output_png)")]
    public void GetEmbedding_rejects_wrong_shapes_saying_what_was_found(string json, string found)
    {
        var ex = Assert.Throws<BytezProtocolException>(() => FromJson(json).GetEmbedding());

        Assert.Contains("expected a", ex.Message, StringComparison.Ordinal);
        Assert.Contains(found, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"output":[{"summary_text":"short"}]}""", "short")]
    [InlineData("""{"output":[{"translation_text":"bonjour"}]}""", "bonjour")]
    [InlineData("""{"output":[{"generated_text":"gen"}]}""", "gen")]
    [InlineData("""{"error":null,"output":"plain"}""", "plain")]
    public void GetText_reads_summary_translation_and_generated_text(string json, string expected) =>
        Assert.Equal(expected, FromJson(json).GetText());

    [Theory]
    [InlineData("v1-run-asr.json")]
    [InlineData("v2-run-asr.json")]
    public void GetTranscription_reads_v1_and_v2(string fixture) =>
        Assert.Equal("GO DO YOU HEAR", RunResult(fixture).GetTranscription());

    [Theory]
    [InlineData("v1-run-zero-shot-classification.json")]
    [InlineData("v2-run-zero-shot-classification.json")]
    public void GetLabels_zips_parallel_labels_and_scores(string fixture)
    {
        var labels = RunResult(fixture).GetLabels();

        Assert.Equal(
            [new BytezLabelScore("travel", 0.9941), new BytezLabelScore("dancing", 0.0031), new BytezLabelScore("cooking", 0.0028)],
            labels);
    }

    [Fact]
    public void GetLabels_reads_flat_and_nested_lists()
    {
        var flat = FromJson("""{"output":[{"label":"cat","score":0.9},{"label":"dog","score":0.1}]}""").GetLabels();
        var nested = FromJson("""{"output":[[{"label":"dancing","score":0.8},{"label":"running","score":0.2}]]}""").GetLabels();
        var nullScore = FromJson("""{"output":[{"label":"shirt","score":null,"mask_png":"x"}]}""").GetLabels();

        Assert.Equal([new BytezLabelScore("cat", 0.9), new BytezLabelScore("dog", 0.1)], flat);
        Assert.Equal([new BytezLabelScore("dancing", 0.8), new BytezLabelScore("running", 0.2)], nested);
        Assert.True(double.IsNaN(Assert.Single(nullScore).Score));
    }

    [Fact]
    public void GetLabels_rejects_mismatched_parallel_arrays()
    {
        var ex = Assert.Throws<BytezProtocolException>(() => FromJson("""{"output":{"labels":["a","b"],"scores":[1]}}""").GetLabels());
        Assert.Contains("2 labels and 1 scores", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetPngBytes_decodes_top_level_output_png()
    {
        var png = RunResult("v1-run-text-to-image.json").GetPngBytes();

        Assert.Equal(PngSignature, png[..8]);
        Assert.Null(RunResult("v1-run-text-to-image.json").Output);
    }

    [Fact]
    public void GetPngBytes_decodes_a_v2_data_url()
    {
        Assert.Equal(PngSignature, RunResult("v2-run-text-to-image-data-url.json").GetPngBytes()[..8]);
    }

    [Fact]
    public void GetPngBytes_on_a_cdn_url_says_to_download_it_and_TryGetOutputUrl_reads_it()
    {
        var result = RunResult("v2-run-text-to-image.json");

        var ex = Assert.Throws<BytezProtocolException>(() => result.GetPngBytes());
        Assert.Contains("output is a URL (https://cdn.bytez.com/", ex.Message, StringComparison.Ordinal);
        Assert.True(result.TryGetOutputUrl(out var url));
        Assert.Equal("cdn.bytez.com", url.Host);
        Assert.False(RunResult("v1-run-text-to-image.json").TryGetOutputUrl(out _));
    }

    [Fact]
    public void GetWavBytes_decodes_top_level_output_wav()
    {
        var wav = RunResult("v1-run-text-to-speech.json").GetWavBytes();

        Assert.Equal("RIFF"u8.ToArray(), wav[..4]);
        Assert.Equal("WAVE"u8.ToArray(), wav[8..12]);
    }

    [Fact]
    public void GetMp4Bytes_decodes_top_level_output_mp4_and_data_urls()
    {
        var bytes = new byte[] { 0, 0, 0, 24, (byte)'f', (byte)'t', (byte)'y', (byte)'p' };
        var b64 = Convert.ToBase64String(bytes);

        Assert.Equal(bytes, FromJson($$"""{"output_mp4":"{{b64}}"}""").GetMp4Bytes());
        Assert.Equal(bytes, FromJson($$"""{"output":"data:video/mp4;base64,{{b64}}"}""").GetMp4Bytes());
    }

    [Fact]
    public void Invalid_base64_media_is_a_protocol_error()
    {
        var ex = Assert.Throws<BytezProtocolException>(() => FromJson("""{"output_png":"not base64!!"}""").GetPngBytes());

        Assert.IsType<FormatException>(ex.InnerException);
        Assert.Contains("output_png is not valid base64", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_media_says_which_member_was_expected()
    {
        var ex = Assert.Throws<BytezProtocolException>(() => RunResult("v1-run-text-generation.json").GetWavBytes());

        Assert.Contains("expected a top-level 'output_wav' (base64) or a 'data:audio/...;base64,' output", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_accessor_names_expected_and_found_shapes()
    {
        var ex = Assert.Throws<BytezProtocolException>(() => RunResult("v1-run-asr.json").GetGeneratedText());

        Assert.Contains("expected output[0].generated_text (a string) or a string output, found output is an object with members text", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_result_keeps_the_raw_body_and_output()
    {
        var client = TestClients.Create(new RecordingHandler(_ => RecordingHandler.Fixture(HttpStatusCode.OK, "v1-run-chat.json")));

        var result = await client.GetModel("microsoft/Phi-3-mini-4k-instruct").RunAsync(BytezInput.FromMessages([new("user", "hi")]));

        Assert.Equal(JsonValueKind.Object, result.RawRepresentation.ValueKind);
        Assert.Equal(JsonValueKind.Array, result.Output!.Value.ValueKind);
        Assert.Equal("The capital of England is London.", result.GetAssistantMessage().Content);
    }

    /// <summary>Reads a wire fixture as the run result of <c>org/model</c>.</summary>
    private static BytezRunResult RunResult(string fixture) => new(WireFixtures.Json(fixture), "org/model");
}
