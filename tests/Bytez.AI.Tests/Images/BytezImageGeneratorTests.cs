using System.Drawing;
using System.Text.Json.Nodes;
using Bytez.AI.Emulator;
using Bytez.AI.Tests.Adapters;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bytez.AI.Tests.Images;

/// <summary>
/// The Bytez image generator against the emulator on each API generation: M.E.AI's <c>ImageGeneratorIntegrationTests</c>
/// scenarios plus Bytez specifics (size params, media type, unconditional generation, response formats: bytes on both
/// generations, v2's CDN links).
/// </summary>
public sealed class BytezImageGeneratorTests
{
    private const string Model = TestModels.TextToImage;
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    // ---- M.E.AI ImageGeneratorIntegrationTests scenarios ----

    [Theory]
    [BothApiVersions]
    public async Task GenerateImagesAsync_SingleImageGeneration(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        using IImageGenerator generator = Create(env);

        ImageGenerationResponse response = await generator.GenerateImagesAsync("A simple drawing of a house", new ImageGenerationOptions { Count = 1 });

        AIContent content = Assert.Single(response.Contents);
        DataContent image = Assert.IsType<DataContent>(content);
        Assert.Equal("image/png", image.MediaType);
        Assert.True(image.Data.Span.StartsWith(PngSignature), "not a PNG");
        Assert.IsType<BytezMedia>(response.RawRepresentation);
        JsonObject body = env.Log.RunBodies(Model).Single();
        Assert.Equal("A simple drawing of a house", body.InputOf()!.GetValue<string>());

        // Data is the default: v2 asks for the raw bytes; v1 decodes the base64 in its JSON answer.
        Assert.Equal(api == BytezApiVersion.V2, body["json"] is JsonValue json && !json.GetValue<bool>());
    }

    [Theory]
    [BothApiVersions]
    public async Task GenerateImagesAsync_MultipleImages(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
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
        Assert.Equal(api == BytezApiVersion.V1 ? 1 : 0, env.Log.LoadCount(Model));
    }

    [Theory]
    [BothApiVersions]
    public async Task EditImagesAsync_SingleImage_IsNotSupported(BytezApiVersion api)
    {
        // No Bytez task edits images: text-to-image and unconditional generation only create new ones.
        await using var env = await EmulatorFixture.StartAsync(api);
        using IImageGenerator generator = Create(env);
        AIContent[] originals = [new DataContent(PngSignature, "image/png") { Name = "dotnet.png" }];

        var ex = await Assert.ThrowsAsync<NotSupportedException>(() => generator.EditImagesAsync(originals, "Add a red border", new ImageGenerationOptions { Count = 1 }));

        Assert.Contains("image-editing", ex.Message, StringComparison.Ordinal);
        Assert.Empty(env.Log.Entries);
    }

    // ---- Bytez specifics ----

    [Theory]
    [BothApiVersions]
    public async Task ImageSize_BecomesWidthAndHeightParams_AndRawRepresentationWins(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
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
        Assert.Equal(256, bodies[1]["params"]!["width"]!.GetValue<int>()); // the raw object wins
        Assert.Equal(999, bodies[1]["params"]!["height"]!.GetValue<int>()); // a key written by name wins over ImageSize
        Assert.Equal(4, bodies[1]["params"]!["num_inference_steps"]!.GetValue<int>());
    }

