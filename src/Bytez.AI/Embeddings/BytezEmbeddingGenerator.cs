using System.Text.Json.Nodes;
using Bytez.AI.Adapters;
using Bytez.AI.Lifecycle;
using Bytez.AI.Mapping;
using Bytez.AI.Validation;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Embeddings;

/// <summary>
/// An <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> for a Bytez feature-extraction or sentence-similarity model.
/// </summary>
/// <remarks>
/// <para>Each input is one <c>model/run</c> with <c>"input": "&lt;text&gt;"</c>. Several inputs run in parallel, up to
/// <see cref="BytezEmbeddingGeneratorOptions.MaxParallelism"/> or else the instance's loaded concurrency; the results
/// keep the order of the inputs. <see cref="EmbeddingGenerationOptions.ModelId"/> naming another model runs the call on
/// that model through its own instance lease (loaded on first use, released when the generator is disposed).</para>
/// <para>Output shapes: a flat vector, a one-element <c>[vector]</c>, or a token-by-dimension matrix, which is
/// mean-pooled over its tokens (<see cref="BytezRunResult.GetEmbedding"/>).</para>
/// <para><see cref="EmbeddingGenerationOptions.Dimensions"/> smaller than the model's truncates and renormalises the
/// vector (meaningful for Matryoshka-trained models such as nomic-embed-text-v1.5); larger throws
/// <see cref="NotSupportedException"/>. <see cref="EmbeddingGenerationOptions.AdditionalProperties"/> and a
/// <see cref="JsonObject"/> from <see cref="EmbeddingGenerationOptions.RawRepresentationFactory"/> become <c>params</c>.
/// Bytez reports no token counts, so <see cref="GeneratedEmbeddings{TEmbedding}.Usage"/> is null.</para>
/// </remarks>
internal sealed class BytezEmbeddingGenerator : BytezAdapter<EmbeddingGeneratorMetadata>, IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly int? _maxParallelism;

    /// <summary>Initializes a new instance of the <see cref="BytezEmbeddingGenerator"/> class.</summary>
    /// <param name="model">The model.</param>
    /// <param name="options">Instance management and parallelism; defaults when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="BytezEmbeddingGeneratorOptions.MaxParallelism"/> is less than 1.</exception>
    public BytezEmbeddingGenerator(BytezModel model, BytezEmbeddingGeneratorOptions? options = null)
        : base(model, Validated(options ??= new BytezEmbeddingGeneratorOptions()), static (provider, endpoint, modelId) => new EmbeddingGeneratorMetadata(provider, endpoint, modelId, defaultModelDimensions: null))
    {
        _maxParallelism = options.MaxParallelism;
    }

    /// <inheritdoc />
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        string[] inputs = BytezInputValidator.ValidateEmbeddingInputs(values);
        BytezOptionsValidator.Validate(options);
        ModelInstanceLease lease = LeaseFor(options?.ModelId);
        if (inputs.Length == 0)
        {
            return [];
        }

        // One params object for every run: runs only serialize it, which never changes it.
        JsonObject parameters = BytezParameters.Start(options?.RawRepresentationFactory?.Invoke(this), options?.AdditionalProperties);

        Embedding<float>[] embeddings = await BoundedFanOut.RunAsync(
            lease,
            inputs.Length,
            _maxParallelism,
            (i, ct) => EmbedAsync(lease, inputs[i], parameters, options?.Dimensions, ct),
            cancellationToken).ConfigureAwait(false);
        return new GeneratedEmbeddings<Embedding<float>>(embeddings);
    }

    private static BytezEmbeddingGeneratorOptions Validated(BytezEmbeddingGeneratorOptions options)
    {
        // Before the base constructor takes a lease, so a refused option leaves nothing to release.
        BytezOptionsValidator.Validate(options);
        return options;
    }

    private async Task<Embedding<float>> EmbedAsync(ModelInstanceLease lease, string input, JsonObject parameters, int? dimensions, CancellationToken cancellationToken)
    {
        BytezRunResult result = await lease.ExecuteAsync(
            (input, parameters),
            static (model, s, ct) => model.RunAsync(BytezInput.FromText(s.input), s.parameters, ct),
            cancellationToken).ConfigureAwait(false);

        float[] vector = result.GetEmbedding();
        string modelId = lease.Model.ModelId;
        if (string.Equals(modelId, Model.ModelId, StringComparison.Ordinal))
        {
            RecordDimensions(vector.Length);
        }

        return new Embedding<float>(EmbeddingVectors.ApplyDimensions(vector, dimensions, modelId))
        {
            ModelId = modelId,
            CreatedAt = DateTimeOffset.UtcNow,
        };
    }

    private void RecordDimensions(int dimensions)
    {
        EmbeddingGeneratorMetadata current = Metadata;
        if (current.DefaultModelDimensions is null)
        {
            // Metadata is immutable: publish a new one once the model's dimensions are known.
            Metadata = new EmbeddingGeneratorMetadata(current.ProviderName, current.ProviderUri, current.DefaultModelId, dimensions);
        }
    }
}
