using Bytez.AI.Http;
using Bytez.AI.Protocol;
using Bytez.AI.Serialization;
using Bytez.AI.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bytez.AI;

/// <summary>
/// A client for the Bytez model-serving HTTP API: list models (and tasks, or instances), request a model, and get a
/// <see cref="BytezModel"/> to run. It speaks Bytez's current serverless API (<see cref="BytezApiVersion.V2"/>, the
/// default) or the seed's legacy <c>model/*</c> API with its load, status and stop lifecycle
/// (<see cref="BytezApiVersion.V1"/>), as <see cref="BytezClientOptions.ApiVersion"/> says.
/// </summary>
/// <remarks>Thread-safe. Dispose it to release the <see cref="HttpClient"/> it created (never one the caller supplied).</remarks>
public sealed partial class BytezClient : IDisposable
{
    private readonly HttpClient _httpClient;
    private readonly bool _ownsHttpClient;
    private readonly BytezTransport _transport;
    private int _disposed;

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
    /// <exception cref="ArgumentOutOfRangeException">A timeout or poll interval is out of range.</exception>
    public BytezClient(BytezClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = BytezClientOptionsValidator.ValidatedCopy(options);
        Endpoint = Options.Endpoint;
        Logger = Options.LoggerFactory?.CreateLogger<BytezClient>() ?? NullLogger<BytezClient>.Instance;
        Protocol = BytezProtocols.Create(Options);
        (_httpClient, _ownsHttpClient) = BytezHttpClientFactory.Create(Options);
        _transport = new BytezTransport(_httpClient, Options, Logger);
    }

    /// <summary>Gets the API base address (always ending with a slash).</summary>
    public Uri Endpoint { get; }

    /// <summary>Gets the generation of the API this client speaks.</summary>
    public BytezApiVersion ApiVersion => Protocol.Version;

    /// <summary>Gets the protocol generation: the one place that knows paths, bodies and which operations exist.</summary>
    internal IBytezProtocol Protocol { get; }

    /// <summary>Gets the validated copy of the options.</summary>
    internal BytezClientOptions Options { get; }

    /// <summary>Gets the logger for protocol events.</summary>
    internal ILogger Logger { get; }

