using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
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
/// (typed options only fill what they leave unset).</para>
/// <para>Bytez produces PNG only: <see cref="ImageGenerationOptions.MediaType"/> other than <c>image/png</c> throws
/// <see cref="NotSupportedException"/>. Images come back as <see cref="DataContent"/> <c>image/png</c> (the v1
/// <c>output_png</c>), whatever <see cref="ImageGenerationOptions.ResponseFormat"/> says, because Bytez hosts no
/// files for v1 runs; an image URL in <c>output</c> (the v2 form) becomes a <see cref="UriContent"/>.
/// <see cref="ImageGenerationResponseFormat.Hosted"/> is not supported. No Bytez task edits images, so a request with
/// <see cref="ImageGenerationRequest.OriginalImages"/> throws <see cref="NotSupportedException"/>.</para>
/// </remarks>
[Experimental("MEAI001")]
internal sealed class BytezImageGenerator : IImageGenerator, IAsyncDisposable
{
    private const string PngMediaType = "image/png";

    private readonly BytezModel _model;
    private readonly ModelInstanceLease _lease;
    private readonly ImageGeneratorMetadata _metadata;

    /// <summary>Initializes a new instance of the <see cref="BytezImageGenerator"/> class.</summary>
    /// <param name="model">The model.</param>
    /// <param name="options">Instance management; defaults when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public BytezImageGenerator(BytezModel model, BytezImageGeneratorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _metadata = new ImageGeneratorMetadata("bytez", model.Client.Endpoint, model.ModelId);
        _lease = model.Client.InstanceRegistry.Acquire(model, options ?? new BytezImageGeneratorOptions());
    }

    /// <inheritdoc />
    public async Task<ImageGenerationResponse> GenerateAsync(
        ImageGenerationRequest request,
        ImageGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(_lease.IsDisposed, this);

        if (request.OriginalImages?.Any() is true)
        {
            throw new NotSupportedException(
                "Bytez has no image-editing task: its image generators (text-to-image, unconditional-image-generation) " +
                "only create new images. Call GenerateAsync without original images.");
        }

        ValidateOptions(options);
        int count = options?.Count ?? 1;

        JsonObject parameters = BytezParameters.FromRawRepresentation(options?.RawRepresentationFactory?.Invoke(this));
        if (options?.ImageSize is { } size)
        {
            BytezParameters.SetIfAbsent(parameters, "width", size.Width);
            BytezParameters.SetIfAbsent(parameters, "height", size.Height);
        }

        BytezParameters.AddAdditionalProperties(parameters, options?.AdditionalProperties);

        string? prompt = request.Prompt;

        // Load first (single-flight) so that the parallelism below uses the concurrency the instance really has.
        await _lease.EnsureRunningAsync(cancellationToken).ConfigureAwait(false);

        var results = new BytezRunResult[count];
        int parallelism = Math.Min(count, _lease.Concurrency);
        if (parallelism <= 1)
        {
            for (int i = 0; i < count; i++)
            {
                results[i] = await RunOnceAsync(prompt, parameters, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, count),
                new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
                async (i, ct) => results[i] = await RunOnceAsync(prompt, parameters, ct).ConfigureAwait(false))
                .ConfigureAwait(false);
        }

        List<AIContent> contents = new(count);
        foreach (BytezRunResult result in results)
        {
            contents.Add(ToContent(result));
        }

        return new ImageGenerationResponse(contents)
        {
            RawRepresentation = count == 1 ? results[0] : results,
        };
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);

        return
            serviceKey is not null ? null :
            serviceType == typeof(ImageGeneratorMetadata) ? _metadata :
            serviceType == typeof(BytezModel) ? _model :
            serviceType == typeof(BytezClient) ? _model.Client :
            serviceType.IsInstanceOfType(this) ? this :
            null;
    }

    /// <summary>Releases the instance; stops it if this client started it (see <see cref="BytezInstanceOptions.StopOnDispose"/>). Never throws.</summary>
    public void Dispose() => _lease.Dispose();

    /// <summary>Releases the instance asynchronously; stops it if this client started it. Never throws.</summary>
    /// <returns>A task that completes when the release is done.</returns>
    public ValueTask DisposeAsync() => _lease.DisposeAsync();

    private static void ValidateOptions(ImageGenerationOptions? options)
    {
        if (options is null)
        {
            return;
        }

        BytezOptionsValidator.Validate(options);

        if (options.MediaType is { } mediaType && !string.Equals(mediaType, PngMediaType, StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException($"Bytez image models produce PNG only; MediaType '{mediaType}' is not supported. Use '{PngMediaType}' or leave it unset.");
        }

        if (options.ResponseFormat == ImageGenerationResponseFormat.Hosted)
        {
            throw new NotSupportedException("Bytez does not host generated images; use ImageGenerationResponseFormat.Data (the default).");
        }
    }

    private async Task<BytezRunResult> RunOnceAsync(string? prompt, JsonObject parameters, CancellationToken cancellationToken)
    {
        // Each run gets its own params copy: the protocol client may read the JsonObject while others serialize it.
        JsonObject runParameters = (JsonObject)parameters.DeepClone();
        BytezInput input = string.IsNullOrWhiteSpace(prompt) ? BytezInput.None : BytezInput.FromText(prompt);
        return await _lease.ExecuteAsync((model, ct) => model.RunAsync(input, runParameters, ct), cancellationToken).ConfigureAwait(false);
    }

    private AIContent ToContent(BytezRunResult result)
    {
        JsonElement body = result.RawRepresentation;
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("output_png", out _))
        {
            return new DataContent(result.GetPngBytes(), PngMediaType);
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
                return new UriContent(uri, PngMediaType);
            }
        }

        throw new BytezProtocolException(
            $"Model '{_model.ModelId}' returned no image: expected a top-level 'output_png' or an image URL in 'output'. Is it a text-to-image or unconditional-image-generation model?",
            statusCode: null,
            bytezError: null,
            modelId: _model.ModelId);
    }
}
