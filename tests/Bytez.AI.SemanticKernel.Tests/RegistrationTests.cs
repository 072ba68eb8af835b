using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace Bytez.AI.SemanticKernel.Tests;

[Collection(ProcessEnvironmentCollection.Name)] // one test needs BYTEZ_API_KEY unset, another sets it
public sealed class RegistrationTests
{
    [Fact]
    public void Registration_is_lazy_and_keyed_by_service_id()
    {
        var services = new ServiceCollection();

        services.AddBytezKernelChatClient("org/chat", serviceId: "chat");
        services.AddBytezKernelEmbeddingGenerator("org/embed", serviceId: "embed");
        services.AddBytezKernelImageGenerator("org/image", serviceId: "image");
        services.AddBytezTextToImage("org/image", serviceId: "t2i");
        services.AddBytezAudioToText("org/asr", serviceId: "a2t");
        services.AddBytezTextToAudio("org/tts", serviceId: "t2a");

        Assert.Contains(services, d => d.IsKeyedService && Equals(d.ServiceKey, "chat") && d.ServiceType == typeof(IChatClient) && d.Lifetime == ServiceLifetime.Singleton);
        Assert.Contains(services, d => d.IsKeyedService && Equals(d.ServiceKey, "embed") && d.ServiceType == typeof(IEmbeddingGenerator<string, Embedding<float>>));
        Assert.Contains(services, d => d.IsKeyedService && Equals(d.ServiceKey, "image") && d.ServiceType == typeof(IImageGenerator));
        Assert.Contains(services, d => d.IsKeyedService && Equals(d.ServiceKey, "t2i") && d.ServiceType == typeof(Microsoft.SemanticKernel.TextToImage.ITextToImageService));
        Assert.Contains(services, d => d.IsKeyedService && Equals(d.ServiceKey, "a2t") && d.ServiceType == typeof(Microsoft.SemanticKernel.AudioToText.IAudioToTextService));
        Assert.Contains(services, d => d.IsKeyedService && Equals(d.ServiceKey, "t2a") && d.ServiceType == typeof(Microsoft.SemanticKernel.TextToAudio.ITextToAudioService));
    }

    [Fact]
    public void Without_a_key_from_any_source_resolving_explains_where_keys_come_from()
    {
        Assert.Null(Environment.GetEnvironmentVariable("BYTEZ_API_KEY")); // the test environment must not hold a real key
        var services = new ServiceCollection();
        services.AddBytezKernelChatClient("org/chat");
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IChatClient>());

        Assert.Contains("apiKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("AddBytezClient", error.Message, StringComparison.Ordinal);
        Assert.Contains("BYTEZ_API_KEY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Arguments_are_checked_at_registration()
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentException>(() => services.AddBytezKernelChatClient(" "));
        Assert.Throws<ArgumentException>(() => services.AddBytezKernelChatClient("org/chat", apiKey: " "));
        Assert.Throws<ArgumentNullException>(() => services.AddBytezKernelChatClient("org/chat", (BytezClient)null!));
        Assert.Throws<ArgumentNullException>(() => ((IKernelBuilder)null!).AddBytezChatClient("org/chat"));
        Assert.Throws<ArgumentException>(() => services.AddBytezAudioToText(" "));
        Assert.Throws<ArgumentException>(() => services.AddBytezTextToAudio(""));
        Assert.Throws<ArgumentNullException>(() => services.AddBytezTextToAudio("org/tts", (BytezClient)null!));
        Assert.Throws<ArgumentNullException>(() => ((IKernelBuilder)null!).AddBytezAudioToText("org/asr"));
    }

    [Fact]
    public async Task Registrations_without_settings_share_one_client_from_BYTEZ_API_KEY_owned_by_the_container()
    {
        string? previous = Environment.GetEnvironmentVariable("BYTEZ_API_KEY");
        Environment.SetEnvironmentVariable("BYTEZ_API_KEY", "key-from-the-environment");
        try
        {
            IKernelBuilder kernelBuilder = Kernel.CreateBuilder();
            kernelBuilder.AddBytezChatClient("org/chat");
            kernelBuilder.AddBytezEmbeddingGenerator("org/embed");
            kernelBuilder.AddBytezImageGenerator("org/image");
            kernelBuilder.AddBytezTextToImage("org/image");
            kernelBuilder.AddBytezChatClient("org/other", apiKey: "another-key", serviceId: "other");
            Kernel kernel = kernelBuilder.Build();

            BytezClient chat = ClientOf(kernel.GetRequiredService<IChatClient>());
            Assert.Same(chat, ClientOf(kernel.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>()));
            Assert.Same(chat, ClientOf(kernel.GetRequiredService<IImageGenerator>()));
            Assert.Equal(BytezClientOptions.DefaultEndpoint, chat.Endpoint);

            // A registration with its own settings keeps its own client.
            BytezClient other = ClientOf(kernel.Services.GetRequiredKeyedService<IChatClient>("other"));
            Assert.NotSame(chat, other);

            // The container built these clients, so disposing it disposes them (a disposed client refuses calls).
            await ((IAsyncDisposable)kernel.Services).DisposeAsync();
            await Assert.ThrowsAsync<ObjectDisposedException>(() => chat.ListModelsAsync());
            await Assert.ThrowsAsync<ObjectDisposedException>(() => other.ListModelsAsync());
        }
        finally
        {
            Environment.SetEnvironmentVariable("BYTEZ_API_KEY", previous);
        }
    }

    private static BytezClient ClientOf(object service) => service switch
    {
        IChatClient c => c.GetService<BytezClient>(),
        IEmbeddingGenerator g => g.GetService<BytezClient>(),
        IImageGenerator i => i.GetService<BytezClient>(),
        _ => null,
    } ?? throw new InvalidOperationException($"{service.GetType().Name} does not expose its BytezClient.");
}