    [Theory]
    [BothApiVersions]
    public async Task MediaType_PngIsAccepted_OthersAreNotSupported(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        using IImageGenerator generator = Create(env);

        ImageGenerationResponse png = await generator.GenerateImagesAsync("x", new ImageGenerationOptions { MediaType = "image/PNG" });
        Assert.IsType<DataContent>(Assert.Single(png.Contents));

        await Assert.ThrowsAsync<NotSupportedException>(() => generator.GenerateImagesAsync("x", new ImageGenerationOptions { MediaType = "image/jpeg" }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => generator.GenerateImagesAsync("x", new ImageGenerationOptions { Count = 0 }));
        Assert.Equal(1, env.Log.RunCount(Model));
    }

    [Theory]
    [InlineData(ImageGenerationResponseFormat.Uri)]
    [InlineData(ImageGenerationResponseFormat.Hosted)]
    public async Task V2_Uri_and_Hosted_return_the_cdn_link_as_UriContent(ImageGenerationResponseFormat format)
    {
        await using var env = await EmulatorFixture.StartAsync(BytezApiVersion.V2);
        using IImageGenerator generator = Create(env);

        ImageGenerationResponse response = await generator.GenerateImagesAsync("a lighthouse", new ImageGenerationOptions { ResponseFormat = format });

        UriContent link = Assert.IsType<UriContent>(Assert.Single(response.Contents));
        Assert.Equal("image/png", link.MediaType);
        Assert.IsType<BytezRunResult>(response.RawRepresentation);
        Assert.False(env.Log.RunBodies(Model).Single().ContainsKey("json"));

        // The link is public: no key needed to fetch the image.
        using var anonymous = new HttpClient();
        Assert.True((await anonymous.GetByteArrayAsync(link.Uri)).AsSpan().StartsWith(PngSignature));
    }

    [Fact]
    public async Task V1_Uri_still_returns_the_bytes_and_Hosted_fails_before_any_request_naming_V2()
    {
        await using var env = await EmulatorFixture.StartAsync(BytezApiVersion.V1);
        using IImageGenerator generator = Create(env);

        var hosted = await Assert.ThrowsAsync<NotSupportedException>(
            () => generator.GenerateImagesAsync("x", new ImageGenerationOptions { ResponseFormat = ImageGenerationResponseFormat.Hosted }));
        Assert.Contains("BytezClientOptions.ApiVersion = BytezApiVersion.V2", hosted.Message, StringComparison.Ordinal);
        Assert.Empty(env.Log.Entries);

        ImageGenerationResponse response = await generator.GenerateImagesAsync("x", new ImageGenerationOptions { ResponseFormat = ImageGenerationResponseFormat.Uri });

        Assert.Equal("image/png", Assert.IsType<DataContent>(Assert.Single(response.Contents)).MediaType);
    }

    [Theory]
    [BothApiVersions]
    public async Task Unconditional_SendsThePromptWhenGiven_AndNoInputWhenEmpty(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        env.Emulator.AddModel(new EmulatedModel(TestModels.UnconditionalImage, BytezTasks.UnconditionalImageGeneration));
        using IImageGenerator generator = env.Client.GetModel(TestModels.UnconditionalImage).AsIImageGenerator();

        ImageGenerationResponse withPrompt = await generator.GenerateImagesAsync("A rose");
        ImageGenerationResponse withoutPrompt = await generator.GenerateAsync(new ImageGenerationRequest());

        Assert.IsType<DataContent>(Assert.Single(withPrompt.Contents));
        Assert.IsType<DataContent>(Assert.Single(withoutPrompt.Contents));
        IReadOnlyList<JsonObject> bodies = env.Log.RunBodies(TestModels.UnconditionalImage);
        Assert.Equal("A rose", bodies[0].InputOf()!.GetValue<string>());
        Assert.Null(bodies[1].InputOf());
    }

    [Fact]
    public async Task A_data_url_output_is_read_as_the_image_bytes()
    {
        // The December 2024 v2 form; the emulator passes a scripted body through as the JSON answer.
        await using var env = await EmulatorFixture.StartAsync(BytezApiVersion.V2);
        env.Emulator.Script(Model).ReplyJson(new JsonObject { ["output"] = "data:image/png;base64,iVBORw0KGgo=" });
        using IImageGenerator generator = Create(env);

        ImageGenerationResponse response = await generator.GenerateImagesAsync("x");

        DataContent data = Assert.IsType<DataContent>(Assert.Single(response.Contents));
        Assert.Equal("image/png", data.MediaType);
        Assert.True(data.Data.Span.StartsWith(PngSignature));
    }

    [Theory]
    [BothApiVersions]
    public async Task AReplyWithoutAnImage_ThrowsBytezProtocolException(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        env.Emulator.Script(Model).ReplyJson(new JsonObject { ["output"] = new JsonArray(1, 2) });
        using IImageGenerator generator = Create(env);

        var ex = await Assert.ThrowsAsync<BytezProtocolException>(() => generator.GenerateImagesAsync("x"));
        Assert.Contains("output_png", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [BothApiVersions]
    public async Task MetadataAndGetService_FollowTheM_E_AI_Conventions(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        BytezModel model = env.Client.GetModel(Model);
        using IImageGenerator generator = model.AsIImageGenerator();

        using IImageGenerator pipeline = generator.AsBuilder().UseLogging(NullLoggerFactory.Instance).UseOpenTelemetry().Build();
        AdapterConventions.AssertGetService<ImageGeneratorMetadata>(
            env, model, generator, typeof(IImageGenerator), generator.GetService, pipeline.GetService, m => (m.ProviderName, m.ProviderUri, m.DefaultModelId));
    }

    [Theory]
    [BothApiVersions]
    public async Task Dispose_StopsTheInstanceItStarted(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        IImageGenerator generator = Create(env);
        _ = await generator.GenerateImagesAsync("x");

        generator.Dispose();

        Assert.Equal(api == BytezApiVersion.V1 ? 1 : 0, env.Log.StopCount(Model)); // v2 is serverless
        await Assert.ThrowsAsync<ObjectDisposedException>(() => generator.GenerateImagesAsync("x"));
        Assert.Throws<ArgumentNullException>(() => ((BytezModel)null!).AsIImageGenerator());
    }

    [Theory]
    [BothApiVersions]
    public async Task ModelIdOfAnotherModel_RunsThatModelThroughItsOwnLease_ReleasedOnDispose(BytezApiVersion api)
    {
        await using var env = await EmulatorFixture.StartAsync(api);
        env.Emulator.AddModel(new EmulatedModel(TestModels.UnconditionalImage, BytezTasks.UnconditionalImageGeneration));
        IImageGenerator generator = Create(env);

        ImageGenerationResponse response = await generator.GenerateImagesAsync(string.Empty, new ImageGenerationOptions { ModelId = TestModels.UnconditionalImage });

        Assert.IsType<DataContent>(Assert.Single(response.Contents));
        Assert.Single(env.Log.RunBodies(TestModels.UnconditionalImage));
        Assert.Empty(env.Log.RunBodies(Model));
        int lifecycle = api == BytezApiVersion.V1 ? 1 : 0;
        Assert.Equal(lifecycle, env.Log.LoadCount(TestModels.UnconditionalImage));

        generator.Dispose();
        Assert.Equal(lifecycle, env.Log.StopCount(TestModels.UnconditionalImage));
    }

    private static IImageGenerator Create(EmulatorFixture env, BytezImageGeneratorOptions? options = null) =>
        env.Client.GetModel(Model).AsIImageGenerator(options);
}