    /// <summary>Gets the HTTP transport.</summary>
    internal BytezTransport Transport
    {
        get
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            return _transport;
        }
    }

    /// <summary>Gets a handle on one model. No network call is made.</summary>
    /// <param name="modelId">The Hugging Face id, such as <c>openai-community/gpt2</c>.</param>
    /// <returns>The model handle; the same id always gives an equivalent handle.</returns>
    /// <exception cref="ArgumentException"><paramref name="modelId"/> is empty or not of the form <c>organization/name</c>.</exception>
    public BytezModel GetModel(string modelId)
    {
        ValidateModelId(modelId);
        return new BytezModel(this, modelId);
    }

    /// <summary>Lists the models Bytez serves (<c>GET models/v2/list/models</c> in v2, <c>GET model/list</c> in v1).</summary>
    /// <param name="task">When set, only models of this task (for example <see cref="BytezTasks.Chat"/>; v1 lists chat models as <see cref="BytezTasks.TextGeneration"/>).</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The models.</returns>
    /// <exception cref="BytezException">The call failed; the subtype tells why.</exception>
    public Task<IReadOnlyList<BytezModelInfo>> ListModelsAsync(string? task = null, CancellationToken cancellationToken = default) =>
        ListModelsAsync(task, null, cancellationToken);

    /// <summary>Lists the models Bytez serves, of one task and/or one model id (<c>?task=…&amp;modelId=…</c> in v2).</summary>
    /// <param name="task">When set, only models of this task.</param>
    /// <param name="modelId">When set, only this model (v2 filters on the server; v1 has no such filter, so the list is filtered here).</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The models: at most one when <paramref name="modelId"/> is set.</returns>
    /// <exception cref="BytezException">The call failed; the subtype tells why.</exception>
    public async Task<IReadOnlyList<BytezModelInfo>> ListModelsAsync(string? task, string? modelId, CancellationToken cancellationToken = default)
    {
        task = string.IsNullOrWhiteSpace(task) ? null : task.Trim();
        modelId = string.IsNullOrWhiteSpace(modelId) ? null : modelId.Trim();
        var call = new BytezCall(BytezOperations.ListModels, null);
        var json = await Transport.SendForJsonAsync(call, Protocol.ListModels(task, modelId), cancellationToken).ConfigureAwait(false);
        var models = BytezResponseParser.ModelList(call, json);
        return modelId is null ? models : [.. models.Where(m => string.Equals(m.ModelId, modelId, StringComparison.OrdinalIgnoreCase))];
    }

    /// <summary>Lists the task names Bytez knows (<c>GET models/v2/list/tasks</c>; v2 only).</summary>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The task names, such as <c>chat</c> and <c>text-to-image</c>.</returns>
    /// <exception cref="NotSupportedException">The client speaks v1, which has no task list (<see cref="BytezTasks.V1"/> has its names).</exception>
    /// <exception cref="BytezException">The call failed; the subtype tells why.</exception>
    public async Task<IReadOnlyList<string>> ListTasksAsync(CancellationToken cancellationToken = default)
    {
        var call = new BytezCall(BytezOperations.ListTasks, null);
        var request = Protocol.ListTasks();
        var json = await Transport.SendForJsonAsync(call, request, cancellationToken).ConfigureAwait(false);
        return BytezResponseParser.Tasks(call, json);
    }

    /// <summary>Lists your running instances (<c>GET model/instances</c>; v1 only, as v2 is serverless).</summary>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The instances.</returns>
    /// <exception cref="NotSupportedException">The client speaks v2, which has no instances.</exception>
    /// <exception cref="BytezException">The call failed; the subtype tells why.</exception>
    public async Task<IReadOnlyList<BytezModelStatus>> ListInstancesAsync(CancellationToken cancellationToken = default)
    {
        var call = new BytezCall(BytezOperations.ListInstances, null);
        var request = Protocol.ListInstances();
        var json = await Transport.SendForJsonAsync(call, request, cancellationToken).ConfigureAwait(false);
        return BytezResponseParser.Instances(call, json);
    }

    /// <summary>
    /// Asks Bytez to onboard a Hugging Face model it does not serve yet (<c>POST models/v2/request/{id}</c> in v2,
    /// <c>POST model/job</c> in v1: the seed's <c>client.process</c>). Calling it again reports the job's progress.
    /// </summary>
    /// <param name="modelId">The Hugging Face model id.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The job status.</returns>
    /// <exception cref="ArgumentException"><paramref name="modelId"/> is not of the form <c>organization/name</c>.</exception>
    /// <exception cref="BytezException">The call failed; the subtype tells why.</exception>
    public async Task<BytezJobStatus> RequestModelAsync(string modelId, CancellationToken cancellationToken = default)
    {
        ValidateModelId(modelId);
        var call = new BytezCall(BytezOperations.RequestModel, modelId);
        var json = await Transport.SendForJsonAsync(call, Protocol.RequestModel(modelId), cancellationToken).ConfigureAwait(false);
        return BytezResponseParser.Job(call, json);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && _ownsHttpClient)
        {
            _httpClient.Dispose();
        }
    }

    /// <summary>Throws unless <paramref name="modelId"/> looks like <c>organization/name</c>.</summary>
    internal static void ValidateModelId(string modelId, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(modelId))] string? paramName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId, paramName);
        var slash = modelId.IndexOf('/', StringComparison.Ordinal);
        var valid = slash > 0
            && slash < modelId.Length - 1
            && modelId.IndexOf('/', slash + 1) < 0
            && !modelId.Any(char.IsWhiteSpace);
        if (!valid)
        {
            throw new ArgumentException(
                $"The model id '{modelId}' is not of the form 'organization/name' (for example 'openai-community/gpt2'): one slash, no spaces.",
                paramName);
        }
    }
}
