using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors;

namespace Bytez.AI.Emulator.Tests.Behaviors;

public sealed class V2OutputMapperTests
{
    private readonly List<(byte[] Bytes, string ContentType)> _published = [];

    [Fact]
    public void Chat_becomes_the_assistant_message()
    {
        JsonNode? output = Map("microsoft/Phi-3-mini-4k-instruct", """{"input": [{"role": "user", "content": "What is the capital of England?"}]}""");
        Assert.Equal("""{"role":"assistant","content":"The capital of England is London."}""", output!.ToJsonString());
    }

    [Theory]
    [InlineData("openai-community/gpt2", """{"input": "Once upon a time", "params": {"max_new_tokens": 2}}""")]
    [InlineData("ainize/bart-base-cnn", """{"input": "First sentence. Second one."}""")]
    [InlineData("Helsinki-NLP/opus-mt-en-zh", """{"input": "Hello"}""")]
    [InlineData("google/flan-t5-base", """{"input": "What is 2+2?"}""")]
    [InlineData("Salesforce/blip-image-captioning-base", """{"input": "https://example.com/cat.jpg"}""")]
    [InlineData("facebook/data2vec-audio-base-960h", $$"""{"b64AudioBufferWav": "{{SeedExamples.SilentWav}}"}""")]
    public void Text_tasks_become_plain_strings(string modelId, string body)
    {
        JsonNode? output = Map(modelId, body);
        Assert.Equal(System.Text.Json.JsonValueKind.String, output!.GetValueKind());
        Assert.NotEmpty(output.GetValue<string>());
    }

    [Fact]
    public void Text_generation_string_keeps_the_prompt()
    {
        Assert.StartsWith("Once upon a time ", Map("openai-community/gpt2", """{"input": "Once upon a time"}""")!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Video_classification_and_feature_extraction_are_flattened_one_level()
    {
        JsonArray labels = Map("ahmedabdo/video-classifier", """{"input": "https://example.com/video.mp4"}""")!.AsArray();
        Assert.Equal(System.Text.Json.JsonValueKind.Object, labels[0]!.GetValueKind());

        JsonArray vector = Map("nomic-ai/nomic-embed-text-v1.5", """{"input": "hello world"}""")!.AsArray();
        Assert.Equal(768, vector.Count);
        Assert.Equal(System.Text.Json.JsonValueKind.Number, vector[0]!.GetValueKind());

        JsonArray matrix = Map("BAAI/bge-small-en-v1.5", """{"input": "hello world"}""")!.AsArray();
        Assert.Equal(2, matrix.Count);
    }

    [Theory]
    [InlineData("dreamlike-art/dreamlike-photoreal-2.0", "image/png")]
    [InlineData("suno/bark-small", "audio/wav")]
    [InlineData("ali-vilab/text-to-video-ms-1.7b", "video/mp4")]
    public void Media_is_published_and_replaced_by_its_url(string modelId, string contentType)
    {
        JsonNode? output = Map(modelId, """{"input": "A cat"}""");
        Assert.Equal("https://cdn.example/0", output!.GetValue<string>());
        (byte[] bytes, string type) = Assert.Single(_published);
        Assert.Equal(contentType, type);
        Assert.NotEmpty(bytes);
    }

    [Theory]
    [InlineData("facebook/bart-large-mnli", """{"text": "One day I will see the world", "candidate_labels": ["travel", "cooking"]}""")]
    [InlineData("deepset/roberta-base-squad2", """{"question": "Where does Holly live?", "context": "My name is Holly and I live in NYC"}""")]
    [InlineData("sentence-transformers/all-MiniLM-L6-v2", """{"input": "hi there"}""")]
    public void Other_outputs_are_unchanged(string modelId, string body)
    {
        JsonObject v1 = Emulate.Run(modelId, body);
        JsonNode? output = V2OutputMapper.V2Output(Emulate.Model(modelId), v1, Publish);
        Assert.Equal(v1["output"]!.ToJsonString(), output!.ToJsonString());
    }

    [Fact]
    public void Unexpected_shapes_pass_through()
    {
        var v1 = new JsonObject { ["output"] = "scripted" };
        Assert.Equal("scripted", V2OutputMapper.V2Output(Emulate.Model("openai-community/gpt2"), v1, Publish)!.GetValue<string>());
        Assert.Null(V2OutputMapper.V2Output(Emulate.Model("openai-community/gpt2"), [], Publish));
    }

    private JsonNode? Map(string modelId, string body) => V2OutputMapper.V2Output(Emulate.Model(modelId), Emulate.Run(modelId, body), Publish);

    private string Publish(byte[] bytes, string contentType)
    {
        _published.Add((bytes, contentType));
        return $"https://cdn.example/{_published.Count - 1}";
    }
}
