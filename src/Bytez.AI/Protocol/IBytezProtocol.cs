using System.Text.Json.Nodes;
using Bytez.AI.Http;

namespace Bytez.AI.Protocol;

/// <summary>
/// One generation of the Bytez API: the only place that knows paths, request bodies and which operations exist. The
/// client, the model and the adapters ask it; transport, error mapping, retries and redaction are shared by both
/// generations. Every method fails before any request when an operation or an input does not exist in its generation,
/// with a <see cref="NotSupportedException"/> naming <see cref="BytezClientOptions.ApiVersion"/>.
/// </summary>
internal interface IBytezProtocol
{
    /// <summary>Gets the generation.</summary>
    BytezApiVersion Version { get; }

    /// <summary>
    /// Gets a value indicating whether models are serverless: there is no instance to load, check or stop (v2), so
    /// loads answer <see cref="BytezLoadOutcome.Serverless"/> without a request and adapters never manage instances.
    /// </summary>
    bool IsServerless { get; }

    /// <summary>Gets a value indicating whether media generators can answer with a link to the media (v2; v1 answers base64 only).</summary>
    bool ServesMediaLinks { get; }

    /// <summary>
    /// Gets a value indicating whether chat messages can carry image, audio and video content blocks (v2, for the
    /// <c>*-text-to-text</c> models; v1 takes text messages only).
    /// </summary>
    bool AcceptsMediaInMessages { get; }

    /// <summary>
    /// Gets a value indicating whether audio inputs (speech recognition, audio classification) may be any format Bytez's
    /// pipelines decode (MP3, FLAC, Ogg, WAV) and a URL Bytez fetches (v2); v1 takes the bytes of a WAV only, as
    /// <c>b64AudioBufferWav</c>.
    /// </summary>
    bool AcceptsAnyAudio { get; }

    /// <summary>Lists models, optionally of one task and of one model id (filters the server does not apply are applied by the caller).</summary>
    BytezRequest ListModels(string? task, string? modelId);

    /// <summary>Lists task names (v2 only).</summary>
    BytezRequest ListTasks();

    /// <summary>Asks Bytez to onboard a Hugging Face model.</summary>
    BytezRequest RequestModel(string modelId);

    /// <summary>Lists running instances (v1 only).</summary>
    BytezRequest ListInstances();

    /// <summary>Starts an instance (v1 only).</summary>
    BytezRequest Load(string modelId, BytezLoadOptions options);

    /// <summary>Reads an instance's status (v1 only).</summary>
    BytezRequest Status(string modelId);

    /// <summary>Stops an instance (v1 only).</summary>
    BytezRequest Stop(string modelId);

    /// <summary>Runs a model.</summary>
    /// <param name="modelId">The model id.</param>
    /// <param name="input">The input, written in this generation's conventions.</param>
    /// <param name="parameters">Generation or pipeline parameters, or provider parameters for closed-source models.</param>
    /// <param name="mode">What the answer should be: JSON, a text stream, or media bytes.</param>
    /// <exception cref="NotSupportedException">The input has something this generation cannot send (media in chat messages on v1).</exception>
    BytezRequest Run(string modelId, BytezInput input, JsonObject? parameters, BytezRunMode mode);

    /// <summary>
    /// Gets the path, relative to the endpoint, of Bytez's OpenAI-compatible API (<c>models/v2/openai/v1</c>, wire
    /// reference §3.10), where OpenAI SDKs send <c>chat/completions</c>, <c>completions</c> and <c>responses</c>.
    /// </summary>
    /// <exception cref="NotSupportedException">The generation has no OpenAI-compatible API (v1).</exception>
    string OpenAICompatiblePath();

    /// <summary>Gets the <c>provider-key</c> header value for a model: the configured key of its id, else of its provider prefix; null for none.</summary>
    /// <param name="modelId">The model id.</param>
    string? ProviderKey(string modelId);
}
