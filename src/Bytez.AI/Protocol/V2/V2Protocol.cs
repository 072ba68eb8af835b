using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;
using Bytez.AI.Http;

namespace Bytez.AI.Protocol.V2;

/// <summary>
/// Bytez's current v2 API (wire reference §3): <c>POST models/v2/{modelId}</c> with the model id in the path (its slash
/// kept literal), the <c>{error, output}</c> envelope, serverless models (no load, status or stop), closed-source
/// models with an optional <c>provider-key</c> header.
/// </summary>
internal sealed class V2Protocol : IBytezProtocol
{
    private const string Root = "models/v2/";

    /// <summary>The OpenAI-compatible API (§3.10), without a trailing slash: OpenAI SDKs append <c>/chat/completions</c>.</summary>
    private const string OpenAIRoot = Root + "openai/v1";

    /// <summary>Characters a model id may keep unescaped in the path (RFC 3986 unreserved, and the slash).</summary>
    private static readonly SearchValues<char> SafeChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/");

    private readonly Dictionary<string, string> _providerKeys;

    /// <param name="providerKeys">Provider keys by provider prefix or model id (case-insensitive, already validated).</param>
    public V2Protocol(IDictionary<string, string> providerKeys)
    {
        _providerKeys = new Dictionary<string, string>(providerKeys, StringComparer.OrdinalIgnoreCase);
    }

    public BytezApiVersion Version => BytezApiVersion.V2;

    public bool IsServerless => true;

    public bool ServesMediaLinks => true;

    public bool AcceptsMediaInMessages => true;

    public bool AcceptsAnyAudio => true;

    /// <summary><c>GET models/v2/list/models</c> with <c>task</c> and <c>modelId</c> joined by <c>&amp;</c> (the JS SDK's <c>?…?</c> is malformed, §3.2).</summary>
    public BytezRequest ListModels(string? task, string? modelId)
    {
        var path = new StringBuilder(Root).Append("list/models");
        var separator = '?';
        foreach (var (name, value) in (ReadOnlySpan<(string, string?)>)[("task", task), ("modelId", modelId)])
        {
            if (value is not null)
            {
                path.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
                separator = '&';
            }
        }

        return new BytezRequest(HttpMethod.Get, path.ToString());
    }

    public BytezRequest ListTasks() => new(HttpMethod.Get, Root + "list/tasks");

    /// <summary><c>POST models/v2/request/{modelId}</c>, no body.</summary>
    public BytezRequest RequestModel(string modelId) => new(HttpMethod.Post, Root + "request/" + ModelPath(modelId));

    public BytezRequest ListInstances() => throw BytezProtocols.NeedsV1("BytezClient.ListInstancesAsync");

    public BytezRequest Load(string modelId, BytezLoadOptions options) => throw BytezProtocols.NeedsV1("BytezModel.LoadAsync");

    public BytezRequest Status(string modelId) => throw BytezProtocols.NeedsV1("BytezModel.GetStatusAsync");

    public BytezRequest Stop(string modelId) => throw BytezProtocols.NeedsV1("BytezModel.StopAsync");

    public BytezRequest Run(string modelId, BytezInput input, JsonObject? parameters, BytezRunMode mode) =>
        new(HttpMethod.Post, Root + ModelPath(modelId), V2RunBody.Write(input, parameters, mode), ProviderKey(modelId));

    public string OpenAICompatiblePath() => OpenAIRoot;

    /// <summary>The key for a model: one set for its exact id wins over one set for its provider prefix (<c>openai</c>).</summary>
    public string? ProviderKey(string modelId)
    {
        if (_providerKeys.Count == 0)
        {
            return null;
        }

        if (_providerKeys.TryGetValue(modelId, out var exact))
        {
            return exact;
        }

        var slash = modelId.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && _providerKeys.TryGetValue(modelId[..slash], out var byProvider) ? byProvider : null;
    }

    /// <summary>The model id as a path: each segment escaped, the slash between them kept literal (§1).</summary>
    private static string ModelPath(string modelId) =>
        modelId.AsSpan().IndexOfAnyExcept(SafeChars) < 0
            ? modelId
            : string.Join('/', modelId.Split('/').Select(Uri.EscapeDataString));
}
