using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bytez.AI.Emulator;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Services;
using Microsoft.SemanticKernel.TextToImage;
using static Bytez.AI.SemanticKernel.Tests.Integration.FastOptions;
using static Bytez.AI.TestSupport.EmulatorFixture;
using TextContent = Microsoft.SemanticKernel.TextContent;

namespace Bytez.AI.SemanticKernel.Tests.Integration;

public sealed class TextToImageTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static readonly byte[] s_pngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private Kernel BuildKernel() =>
        Kernel.CreateBuilder().AddBytezTextToImage(TestModels.TextToImage, ApiKey, fixture.Endpoint, FastImages).Build();

    /// <summary>
    /// A kernel for a generation: v2 through the key-and-endpoint registration (which speaks v2, the default), v1
    /// through an explicit client set to v1.
    /// </summary>
    private Kernel BuildKernel(BytezApiVersion api, out BytezClient? client)
    {
        client = null;
        if (api == BytezApiVersion.V2)
        {
            return BuildKernel();
        }

        client = new BytezClient(new BytezClientOptions { ApiKey = ApiKey, Endpoint = fixture.Endpoint, ApiVersion = BytezApiVersion.V1 });
        return Kernel.CreateBuilder().AddBytezTextToImage(TestModels.TextToImage, client, FastImages).Build();
    }

    [Theory]
    [InlineData(BytezApiVersion.V1)]
    [InlineData(BytezApiVersion.V2)]
    public async Task Text_to_image_returns_a_png_of_the_requested_width_and_height(BytezApiVersion api)
    {
        var kernel = BuildKernel(api, out var client);
        using var owned = client;
        var service = kernel.GetRequiredService<ITextToImageService>();
        var settings = new PromptExecutionSettings { ExtensionData = new Dictionary<string, object> { ["width"] = 64, ["height"] = 48 } };

        var images = await service.GetImageContentsAsync(new TextContent("a lighthouse at dusk"), settings, kernel);

        var run = Assert.Single(await fixture.Emulator.RequestLog.EntriesWhenSettledAsync(e => e.Kind == (api == BytezApiVersion.V1 ? EmulatorRequestKind.Run : EmulatorRequestKind.V2Run) && e.ModelId == TestModels.TextToImage && e.Body.Contains("a lighthouse at dusk", StringComparison.Ordinal)));
        var parameters = JsonNode.Parse(run.Body)!["params"]!;
        Assert.Equal(64, parameters["width"]!.GetValue<int>());
        Assert.Equal(48, parameters["height"]!.GetValue<int>());

        var image = Assert.Single(images);
        Assert.Equal("image/png", image.MimeType);
        Assert.Equal((64, 48), PngSize(image.Data!.Value.Span));
        Assert.StartsWith("data:image/png;base64,", image.DataUri, StringComparison.Ordinal);
        Assert.Equal(TestModels.TextToImage, image.ModelId);
        (kernel.Services as IDisposable)?.Dispose();
    }

    [Theory]
    [InlineData(BytezApiVersion.V1)]
    [InlineData(BytezApiVersion.V2)]
    public async Task Size_from_settings_read_from_json(BytezApiVersion api)
    {
        var kernel = BuildKernel(api, out var client);
        using var owned = client;
        var service = kernel.GetRequiredService<ITextToImageService>();
        var settings = JsonSerializer.Deserialize<PromptExecutionSettings>("""{ "size": "32x16" }""");

        var image = Assert.Single(await service.GetImageContentsAsync(new TextContent("a small red square"), settings, kernel));

        Assert.Equal((32, 16), PngSize(image.Data!.Value.Span));
        (kernel.Services as IDisposable)?.Dispose();
    }

    [Fact]
    public void Attributes_name_the_model_and_endpoint()
    {
        var kernel = BuildKernel();
        var service = kernel.GetRequiredService<ITextToImageService>();

        Assert.Equal(TestModels.TextToImage, service.GetModelId());
        Assert.Equal(fixture.Endpoint.ToString(), service.GetEndpoint());
        (kernel.Services as IDisposable)?.Dispose();
    }

    [Theory]
    [InlineData(BytezApiVersion.V1)]
    [InlineData(BytezApiVersion.V2)]
    public async Task AddBytezKernelImageGenerator_registers_a_keyed_IImageGenerator(BytezApiVersion api)
    {
        var services = new ServiceCollection();
        services.AddBytezClient(o =>
        {
            o.ApiKey = ApiKey;
            o.Endpoint = fixture.Endpoint;
            o.ApiVersion = api;
        });
        services.AddBytezKernelImageGenerator(TestModels.TextToImage, options: FastImages, serviceId: "images");
        await using var provider = services.BuildServiceProvider();

        var generator = provider.GetRequiredKeyedService<IImageGenerator>("images");
        var response = await generator.GenerateImagesAsync("a green circle", new ImageGenerationOptions { ImageSize = new System.Drawing.Size(40, 30) });

        var data = Assert.IsType<DataContent>(Assert.Single(response.Contents));
        Assert.Equal("image/png", data.MediaType);
        Assert.Equal((40, 30), PngSize(data.Data.Span));
        Assert.NotNull(generator.GetService<OpenTelemetryImageGenerator>());
    }

    /// <summary>Reads width and height from the IHDR chunk that every PNG starts with.</summary>
    private static (int Width, int Height) PngSize(ReadOnlySpan<byte> png)
    {
        Assert.True(png.Length > 24 && png[..8].SequenceEqual(s_pngSignature), "not a PNG");
        Assert.True(png.Slice(12, 4).SequenceEqual("IHDR"u8), "PNG without IHDR first");
        return (BinaryPrimitives.ReadInt32BigEndian(png.Slice(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.Slice(20, 4)));
    }
}
