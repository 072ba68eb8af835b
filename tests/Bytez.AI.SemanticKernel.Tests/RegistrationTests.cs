using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace Bytez.AI.SemanticKernel.Tests;

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

        Assert.Contains(services, d => d.IsKeyedService && Equals(d.ServiceKey, "chat") && d.ServiceType == typeof(IChatClient) && d.Lifetime == ServiceLifetime.Singleton);
        Assert.Contains(services, d => d.IsKeyedService && Equals(d.ServiceKey, "embed") && d.ServiceType == typeof(IEmbeddingGenerator<string, Embedding<float>>));
        Assert.Contains(services, d => d.IsKeyedService && Equals(d.ServiceKey, "image") && d.ServiceType == typeof(IImageGenerator));
        Assert.Contains(services, d => d.IsKeyedService && Equals(d.ServiceKey, "t2i") && d.ServiceType == typeof(Microsoft.SemanticKernel.TextToImage.ITextToImageService));
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
    }
}
