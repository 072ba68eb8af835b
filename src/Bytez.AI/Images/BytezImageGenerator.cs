using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bytez.AI.Adapters;
using Bytez.AI.Lifecycle;
using Bytez.AI.Mapping;
using Bytez.AI.Validation;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Images;

/// <summary>An <see cref="IImageGenerator"/> for a Bytez text-to-image or unconditional image generation model.</summary>
/// <remarks>
/// <para>The prompt is sent as <c>"input": "&lt;prompt&gt;"</c>; an empty prompt sends no input (unconditional image
/// generation takes parameters only). <see cref="ImageGenerationOptions.Count"/> images take that many runs, in
/// parallel up to the instance's loaded concurrency. <see cref="ImageGenerationOptions.ImageSize"/> becomes the
/// <c>width</c> and <c>height</c> params; <see cref="ImageGenerationOptions.AdditionalProperties"/> and a
/// <see cref="JsonObject"/> from <see cref="ImageGenerationOptions.RawRepresentationFactory"/> become <c>params</c>
/// (typed options only fill what they leave unset). <see cref="ImageGenerationOptions.ModelId"/> naming another model
/// runs the call on that model through its own instance lease (loaded on first use, released when the generator is
/// disposed).</para>
/// <para>Bytez produces PNG only: <see cref="ImageGenerationOptions.MediaType"/> other than <c>image/png</c> throws
/// <see cref="NotSupportedException"/>. Images come back as <see cref="DataContent"/> <c>image/png</c> (the v1
/// <c>output_png</c>), whatever <see cref="ImageGenerationOptions.ResponseFormat"/> says, because Bytez hosts no
/// files for v1 runs; an image URL in <c>output</c> (the v2 form) becomes a <see cref="UriContent"/>.
/// <see cref="ImageGenerationResponseFormat.Hosted"/> is not supported. No Bytez task edits images, so a request with
/// <see cref="ImageGenerationRequest.OriginalImages"/> throws <see cref="NotSupportedException"/>.</para>
/// </remarks>
[Experimental("MEAI001")]
internal sealed class BytezImageGenerator : BytezAdapter<ImageGeneratorMetadata>, IImageGenerator
{
    /// <summary>Initializes a new instance of the <see cref="BytezImageGenerator"/> class.</summary>
    /// <param name="model">The model.</param>
    /// <param name="options">Instance management; defaults when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public BytezImageGenerator(BytezModel model, BytezImageGeneratorOptions? options = null)
        : base(model, options ?? new BytezImageGeneratorOptions(), static (provider, endpoint, modelId) => new ImageGeneratorMetadata(provider, endpoint, modelId))
    {
    }

    /// <inheritdoc />
    public async Task<ImageGenerationResponse> GenerateAsync(
        ImageGenerationRequest request,
        ImageGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        BytezInputValidator.Validate(request);
        BytezOptionsValidator.Validate(options);
        ModelInstanceLease lease = LeaseFor(options?.ModelId);
        int count = options?.Count ?? 1;

        // One params object for every run: runs only serialize it, which never changes it.
        JsonObject parameters = BytezParameters.FromRawRepresentation(options?.RawRepresentationFactory?.Invoke(this));
        if (options?.ImageSize is { } size)
        {
            BytezParameters.SetIfAbsent(parameters, "width", size.Width);
            BytezParameters.SetIfAbsent(parameters, "height", size.Height);
        }

        BytezParameters.AddAdditionalProperties(parameters, options?.AdditionalProperties);
        BytezInput input = string.IsNullOrWhiteSpace(request.Prompt) ? BytezInput.None : BytezInput.FromText(request.Prompt);

        BytezRunResult[] results = await BoundedFanOut.RunAsync(
            lease,
            count,
            maxParallelism: null,
            (_, ct) => lease.ExecuteAsync((model, token) => model.RunAsync(input, parameters, token), ct),
            cancellationToken).ConfigureAwait(false);

        List<AIContent> contents = new(count);
        foreach (BytezRunResult result in results)
        {
            contents.Add(ToContent(result, lease.Model.ModelId));
        }

        return new ImageGenerationResponse(contents)
        {
            RawRepresentation = count == 1 ? results[0] : results,
        };
    }

    private static AIContent ToContent(BytezRunResult result, string modelId)
    {
        JsonElement body = result.RawRepresentation;
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("output_png", out _))
        {
            return new DataContent(result.GetPngBytes(), BytezOptionsValidator.PngMediaType);
        }

        // Tolerate the v2 forms: a data URL, or a URL of the image on Bytez's CDN.
        if (result.Output is { ValueKind: JsonValueKind.String } output && output.GetString() is { Length: > 0 } text)
        {
            if (text.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            {
                return new DataContent(text);
            }

            if (Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            {
                return new UriContent(uri, BytezOptionsValidator.PngMediaType);
            }
        }

        throw new BytezProtocolException(
            $"Model '{modelId}' returned no image: expected a top-level 'output_png' or an image URL in 'output'. Is it a text-to-image or unconditional-image-generation model?",
            statusCode: null,
            bytezError: null,
            modelId: modelId);
    }
}
