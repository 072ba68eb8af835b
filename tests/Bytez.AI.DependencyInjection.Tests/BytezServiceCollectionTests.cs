using Bytez.AI.Emulator;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace Bytez.AI.DependencyInjection.Tests;

/// <summary>DI registration: configuration binding, IHttpClientFactory, logging, and M.E.AI builder composition.</summary>
/// <remarks>Tests that touch the BYTEZ_API_KEY environment variable live in <see cref="BytezApiKeyEnvironmentTests"/>.</remarks>
public sealed class BytezServiceCollectionTests
{
    [Fact]
    public async Task AddBytezClient_BindsTheBytezSection()
    {
        await using var env = await EmulatorFixture.StartAsync(o => o.AcceptedApiKeys = ["section-key"]);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(Configuration(new()
        {
            ["Bytez:Endpoint"] = env.Endpoint.ToString(),
            ["Bytez:ApiKey"] = "section-key",
            ["Bytez:ApiVersion"] = "V1",
            ["Bytez:ProviderKeys:openai"] = "sk-from-config",
            ["Bytez:RequestTimeout"] = "00:02:00",
            ["Bytez:LoadTimeout"] = "00:00:30",
            ["Bytez:LoadPollInterval"] = "00:00:00.005",
            ["Bytez:AllowInsecureHttp"] = "false",
        }));
        services.AddBytezClient();
        await using ServiceProvider provider = services.BuildServiceProvider();

        BytezClient client = provider.GetRequiredService<BytezClient>();
        BytezClientOptions options = provider.GetRequiredService<IOptions<BytezClientOptions>>().Value;

        Assert.Equal(env.Endpoint, client.Endpoint);
        Assert.Equal(BytezApiVersion.V1, client.ApiVersion);
        Assert.Equal("sk-from-config", options.ProviderKeys["OpenAI"]);
        Assert.Equal(TimeSpan.FromMinutes(2), options.RequestTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), options.LoadTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(5), options.LoadPollInterval);
        Assert.NotEmpty(await client.ListModelsAsync()); // the key from the section was accepted
        Assert.Same(client, provider.GetRequiredService<BytezClient>());
    }

    [Fact]
    public async Task AddBytezClient_UsesTheBYTEZ_API_KEYConfigurationValue_WhenTheSectionHasNoKey()
    {
        await using var env = await EmulatorFixture.StartAsync(o => o.AcceptedApiKeys = ["root-key"]);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(Configuration(new()
        {
            ["Bytez:Endpoint"] = env.Endpoint.ToString(),
            ["BYTEZ_API_KEY"] = "root-key",
        }));
        services.AddBytezClient();
        await using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Equal("root-key", provider.GetRequiredService<IOptions<BytezClientOptions>>().Value.ApiKey);
        Assert.NotEmpty(await provider.GetRequiredService<BytezClient>().ListModelsAsync());
    }

    [Fact]
    public async Task ConfigureDelegate_WinsOverConfiguration()
    {
        await using var env = await EmulatorFixture.StartAsync();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(Configuration(new()
        {
            ["Bytez:Endpoint"] = "https://example.invalid/",
            ["Bytez:ApiKey"] = "from-config",
        }));
        services.AddBytezClient(o =>
        {
            o.Endpoint = env.Endpoint;
            o.ApiKey = "from-code";
        });
        await using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Equal("from-code", provider.GetRequiredService<IOptions<BytezClientOptions>>().Value.ApiKey);
        Assert.Equal(env.Endpoint, provider.GetRequiredService<BytezClient>().Endpoint);
    }

    [Fact]
    public async Task AddBytezClient_WithASectionNameOrAnIConfiguration_BindsThatSection()
    {
        await using var env = await EmulatorFixture.StartAsync();
        IConfiguration configuration = Configuration(new()
        {
            ["AI:Bytez:Endpoint"] = env.Endpoint.ToString(),
            ["AI:Bytez:ApiKey"] = "named",
        });

        var byName = new ServiceCollection();
        byName.AddSingleton(configuration);
        byName.AddBytezClient("AI:Bytez");
        await using ServiceProvider p1 = byName.BuildServiceProvider();
        Assert.Equal(env.Endpoint, p1.GetRequiredService<BytezClient>().Endpoint);

        var bySection = new ServiceCollection();
        bySection.AddBytezClient(configuration.GetSection("AI:Bytez"));
        await using ServiceProvider p2 = bySection.BuildServiceProvider();
        Assert.Equal(env.Endpoint, p2.GetRequiredService<BytezClient>().Endpoint);
        Assert.Equal("named", p2.GetRequiredService<IOptions<BytezClientOptions>>().Value.ApiKey);
    }

    [Fact]
    public async Task MalformedConfiguration_Throws_NamingTheKey()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(Configuration(new() { ["Bytez:LoadTimeout"] = "soon", ["Bytez:ApiKey"] = "k" }));
        services.AddBytezClient();
        await using ServiceProvider provider = services.BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<BytezClient>());
        Assert.Contains("Bytez:LoadTimeout", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [BothApiVersions]
    public async Task TheClient_UsesTheNamedHttpClient_WithTheLongTimeout_AndTheBuilderAddsHandlers(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        var counter = new CountingHandler();
        var services = new ServiceCollection();
        IHttpClientBuilder http = services.AddBytezClient(o => Configure(o, env, api));
        http.AddHttpMessageHandler(() => counter);
        await using ServiceProvider provider = services.BuildServiceProvider();

        _ = await provider.GetRequiredService<BytezClient>().ListModelsAsync();

        Assert.Equal(BytezServiceCollectionExtensions.HttpClientName, http.Name);
        Assert.Equal("Bytez", BytezServiceCollectionExtensions.HttpClientName);
        Assert.True(counter.Count > 0);
        Assert.Equal(TimeSpan.FromSeconds(30), provider.GetRequiredService<IHttpClientFactory>().CreateClient(BytezServiceCollectionExtensions.HttpClientName).Timeout);
    }

    [Theory]
    [BothApiVersions]
    public async Task TheClient_LogsThroughTheRegisteredLoggerFactory(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        var services = new ServiceCollection();
        var collector = new FakeLogCollector();
        services.AddLogging(b => b.AddProvider(new FakeLoggerProvider(collector)).SetMinimumLevel(LogLevel.Debug));
        services.AddBytezClient(o => Configure(o, env, api));
        services.AddBytezEmbeddingGenerator(TestModels.SentenceSimilarity);
        await using (ServiceProvider provider = services.BuildServiceProvider())
        {
            _ = await provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>().GenerateAsync("hello");
        }

        Assert.NotEmpty(collector.GetSnapshot());
    }

    [Theory]
    [BothApiVersions]
    public async Task AddBytezEmbeddingGenerator_ComposesWithM_E_AI_Middleware_AndGetServiceSeesThroughIt(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IDistributedCache>(new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())));
        services.AddBytezClient(o => Configure(o, env, api));
        services.AddBytezEmbeddingGenerator(TestModels.SentenceSimilarity, o => o.MaxParallelism = 2)
            .UseLogging()
            .UseOpenTelemetry()
            .UseDistributedCache();

        await using (ServiceProvider provider = services.BuildServiceProvider())
        {
            var generator = provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
            Embedding<float> first = await generator.GenerateAsync("cached");
            Embedding<float> second = await generator.GenerateAsync("cached");

            Assert.Equal(first.Vector.ToArray(), second.Vector.ToArray());
            Assert.Equal(1, env.Log.RunCount(TestModels.SentenceSimilarity));
            Assert.Equal(TestModels.SentenceSimilarity, generator.GetService<BytezModel>()?.ModelId);
            Assert.Same(provider.GetRequiredService<BytezClient>(), generator.GetService<BytezClient>());
            EmbeddingGeneratorMetadata metadata = generator.GetService<EmbeddingGeneratorMetadata>()!;
            Assert.Equal("bytez", metadata.ProviderName);
            Assert.Equal(env.Endpoint, metadata.ProviderUri);
            Assert.Equal(TestModels.SentenceSimilarity, metadata.DefaultModelId);
        }

        // Disposing the container disposes the generator, which stops the instance it started (v1; v2 is serverless).
        Assert.Equal(api == BytezApiVersion.V1 ? 1 : 0, env.Log.StopCount(TestModels.SentenceSimilarity));
    }

    [Theory]
    [BothApiVersions]
    public async Task AddBytezImageGenerator_ComposesWithM_E_AI_Middleware(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBytezClient(o => Configure(o, env, api));
        services.AddBytezImageGenerator(TestModels.TextToImage).UseLogging().UseOpenTelemetry();
        await using ServiceProvider provider = services.BuildServiceProvider();

        IImageGenerator generator = provider.GetRequiredService<IImageGenerator>();
        ImageGenerationResponse response = await generator.GenerateImagesAsync("a boat");

        Assert.IsType<DataContent>(Assert.Single(response.Contents));
        Assert.Equal(TestModels.TextToImage, generator.GetService<ImageGeneratorMetadata>()?.DefaultModelId);
        Assert.Equal(TestModels.TextToImage, generator.GetService<BytezModel>()?.ModelId);
    }

    [Theory]
    [BothApiVersions]
    public async Task AddBytezSpeechClients_ComposeWithM_E_AI_Middleware_RoundTripAVoice_AndStopTheirInstancesOnDispose(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBytezClient(o => Configure(o, env, api));
        services.AddBytezTextToSpeechClient(TestModels.TextToSpeech, o => o.VoiceParameter = "voice_preset").UseLogging().UseOpenTelemetry();
        services.AddBytezSpeechToTextClient(TestModels.SpeechRecognition).UseLogging().UseOpenTelemetry();
        services.AddKeyedBytezTextToSpeechClient("music", "facebook/musicgen-stereo-small");
        services.AddKeyedBytezSpeechToTextClient("whisper", TestModels.SpeechRecognition);

        await using (ServiceProvider provider = services.BuildServiceProvider())
        {
            ITextToSpeechClient speech = provider.GetRequiredService<ITextToSpeechClient>();
            ISpeechToTextClient recognition = provider.GetRequiredService<ISpeechToTextClient>();

            TextToSpeechResponse spoken = await speech.GetAudioAsync("Meet me at the station.", new TextToSpeechOptions { VoiceId = "v2/en_speaker_1" });
            SpeechToTextResponse heard = await recognition.GetTextAsync((DataContent)spoken.Contents[0]);

            Assert.Equal("MEET ME AT THE STATION", heard.Text);
            Assert.Equal("v2/en_speaker_1", (string?)env.Log.RunBodies(TestModels.TextToSpeech).Single()["params"]!["voice_preset"]); // configure ran
            Assert.Equal(TestModels.TextToSpeech, speech.GetService<TextToSpeechClientMetadata>()?.DefaultModelId);
            Assert.Equal(TestModels.SpeechRecognition, recognition.GetService<SpeechToTextClientMetadata>()?.DefaultModelId);
            Assert.Same(provider.GetRequiredService<BytezClient>(), recognition.GetService<BytezClient>());
            Assert.Equal("facebook/musicgen-stereo-small", provider.GetRequiredKeyedService<ITextToSpeechClient>("music").GetService<BytezModel>()?.ModelId);
            Assert.NotSame(recognition, provider.GetRequiredKeyedService<ISpeechToTextClient>("whisper"));
        }

        // Disposing the container disposes the clients, which stop the instances they started (v1; v2 is serverless).
        int lifecycle = api == BytezApiVersion.V1 ? 1 : 0;
        Assert.Equal(lifecycle, env.Log.StopCount(TestModels.TextToSpeech));
        Assert.Equal(lifecycle, env.Log.StopCount(TestModels.SpeechRecognition));
    }

    [Theory]
    [BothApiVersions]
    public async Task KeyedRegistrations_ResolveByKey_AndShareOneLoadPerModel(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        var services = new ServiceCollection();
        services.AddBytezClient(o => Configure(o, env, api));
        services.AddKeyedBytezEmbeddingGenerator("fast", TestModels.SentenceSimilarity);
        services.AddKeyedBytezEmbeddingGenerator("same-model", TestModels.SentenceSimilarity);
        services.AddKeyedBytezImageGenerator("images", TestModels.TextToImage);
        await using ServiceProvider provider = services.BuildServiceProvider();

        var fast = provider.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>("fast");
        var same = provider.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>("same-model");
        await Task.WhenAll(fast.GenerateAsync("a"), same.GenerateAsync("b"));

        Assert.NotSame(fast, same);
        Assert.Equal(api == BytezApiVersion.V1 ? 1 : 0, env.Log.LoadCount(TestModels.SentenceSimilarity));
        Assert.Equal(2, env.Log.RunCount(TestModels.SentenceSimilarity));
        Assert.NotNull(provider.GetRequiredKeyedService<IImageGenerator>("images").GetService<BytezModel>());
    }

    [Fact]
    public void AddBytezChatClient_RegistersAnIChatClient_AndReturnsTheM_E_AI_Builder()
    {
        var services = new ServiceCollection();
        services.AddBytezClient(o => o.ApiKey = "k");
        ChatClientBuilder builder = services.AddBytezChatClient(TestModels.TextGeneration).UseLogging().UseOpenTelemetry().UseFunctionInvocation();
        ChatClientBuilder keyed = services.AddKeyedBytezChatClient("chat", TestModels.TextGeneration);

        Assert.NotNull(builder);
        Assert.NotNull(keyed);
        Assert.Contains(services, d => d.ServiceType == typeof(IChatClient) && !d.IsKeyedService);
        Assert.Contains(services, d => d.ServiceType == typeof(IChatClient) && d.IsKeyedService && Equals(d.ServiceKey, "chat"));
    }

    [Fact]
    public async Task ModelHelpers_WithoutAddBytezClient_FailWithAClearMessage()
    {
        var services = new ServiceCollection();
        services.AddBytezEmbeddingGenerator(TestModels.SentenceSimilarity);
        await using ServiceProvider provider = services.BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());
        Assert.Contains("AddBytezClient", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Arguments_AreValidated()
    {
        var services = new ServiceCollection();
        Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddBytezClient());
        Assert.Throws<ArgumentException>(() => services.AddBytezClient(" "));
        Assert.Throws<ArgumentNullException>(() => services.AddBytezClient((IConfiguration)null!));
        Assert.Throws<ArgumentException>(() => services.AddBytezEmbeddingGenerator(""));
        Assert.Throws<ArgumentException>(() => services.AddBytezImageGenerator(" "));
        Assert.Throws<ArgumentException>(() => services.AddBytezChatClient(""));
        Assert.Throws<ArgumentException>(() => services.AddBytezSpeechToTextClient(" "));
        Assert.Throws<ArgumentException>(() => services.AddBytezTextToSpeechClient(""));
        Assert.Throws<ArgumentNullException>(() => services.AddKeyedBytezSpeechToTextClient(null!, TestModels.SpeechRecognition));
        Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddKeyedBytezTextToSpeechClient("k", TestModels.TextToSpeech));
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static void Configure(BytezClientOptions options, EmulatorFixture env, BytezApiVersion api = BytezApiVersion.V1)
    {
        options.Endpoint = env.Endpoint;
        options.ApiKey = EmulatorFixture.ApiKey;
        options.ApiVersion = api;
        options.LoadPollInterval = TimeSpan.FromMilliseconds(5);
        options.RequestTimeout = TimeSpan.FromSeconds(30);
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
