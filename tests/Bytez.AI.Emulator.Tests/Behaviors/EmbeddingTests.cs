using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors.Text;

namespace Bytez.AI.Emulator.Tests.Behaviors;

public sealed class EmbeddingTests
{
    private const string MiniLm = "sentence-transformers/all-MiniLM-L6-v2";

    [Fact]
    public void Sentence_similarity_returns_a_flat_unit_vector_of_384()
    {
        JsonArray output = Emulate.Output(MiniLm, """{"input": "What is the weather like today?"}""").AsArray();
        float[] vector = Emulate.Floats(output);
        Assert.Equal(384, vector.Length);
        Assert.Equal(1.0, Math.Sqrt(vector.Sum(v => v * (double)v)), 4);
    }

    [Theory]
    [InlineData("Salesforce/SFR-Embedding-2_R", 4096)]
    [InlineData("nomic-ai/nomic-embed-text-v1.5", 768)]
    public void Feature_extraction_wraps_the_vector_of_the_models_real_width(string modelId, int width)
    {
        JsonArray output = Emulate.Output(modelId, """{"input": "Your text for feature extraction goes here..."}""").AsArray();
        JsonArray embedding = Assert.IsType<JsonArray>(Assert.Single(output));
        float[] vector = Emulate.Floats(embedding);
        Assert.Equal(width, vector.Length);
        Assert.Equal(1.0, Math.Sqrt(vector.Sum(v => v * (double)v)), 4);
    }

    [Fact]
    public void Related_sentences_score_higher_than_unrelated_ones()
    {
        float[] cat = Embed("The cat sat on the mat");
        float[] paraphrase = Embed("A cat was sitting on a mat");
        float[] revenue = Embed("Quarterly revenue grew 5%");
        double related = Emulate.Cosine(cat, paraphrase);
        double unrelated = Emulate.Cosine(cat, revenue);
        Assert.True(related > 0.5, $"related {related}");
        Assert.True(unrelated < 0.2, $"unrelated {unrelated}");
        Assert.True(related > unrelated + 0.3);
    }

    [Fact]
    public void Single_words_cluster_by_concept()
    {
        float[] dog = Embed("dog"), cat = Embed("cat"), fork = Embed("fork"), spoon = Embed("spoon");
        double dogCat = Emulate.Cosine(dog, cat), forkSpoon = Emulate.Cosine(fork, spoon);
        foreach (double cross in new[] { Emulate.Cosine(dog, fork), Emulate.Cosine(dog, spoon), Emulate.Cosine(cat, fork), Emulate.Cosine(cat, spoon) })
        {
            Assert.True(dogCat > cross, $"dog/cat {dogCat} vs {cross}");
            Assert.True(forkSpoon > cross, $"fork/spoon {forkSpoon} vs {cross}");
        }
    }

    [Fact]
    public void Plurals_fold_and_tool_descriptions_match_queries()
    {
        Assert.Equal(Embed("cats"), Embed("cat"));
        float[] query = Embed("Please translate 'good evening' into French.");
        double translate = Emulate.Cosine(query, Embed("Translates text between human languages."));
        double math = Emulate.Cosine(query, Embed("Solves basic math problems."));
        Assert.True(translate > math);
    }

    [Fact]
    public void Embeddings_are_deterministic_and_text_sensitive()
    {
        Assert.Equal(Embed("Red, White, and Blue"), Embed("Red, White, and Blue"));
        Assert.NotEqual(Embed("Red, White, and Blue"), Embed("Red, White, and Blue... and Green"));
        float[] empty = Embed("the of and");
        Assert.Equal(1.0, Math.Sqrt(empty.Sum(v => v * (double)v)), 4);
    }

    [Fact]
    public void Token_embedding_model_returns_one_unit_vector_per_content_word()
    {
        JsonArray output = Emulate.Output("BAAI/bge-small-en-v1.5", """{"input": "The cat sat on the mat"}""").AsArray();
        JsonArray matrix = Assert.IsType<JsonArray>(Assert.Single(output));
        Assert.Equal(3, matrix.Count); // cat, sat, mat
        float[][] rows = matrix.Select(r => Emulate.Floats(r!)).ToArray();
        Assert.All(rows, r =>
        {
            Assert.Equal(384, r.Length);
            Assert.Equal(1.0, Math.Sqrt(r.Sum(v => v * (double)v)), 4);
        });

        float[] mean = Enumerable.Range(0, 384).Select(i => rows.Average(r => r[i])).ToArray();
        Assert.True(Emulate.Cosine(mean, TextEmbedder.Embed("The cat sat on the mat")) > 0.99);
    }

    [Fact]
    public void Image_feature_extraction_returns_an_array_of_vectors_near_the_caption()
    {
        JsonArray output = Emulate.Output("nomic-ai/nomic-embed-vision-v1", """{"input": "https://example.com/photos/cats.jpg"}""").AsArray();
        Assert.All(output, v => Assert.IsType<JsonArray>(v));
        float[] vector = Emulate.Floats(output[0]!);

        // nomic-embed-vision-v1 shares nomic-embed-text-v1.5's 768-dimension space, so images compare with its texts.
        Assert.Equal(768, vector.Length);
        Assert.Equal(1.0, Math.Sqrt(vector.Sum(v => v * (double)v)), 4);
        Assert.True(Emulate.Cosine(vector, EmbedNomic("cat")) > Emulate.Cosine(vector, EmbedNomic("quarterly revenue")));

        float[] other = Emulate.Floats(Emulate.Output("nomic-ai/nomic-embed-vision-v1", """{"input": "https://example.com/photos/cats2.jpg"}""")[0]!);
        Assert.NotEqual(vector, other);
    }

    private static float[] EmbedNomic(string text) =>
        Emulate.Floats(Emulate.Output("nomic-ai/nomic-embed-text-v1.5", $$"""{"input": {{JsonValue.Create(text).ToJsonString()}}}""").AsArray()[0]!);

    private static float[] Embed(string text) =>
        Emulate.Floats(Emulate.Output(MiniLm, $$"""{"input": {{JsonValue.Create(text).ToJsonString()}}}"""));
}
