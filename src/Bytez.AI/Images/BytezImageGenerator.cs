using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using Bytez.AI.Adapters;
using Bytez.AI.Lifecycle;
using Bytez.AI.Mapping;
using Bytez.AI.Validation;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Images;

/// <summary>An <see cref="IImageGenerator"/> for a Bytez text-to-image or unconditional image generation model.</summary>
/// <remarks>
/// <para>The prompt is sent as text (<c>text</c> in v2, <c>input</c> in v1); an empty prompt sends no input (unconditional image
/// generation takes parameters only). <see cref="ImageGenerationOptions.Count"/> images take that many runs, in
/// parallel up to the instance's loaded concurrency. <see cref="ImageGenerationOptions.ImageSize"/> becomes the
/// <c>width</c> and <c>height</c> params; <see cref="ImageGenerationOptions.AdditionalProperties"/> and a
/// <see cref="JsonObject"/> from <see cref="ImageGenerationOptions.RawRepresentationFactory"/> become <c>params</c>
/// (the raw object first, then additional properties; typed options only fill what they leave unset). <see cref="ImageGenerationOptions.ModelId"/> naming another model
/// runs the call on that model through its own instance lease (loaded on first use, released when the generator is
/// disposed).</para>
/// <para>Bytez produces PNG only: <see cref="ImageGenerationOptions.MediaType"/> other than <c>image/png</c> throws
/// <see cref="NotSupportedException"/>. <see cref="ImageGenerationOptions.ResponseFormat"/>:
/// <see cref="ImageGenerationResponseFormat.Data"/> (the default) gives <see cref="DataContent"/> bytes in both API
/// generations (v2 asks for the raw bytes with <c>"json": false</c>, v1 decodes <c>output_png</c>);
/// <see cref="ImageGenerationResponseFormat.Uri"/> and <see cref="ImageGenerationResponseFormat.Hosted"/> give a
/// <see cref="UriContent"/> of the image on Bytez's CDN in v2. In v1, which hosts nothing, Uri gives the bytes as Data
/// does and Hosted throws <see cref="NotSupportedException"/> before any request. No Bytez task edits images, so a
/// request with <see cref="ImageGenerationRequest.OriginalImages"/> throws <see cref="NotSupportedException"/>.</para>
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
        JsonObject parameters = BytezParameters.Start(options?.RawRepresentationFactory?.Invoke(this), options?.AdditionalProperties);
        if (options?.ImageSize is { } size)
        {
            BytezParameters.SetIfAbsent(parameters, "width", size.Width);
            BytezParameters.SetIfAbsent(parameters, "height", size.Height);
        }
        BytezInput input = string.IsNullOrWhiteSpace(request.Prompt) ? BytezInput.None : BytezInput.FromText(request.Prompt);
        bool asLinks = WantsLinks(options?.ResponseFormat, lease.Model);

        object[] results = await BoundedFanOut.RunAsync(
            lease,
            count,
            maxParallelism: null,
            (_, ct) => lease.ExecuteAsync<object>(
                async (model, token) => asLinks
                    ? await model.RunAsync(input, parameters, token).ConfigureAwait(false)
                    : await model.RunMediaAsync(input, parameters, token).ConfigureAwait(false),
                ct),
            cancellationToken).ConfigureAwait(false);

        List<AIContent> contents = new(count);
        foreach (object result in results)
        {
            contents.Add(ToContent(result));
        }

        return new ImageGenerationResponse(contents)
        {
            RawRepresentation = count == 1 ? results[0] : results,
        };
    }

    /// <summary>
    /// Gets whether the images come back as links: Uri or Hosted, where the protocol generation hosts media (v2). A
    /// generation that does not cannot honour Hosted, which fails here, before any request.
    /// </summary>
    private static bool WantsLinks(ImageGenerationResponseFormat? format, BytezModel model)
    {
        bool hosts = model.Client.Protocol.ServesMediaLinks;
        if (format == ImageGenerationResponseFormat.Hosted && !hosts)
        {
            throw new NotSupportedException(
                $"Bytez hosts generated images only in its v2 API, and this client speaks {model.Client.ApiVersion}: use ImageGenerationResponseFormat.Data (the default) or Uri, or set BytezClientOptions.ApiVersion = BytezApiVersion.V2.");
        }

        return hosts && format is not null && format != ImageGenerationResponseFormat.Data;
    }

    /// <summary>Maps one run to content: media bytes to <see cref="DataContent"/>, a link to <see cref="UriContent"/>.</summary>
    private static AIContent ToContent(object result)
    {
        if (result is BytezMedia media)
        {
            return new DataContent(media.Data, media.MediaType);
        }

        var run = (BytezRunResult)result;
        if (run.TryGetOutputUrl(out Uri? url))
        {
            return new UriContent(url, MediaTypeOf(url));
        }

        // A server that answered the link request with the bytes themselves (v1 shapes, a data URL) still gives an image.
        BytezMedia inline = run.GetMedia();
        return new DataContent(inline.Data, inline.MediaType);
    }

    /// <summary>The media type a link's extension names; PNG, what Bytez image models produce, otherwise.</summary>
    private static string MediaTypeOf(Uri url) => Path.GetExtension(url.AbsolutePath).ToUpperInvariant() switch
    {
        ".JPG" or ".JPEG" => "image/jpeg",
        ".WEBP" => "image/webp",
        ".GIF" => "image/gif",
        _ => BytezOptionsValidator.PngMediaType,
    };
}
