using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using static Bytez.AI.SemanticKernel.Tests.Integration.FastOptions;
using static Bytez.AI.TestSupport.EmulatorFixture;

namespace Bytez.AI.SemanticKernel.Tests.Integration;

public sealed class EmbeddingTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Embeddings_through_Services_AddEmbeddingGenerator_resolve_in_a_kernel()
    {
        using var bytez = new BytezClient(new BytezClientOptions { ApiKey = ApiKey, Endpoint = fixture.Endpoint });
        var builder = Kernel.CreateBuilder();
        builder.Services.AddEmbeddingGenerator(bytez.GetModel(TestModels.SentenceSimilarity).AsIEmbeddingGenerator(FastEmbeddings));
        var kernel = builder.Build();

        var generator = kernel.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var embeddings = await generator.GenerateAsync(["The cat sat on the mat.", "Stocks fell sharply today."]);

        Assert.Equal(2, embeddings.Count);
        Assert.All(embeddings, e => Assert.False(e.Vector.IsEmpty));
        Assert.Equal(embeddings[0].Vector.Length, embeddings[1].Vector.Length);
        Assert.All(embeddings, e => Assert.Equal(TestModels.SentenceSimilarity, e.ModelId));
        Assert.Single(await fixture.Emulator.RequestLog.EntriesWhenSettledAsync(e => e.ModelId == TestModels.SentenceSimilarity && e.Body.Contains("The cat sat on the mat.", StringComparison.Ordinal)));
        Assert.Single(await fixture.Emulator.RequestLog.EntriesWhenSettledAsync(e => e.ModelId == TestModels.SentenceSimilarity && e.Body.Contains("Stocks fell sharply today.", StringComparison.Ordinal)));
        (kernel.Services as IDisposable)?.Dispose();
    }

    [Fact]
    public async Task AddBytezKernelEmbeddingGenerator_registers_a_keyed_generator_with_telemetry()
    {
        var services = new ServiceCollection();
        services.AddKernel();
        services.AddBytezKernelEmbeddingGenerator(TestModels.SentenceSimilarity, ApiKey, fixture.Endpoint, FastEmbeddings, serviceId: "embed");
        await using var provider = services.BuildServiceProvider();

        Assert.Null(provider.GetService<IEmbeddingGenerator<string, Embedding<float>>>());
        var generator = provider.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>("embed");
        Assert.NotNull(generator.GetService<OpenTelemetryEmbeddingGenerator<string, Embedding<float>>>());
        Assert.Equal(TestModels.SentenceSimilarity, generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId);

        var first = await generator.GenerateVectorAsync("hello world");
        var again = await generator.GenerateVectorAsync("hello world");

        Assert.False(first.IsEmpty);
        Assert.Equal(first.ToArray(), again.ToArray());
    }

    [Fact]
    public async Task Composes_with_the_core_AddBytezClient_registration()
    {
        var services = new ServiceCollection();
        services.AddBytezClient(o =>
        {
            o.ApiKey = ApiKey;
            o.Endpoint = fixture.Endpoint;
        });
        services.AddBytezKernelEmbeddingGenerator(TestModels.SentenceSimilarity, options: FastEmbeddings);
        await using var provider = services.BuildServiceProvider();

        var vector = await provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>().GenerateVectorAsync("through the registered client");

        Assert.False(vector.IsEmpty);
        Assert.Single(await fixture.Emulator.RequestLog.EntriesWhenSettledAsync(e => e.ModelId == TestModels.SentenceSimilarity && e.Body.Contains("through the registered client", StringComparison.Ordinal)));
    }
}
