using System.Text.Json.Nodes;
using Bytez.AI.Lifecycle;
using Bytez.AI.Mapping;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Embeddings;

/// <summary>
/// An <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> for a Bytez feature-extraction or sentence-similarity model.
/// </summary>
/// <remarks>
/// <para>Each input is one <c>model/run</c> with <c>"input": "&lt;text&gt;"</c>. Several inputs run in parallel, up to
/// <see cref="BytezEmbeddingGeneratorOptions.MaxParallelism"/> or else the instance's loaded concurrency; the results
/// keep the order of the inputs.</para>
/// <para>Output shapes: a flat vector, a one-element <c>[vector]</c>, or a token-by-dimension matrix, which is
/// mean-pooled over its tokens (<see cref="BytezRunResult.GetEmbedding"/>).</para>
/// <para><see cref="EmbeddingGenerationOptions.Dimensions"/> smaller than the model's truncates and renormalises the
/// vector (meaningful for Matryoshka-trained models such as nomic-embed-text-v1.5); larger throws
/// <see cref="NotSupportedException"/>. <see cref="EmbeddingGenerationOptions.AdditionalProperties"/> and a
/// <see cref="JsonObject"/> from <see cref="EmbeddingGenerationOptions.RawRepresentationFactory"/> become <c>params</c>.
/// Bytez reports no token counts, so <see cref="GeneratedEmbeddings{TEmbedding}.Usage"/> is null.</para>
/// </remarks>
internal sealed class BytezEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>, IAsyncDisposable
{
    private readonly BytezModel _model;
    private readonly ModelInstanceLease _lease;
    private readonly int? _maxParallelism;
    private EmbeddingGeneratorMetadata _metadata;

    /// <summary>Initializes a new instance of the <see cref="BytezEmbeddingGenerator"/> class.</summary>
    /// <param name="model">The model.</param>
    /// <param name="options">Instance management and parallelism; defaults when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="BytezEmbeddingGeneratorOptions.MaxParallelism"/> is less than 1.</exception>
    public BytezEmbeddingGenerator(BytezModel model, BytezEmbeddingGeneratorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= new BytezEmbeddingGeneratorOptions();
        if (options.MaxParallelism is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxParallelism, "MaxParallelism must be at least 1.");
        }

        _model = model;
        _maxParallelism = options.MaxParallelism;
        _metadata = new EmbeddingGeneratorMetadata("bytez", model.Client.Endpoint, model.ModelId, defaultModelDimensions: null);
        _lease = model.Client.InstanceRegistry.Acquire(model, options);
    }

    /// <inheritdoc />
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        ObjectDisposedException.ThrowIf(_lease.IsDisposed, this);

        string[] inputs = [.. values];
        for (int i = 0; i < inputs.Length; i++)
        {
            if (string.IsNullOrEmpty(inputs[i]))
            {
                throw new ArgumentException($"The input at index {i} is null or empty; Bytez cannot embed an empty text.", nameof(values));
            }
        }

        if (inputs.Length == 0)
        {
            return [];
        }

        if (options?.ModelId is { } modelId && !string.Equals(modelId, _model.ModelId, StringComparison.Ordinal))
        {
            throw new NotSupportedException(
                $"This generator serves model '{_model.ModelId}' and cannot switch to '{modelId}' per call; " +
                $"create one with client.GetModel(\"{modelId}\").AsIEmbeddingGenerator().");
        }

        if (options?.Dimensions is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Dimensions, "Dimensions must be at least 1.");
        }

        JsonObject parameters = BytezParameters.FromRawRepresentation(options?.RawRepresentationFactory?.Invoke(this));
        BytezParameters.AddAdditionalProperties(parameters, options?.AdditionalProperties);

        // Load first (single-flight) so that the parallelism below uses the concurrency the instance really has.
        await _lease.EnsureRunningAsync(cancellationToken).ConfigureAwait(false);

        var embeddings = new Embedding<float>[inputs.Length];
        int parallelism = Math.Min(inputs.Length, _maxParallelism ?? _lease.Concurrency);
        if (parallelism <= 1)
        {
            for (int i = 0; i < inputs.Length; i++)
            {
                embeddings[i] = await EmbedAsync(inputs[i], parameters, options?.Dimensions, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, inputs.Length),
                new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
                async (i, ct) => embeddings[i] = await EmbedAsync(inputs[i], parameters, options?.Dimensions, ct).ConfigureAwait(false))
                .ConfigureAwait(false);
        }

        return new GeneratedEmbeddings<Embedding<float>>(embeddings);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);

        return
            serviceKey is not null ? null :
            serviceType == typeof(EmbeddingGeneratorMetadata) ? Volatile.Read(ref _metadata) :
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

    private async Task<Embedding<float>> EmbedAsync(string input, JsonObject parameters, int? dimensions, CancellationToken cancellationToken)
    {
        // Each run gets its own params copy: the protocol client may read the JsonObject while others serialize it.
        JsonObject runParameters = (JsonObject)parameters.DeepClone();
        BytezRunResult result = await _lease.ExecuteAsync(
            (model, ct) => model.RunAsync(BytezInput.FromText(input), runParameters, ct),
            cancellationToken).ConfigureAwait(false);

        float[] vector = result.GetEmbedding();
        RecordDimensions(vector.Length);
        return new Embedding<float>(EmbeddingVectors.ApplyDimensions(vector, dimensions, _model.ModelId))
        {
            ModelId = _model.ModelId,
            CreatedAt = DateTimeOffset.UtcNow,
        };
    }

    private void RecordDimensions(int dimensions)
    {
        EmbeddingGeneratorMetadata current = Volatile.Read(ref _metadata);
        if (current.DefaultModelDimensions is null)
        {
            // Metadata is immutable: publish a new one once the model's dimensions are known.
            _ = Interlocked.CompareExchange(
                ref _metadata,
                new EmbeddingGeneratorMetadata(current.ProviderName, current.ProviderUri, current.DefaultModelId, dimensions),
                current);
        }
    }
}
