using System.Drawing;
using System.Text.Json.Nodes;
using Bytez.AI.Emulator;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bytez.AI.Tests.Images;

/// <summary>
/// The Bytez image generator against the emulator: M.E.AI's <c>ImageGeneratorIntegrationTests</c> scenarios plus Bytez
/// specifics (size params, media type, unconditional generation, v2 URL outputs).
/// </summary>
public sealed class BytezImageGeneratorTests
{
    private const string Model = TestModels.TextToImage;
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    // ---- M.E.AI ImageGeneratorIntegrationTests scenarios ----

    [Fact]
    public async Task GenerateImagesAsync_SingleImageGeneration()
    {
        await using var env = await EmulatorFixture.StartAsync();
        using IImageGenerator generator = Create(env);

        ImageGenerationResponse response = await generator.GenerateImagesAsync("A simple drawing of a house", new ImageGenerationOptions { Count = 1 });

        AIContent content = Assert.Single(response.Contents);
        DataContent image = Assert.IsType<DataContent>(content);
        Assert.Equal("image/png", image.MediaType);
        Assert.True(image.Data.Span.StartsWith(PngSignature), "not a PNG");
        Assert.IsType<BytezRunResult>(response.RawRepresentation);
        Assert.Equal("A simple drawing of a house", env.Log.RunBodies(Model).Single()["input"]!.GetValue<string>());
    }

    [Fact]
    public async Task GenerateImagesAsync_MultipleImages()
    {
        await using var env = await EmulatorFixture.StartAsync();
        using IImageGenerator generator = Create(env, new BytezImageGeneratorOptions { LoadOptions = new BytezLoadOptions { Concurrency = 2 } });

        ImageGenerationResponse response = await generator.GenerateImagesAsync("A cat sitting on a table", new ImageGenerationOptions { Count = 2 });

        Assert.Equal(2, response.Contents.Count);
        Assert.All(response.Contents, content =>
        {
            DataContent image = Assert.IsType<DataContent>(content);
            Assert.False(image.Data.IsEmpty);
            Assert.StartsWith("image/", image.MediaType, StringComparison.Ordinal);
            Assert.True(image.Data.Span.StartsWith(PngSignature));
        });
        Assert.Equal(2, env.Log.RunCount(Model));
        Assert.Equal(1, env.Log.LoadCount(Model));
    }

    [Fact]
    public async Task EditImagesAsync_SingleImage_IsNotSupported()
    {
        // No Bytez task edits images: text-to-image and unconditional generation only create new ones.
        await using var env = await EmulatorFixture.StartAsync();
        using IImageGenerator generator = Create(env);
        AIContent[] originals = [new DataContent(PngSignature, "image/png") { Name = "dotnet.png" }];

        var ex = await Assert.ThrowsAsync<NotSupportedException>(() => generator.EditImagesAsync(originals, "Add a red border", new ImageGenerationOptions { Count = 1 }));

        Assert.Contains("image-editing", ex.Message, StringComparison.Ordinal);
        Assert.Empty(env.Log.Entries);
    }

    // ---- Bytez specifics ----

    [Fact]
    public async Task ImageSize_BecomesWidthAndHeightParams_AndRawRepresentationWins()
    {
        await using var env = await EmulatorFixture.StartAsync();
        using IImageGenerator generator = Create(env);

        _ = await generator.GenerateImagesAsync("a lighthouse", new ImageGenerationOptions { ImageSize = new Size(640, 480) });
        _ = await generator.GenerateImagesAsync("a lighthouse", new ImageGenerationOptions
        {
            ImageSize = new Size(640, 480),
            RawRepresentationFactory = _ => new JsonObject { ["width"] = 256 },
            AdditionalProperties = new() { ["num_inference_steps"] = 4, ["height"] = 999 },
        });

        IReadOnlyList<JsonObject> bodies = env.Log.RunBodies(Model);
        Assert.Equal(640, bodies[0]["params"]!["width"]!.GetValue<int>());
        Assert.Equal(480, bodies[0]["params"]!["height"]!.GetValue<int>());
        Assert.Equal(256, bodies[1]["params"]!["width"]!.GetValue<int>());
        Assert.Equal(480, bodies[1]["params"]!["height"]!.GetValue<int>());
        Assert.Equal(4, bodies[1]["params"]!["num_inference_steps"]!.GetValue<int>());
    }

