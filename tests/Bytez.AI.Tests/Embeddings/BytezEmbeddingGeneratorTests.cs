using System.Diagnostics;
using System.Numerics.Tensors;
using System.Text.Json.Nodes;
using Bytez.AI.Emulator;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OpenTelemetry.Trace;

namespace Bytez.AI.Tests.Embeddings;

/// <summary>
/// The Bytez embedding generator against the emulator: M.E.AI's <c>EmbeddingGeneratorIntegrationTests</c> scenarios
/// plus Bytez specifics (parallelism and order, output shapes, dimensions, params, lifecycle), on each API generation.
/// </summary>
public sealed class BytezEmbeddingGeneratorTests
{
    private const string Model = TestModels.SentenceSimilarity;

    // ---- M.E.AI EmbeddingGeneratorIntegrationTests scenarios ----

    [Theory]
    [BothApiVersions]
    public async Task GenerateEmbedding_CreatesEmbeddingSuccessfully(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        using var generator = Create(env);

        GeneratedEmbeddings<Embedding<float>> embeddings = await generator.GenerateAsync(["Using AI with .NET"]);

        // Deviation from M.E.AI's scenario: Bytez reports no token counts, so Usage stays null (never invented).
        Assert.Null(embeddings.Usage);
        Embedding<float> embedding = Assert.Single(embeddings);
        Assert.Equal(generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId, embedding.ModelId);
        Assert.NotEmpty(embedding.Vector.ToArray());
        Assert.NotNull(embedding.CreatedAt);
    }

    [Theory]
    [BothApiVersions]
    public async Task GenerateEmbeddings_CreatesEmbeddingsSuccessfully(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        using var generator = Create(env);

        GeneratedEmbeddings<Embedding<float>> embeddings = await generator.GenerateAsync(["Red", "White", "Blue"]);

        Assert.Equal(3, embeddings.Count);
        Assert.Null(embeddings.Usage);
        Assert.All(embeddings, e =>
        {
            Assert.Equal(Model, e.ModelId);
            Assert.NotEmpty(e.Vector.ToArray());
        });
        Assert.Equal(3, env.Log.RunCount(Model));
    }

