using Bytez.AI.Emulator;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.TextToImage;
using TextContent = Microsoft.SemanticKernel.TextContent;

namespace Bytez.AI.SemanticKernel.Tests.Integration;

/// <summary>
/// The kernel-builder registrations with the one <see cref="BytezClient"/> configured in DI (<c>AddBytezClient</c>: one
/// endpoint and key setting), and disposal of the kernel's services stopping every model they started (v1; on v2, which
/// is serverless, they start nothing and send no load or stop).
/// </summary>
public sealed class ConfiguredClientTests
{
    [Theory]
    [BothApiVersions]
    public async Task Kernel_builder_registrations_use_the_client_configured_in_DI_and_disposing_the_kernel_services_stops_the_models(BytezApiVersion api)
    {
        await using var emulator = await EmulatorFixture.StartEmulatorAsync();
        emulator.Script(TestModels.Chat).Reply("One client for every service.");

        IKernelBuilder kernelBuilder = Kernel.CreateBuilder();
        kernelBuilder.Services.AddBytezClient(o =>
        {
            BytezClientOptions preset = emulator.CreateClientOptions();
            o.Endpoint = preset.Endpoint;
            o.ApiKey = preset.ApiKey;
            o.LoadPollInterval = preset.LoadPollInterval;
            o.ApiVersion = api;
        });
        kernelBuilder.AddBytezChatClient(TestModels.Chat);
        kernelBuilder.AddBytezEmbeddingGenerator(TestModels.SentenceSimilarity);
        kernelBuilder.AddBytezTextToImage(TestModels.TextToImage);
        Kernel kernel = kernelBuilder.Build();

        BytezClient configured = kernel.GetRequiredService<BytezClient>();
        IChatClient chat = kernel.GetRequiredService<IChatClient>();
        var embeddings = kernel.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        Assert.Same(configured, chat.GetService<BytezClient>());
        Assert.Same(configured, embeddings.GetService<BytezClient>());

        ChatResponse reply = await chat.GetResponseAsync("Which client?");
        Embedding<float> vector = await embeddings.GenerateAsync("a sentence");
        var images = await kernel.GetRequiredService<ITextToImageService>().GetImageContentsAsync(new TextContent("a lighthouse"), kernel: kernel);

        Assert.Equal("One client for every service.", reply.Text);
        Assert.False(vector.Vector.IsEmpty);
        Assert.Equal("image/png", Assert.Single(images).MimeType);
        int started = api == BytezApiVersion.V1 ? 1 : 0;
        Assert.Equal(3 * started, emulator.Instances.Count);

        // Kernel is not disposable: its Services is the container Build() made, which owns the services and the client.
        await ((IAsyncDisposable)kernel.Services).DisposeAsync();

        Assert.Empty(emulator.Instances);
        Assert.Equal(3 * started, emulator.RequestLog.StopCount());
        Assert.All(new[] { TestModels.Chat, TestModels.SentenceSimilarity, TestModels.TextToImage }, id => Assert.Equal(started, emulator.RequestLog.LoadCount(id)));
    }

    [Theory]
    [BothApiVersions]
    public async Task Services_AddKernel_in_a_provider_uses_the_configured_client_and_stops_the_models_on_dispose(BytezApiVersion api)
    {
        await using var emulator = await EmulatorFixture.StartEmulatorAsync();
        emulator.Script(TestModels.Chat).Reply("Served in DI.");

        var services = new ServiceCollection();
        services.AddBytezClient(o =>
        {
            o.Endpoint = emulator.Endpoint;
            o.ApiKey = EmulatorFixture.ApiKey;
            o.ApiVersion = api;
            o.LoadPollInterval = BytezEmulator.ClientLoadPollInterval;
        });
        services.AddKernel().AddBytezChatClient(TestModels.Chat);

        await using (ServiceProvider provider = services.BuildServiceProvider())
        {
            Kernel kernel = provider.GetRequiredService<Kernel>();
            FunctionResult result = await kernel.InvokePromptAsync("Where are you served?");
            Assert.Equal("Served in DI.", result.ToString());
            Assert.Equal(api == BytezApiVersion.V1 ? 1 : 0, emulator.Instances.Count);
        }

        Assert.Empty(emulator.Instances);
        Assert.Equal(api == BytezApiVersion.V1 ? 1 : 0, emulator.RequestLog.StopCount(TestModels.Chat));
    }
}