    [Fact]
    public async Task MediaType_PngIsAccepted_OthersAreNotSupported()
    {
        await using var env = await EmulatorFixture.StartAsync();
        using IImageGenerator generator = Create(env);

        ImageGenerationResponse png = await generator.GenerateImagesAsync("x", new ImageGenerationOptions { MediaType = "image/PNG" });
        Assert.IsType<DataContent>(Assert.Single(png.Contents));

        await Assert.ThrowsAsync<NotSupportedException>(() => generator.GenerateImagesAsync("x", new ImageGenerationOptions { MediaType = "image/jpeg" }));
        await Assert.ThrowsAsync<NotSupportedException>(() => generator.GenerateImagesAsync("x", new ImageGenerationOptions { ResponseFormat = ImageGenerationResponseFormat.Hosted }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => generator.GenerateImagesAsync("x", new ImageGenerationOptions { Count = 0 }));
        Assert.Equal(1, env.Log.RunCount(Model));
    }

    [Fact]
    public async Task ResponseFormatUri_StillReturnsTheBytes_BecauseV1HostsNoFiles()
    {
        await using var env = await EmulatorFixture.StartAsync();
        using IImageGenerator generator = Create(env);

        ImageGenerationResponse response = await generator.GenerateImagesAsync("x", new ImageGenerationOptions { ResponseFormat = ImageGenerationResponseFormat.Uri });

        Assert.Equal("image/png", Assert.IsType<DataContent>(Assert.Single(response.Contents)).MediaType);
    }

    [Fact]
    public async Task Unconditional_SendsThePromptWhenGiven_AndNoInputWhenEmpty()
    {
        await using var env = await EmulatorFixture.StartAsync();
        env.Emulator.AddModel(new EmulatedModel(TestModels.UnconditionalImage, BytezTasks.UnconditionalImageGeneration));
        using IImageGenerator generator = env.Client.GetModel(TestModels.UnconditionalImage).AsIImageGenerator();

        ImageGenerationResponse withPrompt = await generator.GenerateImagesAsync("A rose");
        ImageGenerationResponse withoutPrompt = await generator.GenerateAsync(new ImageGenerationRequest());

        Assert.IsType<DataContent>(Assert.Single(withPrompt.Contents));
        Assert.IsType<DataContent>(Assert.Single(withoutPrompt.Contents));
        IReadOnlyList<JsonObject> bodies = env.Log.RunBodies(TestModels.UnconditionalImage);
        Assert.Equal("A rose", bodies[0]["input"]!.GetValue<string>());
        Assert.False(bodies[1].ContainsKey("input"));
    }

    [Fact]
    public async Task V2Outputs_AreTolerated_AsUriOrDataContent()
    {
        await using var env = await EmulatorFixture.StartAsync();
        env.Emulator.Script(Model)
            .ReplyJson(new JsonObject { ["error"] = null, ["output"] = "https://cdn.bytez.com/images/v2/abc.png" })
            .ReplyJson(new JsonObject { ["error"] = null, ["output"] = "data:image/png;base64,iVBORw0KGgo=" });
        using IImageGenerator generator = Create(env);

        ImageGenerationResponse url = await generator.GenerateImagesAsync("x");
        ImageGenerationResponse dataUrl = await generator.GenerateImagesAsync("x");

        UriContent uri = Assert.IsType<UriContent>(Assert.Single(url.Contents));
        Assert.Equal("https://cdn.bytez.com/images/v2/abc.png", uri.Uri.ToString());
        DataContent data = Assert.IsType<DataContent>(Assert.Single(dataUrl.Contents));
        Assert.Equal("image/png", data.MediaType);
        Assert.True(data.Data.Span.StartsWith(PngSignature));
    }

    [Fact]
    public async Task AReplyWithoutAnImage_ThrowsBytezProtocolException()
    {
        await using var env = await EmulatorFixture.StartAsync();
        env.Emulator.Script(Model).ReplyJson(new JsonObject { ["output"] = new JsonArray(1, 2) });
        using IImageGenerator generator = Create(env);

        var ex = await Assert.ThrowsAsync<BytezProtocolException>(() => generator.GenerateImagesAsync("x"));
        Assert.Contains("output_png", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MetadataAndGetService_FollowTheM_E_AI_Conventions()
    {
        await using var env = await EmulatorFixture.StartAsync();
        BytezModel model = env.Client.GetModel(Model);
        using IImageGenerator generator = model.AsIImageGenerator();

        ImageGeneratorMetadata metadata = generator.GetService<ImageGeneratorMetadata>()!;
        Assert.Equal("bytez", metadata.ProviderName);
        Assert.Equal(env.Endpoint, metadata.ProviderUri);
        Assert.Equal(Model, metadata.DefaultModelId);
        Assert.Same(model, generator.GetService<BytezModel>());
        Assert.Same(env.Client, generator.GetService<BytezClient>());
        Assert.Same(generator, generator.GetService<IImageGenerator>());
        Assert.Null(generator.GetService<BytezModel>("key"));
        Assert.Throws<ArgumentNullException>(() => generator.GetService(null!));

        using IImageGenerator pipeline = generator.AsBuilder().UseLogging(NullLoggerFactory.Instance).UseOpenTelemetry().Build();
        Assert.Same(model, pipeline.GetService<BytezModel>());
        Assert.Same(metadata, pipeline.GetService<ImageGeneratorMetadata>());
    }

    [Fact]
    public async Task Dispose_StopsTheInstanceItStarted()
    {
        await using var env = await EmulatorFixture.StartAsync();
        IImageGenerator generator = Create(env);
        _ = await generator.GenerateImagesAsync("x");

        generator.Dispose();

        Assert.Equal(1, env.Log.StopCount(Model));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => generator.GenerateImagesAsync("x"));
        Assert.Throws<ArgumentNullException>(() => ((BytezModel)null!).AsIImageGenerator());
    }

    [Fact]
    public async Task ModelIdOfAnotherModel_RunsThatModelThroughItsOwnLease_ReleasedOnDispose()
    {
        await using var env = await EmulatorFixture.StartAsync();
        env.Emulator.AddModel(new EmulatedModel(TestModels.UnconditionalImage, BytezTasks.UnconditionalImageGeneration));
        IImageGenerator generator = Create(env);

        ImageGenerationResponse response = await generator.GenerateImagesAsync(string.Empty, new ImageGenerationOptions { ModelId = TestModels.UnconditionalImage });

        Assert.IsType<DataContent>(Assert.Single(response.Contents));
        Assert.Single(env.Log.RunBodies(TestModels.UnconditionalImage));
        Assert.Empty(env.Log.RunBodies(Model));
        Assert.Equal(1, env.Log.LoadCount(TestModels.UnconditionalImage));

        generator.Dispose();
        Assert.Equal(1, env.Log.StopCount(TestModels.UnconditionalImage));
    }

    private static IImageGenerator Create(EmulatorFixture env, BytezImageGeneratorOptions? options = null) =>
        env.Client.GetModel(Model).AsIImageGenerator(options);
}
