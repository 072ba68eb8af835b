using System.Text.Json.Nodes;
using Bytez.AI.Http;
using Bytez.AI.Serialization;

namespace Bytez.AI.Protocol.V1;

/// <summary>
/// The seed's v1 API (wire reference §2): <c>model/*</c> paths, the model id in the body, an explicit instance
/// lifecycle (load, status, stop), no closed-source models and no <c>provider-key</c>.
/// </summary>
internal sealed class V1Protocol : IBytezProtocol
{
    public static readonly V1Protocol Instance = new();

    private V1Protocol()
    {
    }

    public BytezApiVersion Version => BytezApiVersion.V1;

    public bool IsServerless => false;

    public bool ServesMediaLinks => false;

    public bool AcceptsMediaInMessages => false;

    public bool AcceptsAnyAudio => false;

    /// <summary><c>GET model/list[?task=]</c>; v1 has no model filter, so the caller filters by id.</summary>
    public BytezRequest ListModels(string? task, string? modelId) =>
        new(HttpMethod.Get, task is null ? "model/list" : "model/list?task=" + Uri.EscapeDataString(task));

    public BytezRequest ListTasks() =>
        throw BytezProtocols.NeedsV2("BytezClient.ListTasksAsync (GET models/v2/list/tasks)", "on v1, BytezTasks.V1 lists the 30 v1 task names.");

    public BytezRequest RequestModel(string modelId) => new(HttpMethod.Post, "model/job", BytezRequestBodies.Model(modelId));

    public BytezRequest ListInstances() => new(HttpMethod.Get, "model/instances");

    public BytezRequest Load(string modelId, BytezLoadOptions options) => new(HttpMethod.Post, "model/load", BytezRequestBodies.Load(modelId, options));

    public BytezRequest Status(string modelId) => new(HttpMethod.Post, "model/status", BytezRequestBodies.Model(modelId));

    public BytezRequest Stop(string modelId) => new(HttpMethod.Post, "model/delete", BytezRequestBodies.Model(modelId));

    /// <summary><c>POST model/run</c>. Media comes back as base64 in the JSON result, so a media run is an ordinary one.</summary>
    public BytezRequest Run(string modelId, BytezInput input, JsonObject? parameters, BytezRunMode mode) =>
        new(HttpMethod.Post, "model/run", V1RunBody.Write(modelId, input, parameters, stream: mode == BytezRunMode.TextStream));

    public string OpenAICompatiblePath() =>
        throw BytezProtocols.NeedsV2(
            "The OpenAI-compatible endpoint (models/v2/openai/v1: closed-source models, native tool calls, token usage)",
            "on v1, use BytezChatClientOptions.Route = BytezChatRoute.Native (the default there).");

    /// <summary>v1 serves no closed-source models, so no request carries a provider key.</summary>
    public string? ProviderKey(string modelId) => null;
}
