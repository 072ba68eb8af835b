using System.Drawing;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Services;
using NSubstitute;
using TextContent = Microsoft.SemanticKernel.TextContent;

namespace Bytez.AI.SemanticKernel.Tests;

public sealed class BytezTextToImageServiceTests
{
    private static readonly byte[] s_png = [0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3];

    private static (BytezTextToImageService Service, IImageGenerator Generator) Create(bool owns = true)
    {
        var generator = Substitute.For<IImageGenerator>();
        generator.GenerateAsync(Arg.Any<ImageGenerationRequest>(), Arg.Any<ImageGenerationOptions?>(), Arg.Any<CancellationToken>())
            .Returns(new ImageGenerationResponse([new DataContent(s_png, "image/png")]) { RawRepresentation = "raw" });
        return (new BytezTextToImageService(generator, "org/model", new Uri("http://127.0.0.1:5000/"), owns), generator);
    }

    [Fact]
    public void Attributes_carry_model_id_and_endpoint()
    {
        var (service, _) = Create();

        Assert.Equal("org/model", service.GetModelId());
        Assert.Equal("http://127.0.0.1:5000/", service.GetEndpoint());
    }

    [Fact]
    public async Task Width_height_and_png_are_requested_and_the_image_comes_back_as_png_data()
    {
        var (service, generator) = Create();
        var settings = new PromptExecutionSettings { ExtensionData = new Dictionary<string, object> { ["width"] = 320, ["height"] = 200 } };

        var images = await service.GetImageContentsAsync(new TextContent("a red fox"), settings);

        await generator.Received(1).GenerateAsync(
            Arg.Is<ImageGenerationRequest>(r => r.Prompt == "a red fox"),
            Arg.Is<ImageGenerationOptions?>(o => o != null && o.ImageSize == new Size(320, 200) && o.MediaType == "image/png" && o.AdditionalProperties == null),
            Arg.Any<CancellationToken>());
        var image = Assert.Single(images);
        Assert.Equal("image/png", image.MimeType);
        Assert.Equal(s_png, image.Data!.Value.ToArray());
        Assert.StartsWith("data:image/png;base64,", image.DataUri, StringComparison.Ordinal);
        Assert.Equal("org/model", image.ModelId);
        Assert.Equal("raw", image.InnerContent);
    }

    [Fact]
    public async Task Extra_settings_become_additional_properties()
    {
        var (service, generator) = Create();
        var settings = new PromptExecutionSettings { ExtensionData = new Dictionary<string, object> { ["guidance_scale"] = 7.5 } };

        await service.GetImageContentsAsync(new TextContent("a red fox"), settings);

        await generator.Received(1).GenerateAsync(
            Arg.Any<ImageGenerationRequest>(),
            Arg.Is<ImageGenerationOptions?>(o => o != null && o.ImageSize == null && o.AdditionalProperties != null && (double)o.AdditionalProperties["guidance_scale"]! == 7.5),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Empty_prompt_is_refused_without_a_call()
    {
        var (service, generator) = Create();

        await Assert.ThrowsAsync<ArgumentException>(() => service.GetImageContentsAsync(new TextContent(" ")));
        await generator.DidNotReceiveWithAnyArgs().GenerateAsync(default!, default, default);
    }

    [Fact]
    public void Dispose_disposes_an_owned_generator_only()
    {
        var (owned, ownedGenerator) = Create(owns: true);
        var (borrowed, borrowedGenerator) = Create(owns: false);

        owned.Dispose();
        borrowed.Dispose();

        ownedGenerator.Received(1).Dispose();
        borrowedGenerator.DidNotReceive().Dispose();
    }
}