    [Theory]
    [BothApiVersions]
    public async Task Caching_SameOutputsForSameInput(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        CallCountingEmbeddingGenerator? counter = null;
        using var generator = Create(env)
            .AsBuilder()
            .UseDistributedCache(new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())))
            .Use(inner => counter = new CallCountingEmbeddingGenerator(inner))
            .Build();

        string input = "Red, White, and Blue";
        Embedding<float> embedding1 = await generator.GenerateAsync(input);
        Embedding<float> embedding2 = await generator.GenerateAsync(input);
        _ = await generator.GenerateAsync(input + "... and Green");
        _ = await generator.GenerateAsync(input);

        Assert.NotNull(counter);
        Assert.Equal(2, counter.CallCount);
        Assert.Equal(2, env.Log.RunCount(Model));
        Assert.Equal(embedding1.Vector.ToArray(), embedding2.Vector.ToArray());
    }

    [Theory]
    [BothApiVersions]
    public async Task OpenTelemetry_CanEmitTracesAndMetrics(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        string sourceName = Guid.NewGuid().ToString();
        var activities = new List<Activity>();
        using var tracerProvider = OpenTelemetry.Sdk.CreateTracerProviderBuilder()
            .AddSource(sourceName)
            .AddInMemoryExporter(activities)
            .Build();

        using var generator = Create(env).AsBuilder().UseOpenTelemetry(sourceName: sourceName).Build();
        _ = await generator.GenerateAsync("Hello, world!");

        Activity activity = Assert.Single(activities);
        Assert.StartsWith("embed", activity.DisplayName, StringComparison.Ordinal);
        Assert.Equal(env.Endpoint.Host, (string)activity.GetTagItem("server.address")!);
        Assert.Equal(env.Endpoint.Port, (int)activity.GetTagItem("server.port")!);
        Assert.Equal(Model, activity.GetTagItem("gen_ai.request.model"));
        Assert.NotNull(activity.Id);

        // Deviation: no gen_ai.usage.input_tokens, because Bytez reports no token counts.
        Assert.Null(activity.GetTagItem("gen_ai.usage.input_tokens"));
    }

    [Theory]
    [BothApiVersions]
    public async Task Quantization_Binary_EmbeddingsCompareSuccessfully(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        using IEmbeddingGenerator<string, BinaryEmbedding> generator = new QuantizationEmbeddingGenerator(Create(env));

        GeneratedEmbeddings<BinaryEmbedding> embeddings = await generator.GenerateAsync(["dog", "cat", "fork", "spoon"]);
        Assert.Equal(4, embeddings.Count);

        long[,] distances = new long[4, 4];
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                distances[i, j] = TensorPrimitives.HammingBitDistance<byte>(ToBytes(embeddings[i].Vector), ToBytes(embeddings[j].Vector));
            }
        }

        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(0, distances[i, i]);
        }

        Assert.True(distances[0, 1] < distances[0, 2]);
        Assert.True(distances[0, 1] < distances[0, 3]);
        Assert.True(distances[0, 1] < distances[1, 2]);
        Assert.True(distances[0, 1] < distances[1, 3]);
        Assert.True(distances[2, 3] < distances[0, 2]);
        Assert.True(distances[2, 3] < distances[0, 3]);
        Assert.True(distances[2, 3] < distances[1, 2]);
        Assert.True(distances[2, 3] < distances[1, 3]);

        static byte[] ToBytes(System.Collections.BitArray bits)
        {
            byte[] result = new byte[(bits.Length + 7) / 8];
            bits.CopyTo(result, 0);
            return result;
        }
    }

    [Theory]
    [BothApiVersions]
    public async Task Quantization_Half_EmbeddingsCompareSuccessfully(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        using IEmbeddingGenerator<string, Embedding<Half>> generator = new QuantizationEmbeddingGenerator(Create(env));

        GeneratedEmbeddings<Embedding<Half>> embeddings = await generator.GenerateAsync(["dog", "cat", "fork", "spoon"]);
        Assert.Equal(4, embeddings.Count);

        var similarity = new Half[4, 4];
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                similarity[i, j] = TensorPrimitives.CosineSimilarity(embeddings[i].Vector.Span, embeddings[j].Vector.Span);
            }
        }

        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(1.0, (double)similarity[i, i], 0.001);
        }

        Assert.True(similarity[0, 1] > similarity[0, 2]);
        Assert.True(similarity[0, 1] > similarity[0, 3]);
        Assert.True(similarity[0, 1] > similarity[1, 2]);
        Assert.True(similarity[0, 1] > similarity[1, 3]);
        Assert.True(similarity[2, 3] > similarity[0, 2]);
        Assert.True(similarity[2, 3] > similarity[0, 3]);
        Assert.True(similarity[2, 3] > similarity[1, 2]);
        Assert.True(similarity[2, 3] > similarity[1, 3]);
    }

    // ---- Bytez specifics ----

    [Theory]
    [BothApiVersions]
    public async Task RelatedTexts_AreCloserThanUnrelatedOnes(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        using var generator = Create(env);

        GeneratedEmbeddings<Embedding<float>> e = await generator.GenerateAsync(["The cat sat on the mat.", "A cat was sitting on a mat.", "Quarterly revenue rose by four percent."]);

        float related = TensorPrimitives.CosineSimilarity(e[0].Vector.Span, e[1].Vector.Span);
        float unrelated = TensorPrimitives.CosineSimilarity(e[0].Vector.Span, e[2].Vector.Span);
        Assert.True(related > unrelated, $"related {related} <= unrelated {unrelated}");
    }

    [Theory]
    [BothApiVersions]
    public async Task ManyInputs_RunInParallel_UpToTheLimit_AndKeepTheirOrder(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        int inFlight = 0, maxInFlight = 0;
        env.Emulator.Script(Model).Handle(_ =>
        {
            int now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            Thread.Sleep(5);
            Interlocked.Decrement(ref inFlight);
            return null; // fall through to the model's deterministic behaviour
        });
        using var generator = Create(env, new BytezEmbeddingGeneratorOptions { LoadOptions = new BytezLoadOptions { Concurrency = 4 } });
        string[] inputs = [.. Enumerable.Range(0, 16).Select(i => $"sentence number {i} about topic {i % 5}")];

        GeneratedEmbeddings<Embedding<float>> batch = await generator.GenerateAsync(inputs);

        Assert.Equal(inputs.Length, batch.Count);
        Assert.InRange(maxInFlight, 1, 4);
        for (int i = 0; i < inputs.Length; i++)
        {
            Embedding<float> single = await generator.GenerateAsync(inputs[i]);
            Assert.Equal(single.Vector.ToArray(), batch[i].Vector.ToArray());
        }
    }

    [Theory]
    [BothApiVersions]
    public async Task MaxParallelism_CapsConcurrentRuns(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        int inFlight = 0, maxInFlight = 0;
        env.Emulator.Script(Model).Handle(_ =>
        {
            InterlockedMax(ref maxInFlight, Interlocked.Increment(ref inFlight));
            Thread.Sleep(5);
            Interlocked.Decrement(ref inFlight);
            return null;
        });
        using var generator = Create(env, new BytezEmbeddingGeneratorOptions { MaxParallelism = 1, LoadOptions = new BytezLoadOptions { Concurrency = 4 } });

        _ = await generator.GenerateAsync(["a", "b", "c", "d", "e", "f"]);

        Assert.Equal(1, maxInFlight);
    }

    [Theory]
    [BothApiVersions("[0.6, 0.8]", new[] { 0.6f, 0.8f })]
    [BothApiVersions("[[0.6, 0.8]]", new[] { 0.6f, 0.8f })]
    [BothApiVersions("[[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]]", new[] { 3.0f, 4.0f })]
    public async Task EachOutputShape_GivesTheVector(BytezApiVersion api, string output, float[] expected)
    {
        // flat vector; [vector]; token-by-dimension matrix (as output[0]) mean-pooled over its tokens.
        await using var env = await EmulatorFixture.StartAsync(api);
        env.Emulator.Script(Model).ReplyJson(new JsonObject { ["output"] = JsonNode.Parse(output) });
        using var generator = Create(env);

        Embedding<float> embedding = await generator.GenerateAsync("shape");

        Assert.Equal(expected, embedding.Vector.ToArray());
    }

    [Theory]
    [BothApiVersions]
    public async Task Dimensions_Smaller_TruncatesAndRenormalises(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        env.Emulator.Script(Model).ReplyJson(new JsonObject { ["output"] = new JsonArray(3f, 4f, 12f) });
        using var generator = Create(env);

        Embedding<float> embedding = await generator.GenerateAsync("short", new EmbeddingGenerationOptions { Dimensions = 2 });

        Assert.Equal(2, embedding.Dimensions);
        Assert.Equal(0.6f, embedding.Vector.Span[0], 5);
        Assert.Equal(0.8f, embedding.Vector.Span[1], 5);
        Assert.Equal(3, generator.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelDimensions);
    }

    [Theory]
    [BothApiVersions]
    public async Task Dimensions_Equal_KeepsTheVector_AndLarger_IsNotSupported(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        env.Emulator.Script(Model).ReplyJson(new JsonObject { ["output"] = new JsonArray(3f, 4f) }).Times(2);
        using var generator = Create(env);

        Embedding<float> same = await generator.GenerateAsync("x", new EmbeddingGenerationOptions { Dimensions = 2 });
        Assert.Equal([3f, 4f], same.Vector.ToArray());

        var ex = await Assert.ThrowsAsync<NotSupportedException>(() => generator.GenerateAsync("x", new EmbeddingGenerationOptions { Dimensions = 3 }));
        Assert.Contains("2-dimensional", ex.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => generator.GenerateAsync("x", new EmbeddingGenerationOptions { Dimensions = 0 }));
    }

    [Theory]
    [BothApiVersions]
    public async Task AdditionalProperties_AndRawRepresentation_BecomeParams_RawFirst(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        using var generator = Create(env);
        var options = new EmbeddingGenerationOptions
        {
            RawRepresentationFactory = _ => new JsonObject { ["normalize"] = true, ["truncate"] = "raw" },
            AdditionalProperties = new() { ["truncate"] = "additional", ["pooling"] = "mean", ["top"] = 3 },
        };

        _ = await generator.GenerateAsync(["one", "two"], options);

        IReadOnlyList<JsonObject> bodies = env.Log.RunBodies(Model);
        Assert.Equal(2, bodies.Count);
        Assert.All(bodies, body =>
        {
            JsonObject parameters = body["params"]!.AsObject();
            Assert.True(parameters["normalize"]!.GetValue<bool>());
            Assert.Equal("raw", parameters["truncate"]!.GetValue<string>());
            Assert.Equal("mean", parameters["pooling"]!.GetValue<string>());
            Assert.Equal(3, parameters["top"]!.GetValue<int>());
        });
        Assert.Equal(["one", "two"], bodies.Select(b => b.InputOf()!.GetValue<string>()).Order());
    }

    [Theory]
    [BothApiVersions]
    public async Task EmptyInputList_ReturnsNothing_WithoutAnyRequest(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        using var generator = Create(env);

        GeneratedEmbeddings<Embedding<float>> embeddings = await generator.GenerateAsync([]);

        Assert.Empty(embeddings);
        Assert.Empty(env.Log.Entries);
    }

    [Theory]
    [BothApiVersions]
    public async Task NullOrEmptyInput_ThrowsArgumentException_NamingTheIndex(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        using var generator = Create(env);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => generator.GenerateAsync(["fine", ""]));
        Assert.Contains("index 1", ex.Message, StringComparison.Ordinal);
        ex = await Assert.ThrowsAsync<ArgumentException>(() => generator.GenerateAsync([null!]));
        Assert.Contains("index 0", ex.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentNullException>(() => generator.GenerateAsync((IEnumerable<string>)null!));
        Assert.Empty(env.Log.Entries);
    }

    [Theory]
    [BothApiVersions]
    public async Task ModelIdOfAnotherModel_RunsThatModelThroughItsOwnLease_ReleasedOnDispose(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        var generator = Create(env);

        Embedding<float> other = (await generator.GenerateAsync(["x"], new EmbeddingGenerationOptions { ModelId = TestModels.FeatureExtraction }))[0];
        Embedding<float> same = (await generator.GenerateAsync(["x"], new EmbeddingGenerationOptions { ModelId = Model }))[0];

        Assert.Equal(TestModels.FeatureExtraction, other.ModelId);
        Assert.Equal(Model, same.ModelId);
        Assert.Equal("x", Assert.Single(env.Log.RunBodies(TestModels.FeatureExtraction)).InputOf()!.GetValue<string>());
        Assert.Single(env.Log.RunBodies(Model));
        int lifecycle = api == BytezApiVersion.V1 ? 1 : 0; // v2 is serverless: nothing to load or stop
        Assert.Equal(lifecycle, env.Log.LoadCount(TestModels.FeatureExtraction));

        // The metadata describes the bound model: the other model's dimensions are not recorded.
        Assert.Equal(same.Vector.Length, generator.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelDimensions);

        generator.Dispose();
        Assert.Equal(lifecycle, env.Log.StopCount(TestModels.FeatureExtraction));
        Assert.Equal(lifecycle, env.Log.StopCount(Model));
    }

    [Theory]
    [BothApiVersions]
    public async Task Metadata_IsBytez_WithDimensionsOnceKnown(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        using var generator = Create(env);

        EmbeddingGeneratorMetadata before = generator.GetService<EmbeddingGeneratorMetadata>()!;
        Assert.Equal("bytez", before.ProviderName);
        Assert.Equal(env.Endpoint, before.ProviderUri);
        Assert.Equal(Model, before.DefaultModelId);
        Assert.Null(before.DefaultModelDimensions);

        Embedding<float> embedding = await generator.GenerateAsync("dimensions");

        Assert.Equal(embedding.Dimensions, generator.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelDimensions);
    }

    [Theory]
    [BothApiVersions]
    public async Task GetService_ReturnsMetadataModelClientAndSelf_AlsoThroughAPipeline(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        BytezModel model = env.Client.GetModel(Model);
        using var generator = model.AsIEmbeddingGenerator();

        Assert.Same(model, generator.GetService<BytezModel>());
        Assert.Same(env.Client, generator.GetService<BytezClient>());
        Assert.Same(generator, generator.GetService<IEmbeddingGenerator<string, Embedding<float>>>());
        Assert.Null(generator.GetService<BytezModel>("key"));
        Assert.Null(generator.GetService<string>());
        Assert.Throws<ArgumentNullException>(() => generator.GetService(null!));

        using var pipeline = generator.AsBuilder()
            .UseDistributedCache(new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())))
            .UseOpenTelemetry()
            .Build();
        Assert.Same(model, pipeline.GetService<BytezModel>());
        Assert.Equal("bytez", pipeline.GetService<EmbeddingGeneratorMetadata>()?.ProviderName);
    }

    [Theory]
    [BothApiVersions]
    public async Task Dispose_StopsTheInstanceItStarted_AndLaterCallsThrow(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        var generator = Create(env);
        _ = await generator.GenerateAsync("x");

        generator.Dispose();
        generator.Dispose();

        Assert.Equal(api == BytezApiVersion.V1 ? 1 : 0, env.Log.StopCount(Model));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => generator.GenerateAsync("x"));
    }

    [Theory]
    [BothApiVersions]
    public async Task AsIEmbeddingGenerator_RejectsBadArguments(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        Assert.Throws<ArgumentNullException>(() => ((BytezModel)null!).AsIEmbeddingGenerator());
        Assert.Throws<ArgumentOutOfRangeException>(() => env.Client.GetModel(Model).AsIEmbeddingGenerator(new BytezEmbeddingGeneratorOptions { MaxParallelism = 0 }));
    }

    private static IEmbeddingGenerator<string, Embedding<float>> Create(EmulatorFixture env, BytezEmbeddingGeneratorOptions? options = null) =>
        env.Client.GetModel(Model).AsIEmbeddingGenerator(options);

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
