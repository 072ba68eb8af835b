namespace Bytez.AI;

/// <summary>
/// A client for the Bytez model-serving HTTP API (the "v1" <c>/model/*</c> protocol of the bytez.js documentation):
/// list models and instances, request a model, and get a <see cref="BytezModel"/> to load, run and stop.
/// </summary>
/// <remarks>Thread-safe. Dispose it to release the <see cref="HttpClient"/> it created (never one the caller supplied).</remarks>
public sealed partial class BytezClient : IDisposable
{
    /// <summary>Initializes a new instance of the <see cref="BytezClient"/> class for <c>https://api.bytez.com/</c>.</summary>
    /// <param name="apiKey">The Bytez API key.</param>
    /// <exception cref="ArgumentException"><paramref name="apiKey"/> is null, empty or white space.</exception>
    public BytezClient(string apiKey)
        : this(new BytezClientOptions { ApiKey = apiKey })
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BytezClient"/> class.</summary>
    /// <param name="options">The client settings. They are copied: later changes have no effect.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The API key is missing, or the endpoint is not an absolute http(s) URI, or it is plain HTTP to a non-loopback host without <see cref="BytezClientOptions.AllowInsecureHttp"/>.</exception>
    public BytezClient(BytezClientOptions options)
    {
        throw new NotImplementedException();
    }

    /// <summary>Gets the API base address.</summary>
    public Uri Endpoint => throw new NotImplementedException();

    /// <summary>Gets a handle on one model. No network call is made.</summary>
    /// <param name="modelId">The Hugging Face id, such as <c>openai-community/gpt2</c>.</param>
    /// <returns>The model handle; the same id always gives an equivalent handle.</returns>
    /// <exception cref="ArgumentException"><paramref name="modelId"/> is empty or not of the form <c>organization/name</c>.</exception>
    public BytezModel GetModel(string modelId) => throw new NotImplementedException();

    /// <summary>Lists the models Bytez serves (<c>GET model/list</c>).</summary>
    /// <param name="task">When set, only models of this task (for example <see cref="BytezTasks.TextGeneration"/>).</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The models.</returns>
    public Task<IReadOnlyList<BytezModelInfo>> ListModelsAsync(string? task = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>Lists your running instances (<c>GET model/instances</c>).</summary>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The instances.</returns>
    public Task<IReadOnlyList<BytezModelStatus>> ListInstancesAsync(CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>
    /// Asks Bytez to onboard a Hugging Face model it does not serve yet (<c>POST model/job</c>; the seed's <c>client.process</c>).
    /// Calling it again reports the job's progress.
    /// </summary>
    /// <param name="modelId">The Hugging Face model id.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The job status.</returns>
    public Task<BytezJobStatus> RequestModelAsync(string modelId, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <inheritdoc />
    public void Dispose() => throw new NotImplementedException();
}
