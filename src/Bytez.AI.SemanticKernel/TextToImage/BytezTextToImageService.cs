using System.Diagnostics.CodeAnalysis;
using Bytez.AI.SemanticKernel.Internal;
using Bytez.AI.SemanticKernel.TextToImage;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.TextToImage;
using TextContent = Microsoft.SemanticKernel.TextContent;

namespace Bytez.AI.SemanticKernel;

/// <summary>
/// A Semantic Kernel <see cref="ITextToImageService"/> backed by a Bytez text-to-image model (Semantic Kernel has no
/// bridge from M.E.AI's <see cref="IImageGenerator"/>, so this is one, over the Bytez image generator).
/// </summary>
/// <remarks>
/// <para>
/// Execution settings are read from <see cref="PromptExecutionSettings.ExtensionData"/>, with the keys of Semantic
/// Kernel's OpenAI text-to-image settings: <c>width</c> and <c>height</c> (or <c>size</c> as <c>"512x512"</c>), and
/// <c>n</c> or <c>count</c> for several images; other keys are passed to the model as parameters. Typed settings
/// classes of other connectors (such as <c>OpenAITextToImageExecutionSettings.Size</c>) are not read.
/// </para>
/// <para>
/// Images come back as data (<see cref="BinaryContent.Data"/> and <see cref="BinaryContent.DataUri"/>, media type
/// <c>image/png</c>), because the Bytez API returns the image bytes, not a link. The obsolete
/// <c>TextToImageServiceExtensions.GenerateImageAsync</c> returns <see cref="BinaryContent.Uri"/>, which is null for
/// data: use <see cref="GetImageContentsAsync"/>.
/// </para>
/// <para>Disposing the service disposes its image generator, which stops the instance if this process started it.</para>
/// </remarks>
[Experimental("SKEXP0001")]
public sealed class BytezTextToImageService : ITextToImageService, IDisposable
{
    private const string PngMediaType = "image/png";

    private readonly ServiceCore<IImageGenerator> _core;

    /// <summary>Initializes a new instance of the <see cref="BytezTextToImageService"/> class.</summary>
    /// <param name="model">The text-to-image model.</param>
    /// <param name="options">Instance management; defaults when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public BytezTextToImageService(BytezModel model, BytezImageGeneratorOptions? options = null)
        : this(CreateImageGenerator(model, options), model.ModelId, model.Client.Endpoint, ownsImageGenerator: true)
    {
    }

    /// <summary>Initializes a new instance over an image generator (for example a pipeline with telemetry).</summary>
    /// <param name="imageGenerator">The generator; disposed with this service when <paramref name="ownsImageGenerator"/>.</param>
    /// <param name="modelId">The model id reported in <see cref="Attributes"/> and on each image.</param>
    /// <param name="endpoint">The API base address reported in <see cref="Attributes"/>.</param>
    /// <param name="ownsImageGenerator">Whether disposing this service disposes the generator.</param>
    internal BytezTextToImageService(IImageGenerator imageGenerator, string modelId, Uri endpoint, bool ownsImageGenerator)
        => _core = new(imageGenerator, modelId, endpoint, ownsImageGenerator);

    /// <inheritdoc />
    public IReadOnlyDictionary<string, object?> Attributes => _core.Attributes;

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentException">The prompt is empty, or the size settings are invalid.</exception>
    public async Task<IReadOnlyList<ImageContent>> GetImageContentsAsync(
        TextContent input,
        PromptExecutionSettings? executionSettings = null,
        Kernel? kernel = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (string.IsNullOrWhiteSpace(input.Text))
        {
            throw new ArgumentException("The image description is empty.", nameof(input));
        }

        var settings = ImageExecutionSettings.Read(executionSettings);
        var options = new ImageGenerationOptions
        {
            ImageSize = settings.Size,
            Count = settings.Count,
            MediaType = PngMediaType,
        };
        if (settings.Additional.Count > 0)
        {
            options.AdditionalProperties = new AdditionalPropertiesDictionary(settings.Additional);
        }

        var response = await _core.Client
            .GenerateAsync(new ImageGenerationRequest(input.Text), options, cancellationToken)
            .ConfigureAwait(false);

        var images = new List<ImageContent>(response.Contents.Count);
        foreach (var content in response.Contents)
        {
            ImageContent? image = content switch
            {
                DataContent data => new ImageContent(data.Data, data.MediaType ?? PngMediaType),
                UriContent uri => new ImageContent(uri.Uri) { MimeType = uri.MediaType },
                _ => null,
            };

            if (image is not null)
            {
                image.ModelId = _core.ModelId;
                image.InnerContent = content.RawRepresentation ?? response.RawRepresentation;
                images.Add(image);
            }
        }

        return images;
    }

    /// <summary>Disposes the image generator if this service owns it (stopping an instance this process started).</summary>
    public void Dispose() => _core.Dispose();

    private static IImageGenerator CreateImageGenerator(BytezModel model, BytezImageGeneratorOptions? options)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.AsIImageGenerator(options);
    }
}
