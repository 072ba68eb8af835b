using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;

namespace Bytez.AI;

/// <summary>Settings for a <see cref="BytezClient"/>.</summary>
/// <remarks>
/// <see cref="ToString"/> never includes <see cref="ApiKey"/>; the key is redacted everywhere it could be printed.
/// </remarks>
public sealed class BytezClientOptions
{
    /// <summary>The default Bytez API address, <c>https://api.bytez.com/</c>.</summary>
    public static readonly Uri DefaultEndpoint = new("https://api.bytez.com/");

    /// <summary>The default <see cref="MaxResponseSize"/>: 64 MiB.</summary>
    public const long DefaultMaxResponseSize = 64L * 1024 * 1024;

    /// <summary>The smallest accepted <see cref="MaxResponseSize"/>: 1 KiB.</summary>
    public const long MinMaxResponseSize = 1024;

    /// <summary>The largest accepted <see cref="MaxResponseSize"/>: 1 GiB.</summary>
    public const long MaxMaxResponseSize = 1024L * 1024 * 1024;

    /// <summary>Gets or sets the API base address. Defaults to <see cref="DefaultEndpoint"/>.</summary>
    public Uri Endpoint { get; set; } = DefaultEndpoint;

    /// <summary>Gets or sets the Bytez API key sent as <c>Authorization: Key &lt;key&gt;</c>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Gets or sets the generation of the Bytez API to speak. Defaults to <see cref="BytezApiVersion.V2"/>, Bytez's
    /// current serverless API; choose <see cref="BytezApiVersion.V1"/> for a server that only speaks the legacy
    /// <c>model/*</c> API (explicit load, status and stop). Configuration key: <c>Bytez:ApiVersion</c> (<c>V2</c> or <c>V1</c>).
    /// </summary>
    public BytezApiVersion ApiVersion { get; set; } = BytezApiVersion.V2;

    /// <summary>
    /// Gets or sets the keys of closed-source providers, sent as the <c>provider-key</c> header when a v2 run (or an OpenAI-compatible chat call) targets
    /// one of their models (such as <c>openai/gpt-4o</c>). Keyed by provider prefix (<c>openai</c>, <c>anthropic</c>,
    /// <c>google</c>, <c>mistral</c>, <c>cohere</c>) or by full model id, which wins over its prefix; names ignore case.
    /// Redacted like <see cref="ApiKey"/>. Configuration keys: <c>Bytez:ProviderKeys:&lt;provider or model id&gt;</c>.
    /// </summary>
    /// <remarks>Bytez serves OpenAI, Mistral and Google models on its own credits; Cohere needs your own key.</remarks>
    public IDictionary<string, string> ProviderKeys { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Gets or sets an <see cref="System.Net.Http.HttpClient"/> owned by the caller (for example from
    /// <c>IHttpClientFactory</c>). When set, the client does not dispose it and does not change its timeout.
    /// </summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>
    /// Gets or sets the timeout of each HTTP request when the client creates its own <see cref="System.Net.Http.HttpClient"/>.
    /// Defaults to 15 minutes, because a cold start can take minutes.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Gets or sets the deadline of <see cref="BytezModel.LoadAsync"/>: the start request, every status poll (retries and
    /// their <c>Retry-After</c> waits included) and the waits between polls all end by it. Defaults to 15 minutes.
    /// </summary>
    public TimeSpan LoadTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Gets or sets the delay between two status polls while loading. Defaults to 5 seconds.</summary>
    public TimeSpan LoadPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets or sets the longest wait for data once a streamed response has begun (between two pieces of text, and for the
    /// first one after the headers). <see cref="RequestTimeout"/> stops applying when the headers arrive, so without this
    /// a server that stops sending but keeps the connection open would hold a stream forever. Defaults to 5 minutes, far
    /// longer than any pause between tokens; <see cref="Timeout.InfiniteTimeSpan"/> waits forever.
    /// </summary>
    public TimeSpan StreamIdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets or sets the largest response body read into memory, in bytes (JSON answers and error bodies; streamed text is
    /// not buffered). A larger body fails with <see cref="BytezProtocolException"/> as soon as the limit is passed (at
    /// once when its <c>Content-Length</c> says so), is never retried, and costs no more memory than the limit.
    /// Defaults to <see cref="DefaultMaxResponseSize"/> (64 MiB), room for base64 images, audio and short videos; between
    /// <see cref="MinMaxResponseSize"/> and <see cref="MaxMaxResponseSize"/>.
    /// </summary>
    public long MaxResponseSize { get; set; } = DefaultMaxResponseSize;

    /// <summary>
    /// Gets or sets a value indicating whether the API key may be sent over plain HTTP to a host that is not loopback.
    /// Defaults to <see langword="false"/>: such an endpoint is refused unless you opt in.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// Gets or sets how transient failures are retried (status reads, lists and runs that returned nothing yet; never
    /// loads, stops or a started stream). Applies to the <see cref="System.Net.Http.HttpClient"/> the client creates; for
    /// one you supply, add a <see cref="BytezRetryHandler"/> to it yourself. Set <see cref="BytezRetryOptions.Enabled"/>
    /// to <see langword="false"/> to turn retries off.
    /// </summary>
    public BytezRetryOptions Retry { get; set; } = new();

    /// <summary>Gets or sets the logger factory used for load progress and diagnostics.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Gets or sets the time provider used for deadlines and poll delays (tests substitute a fake clock).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Checks these settings as the <see cref="BytezClient"/> constructor does, without creating a client (dependency
    /// injection runs it when the host starts).
    /// </summary>
    /// <param name="setting">The first invalid setting, named as its configuration key below the <c>Bytez</c> section (for example <c>ApiKey</c> or <c>Retry:MaxDelay</c>); null when all are valid.</param>
    /// <param name="problem">What is wrong with it and what to set, without the API key; null when all are valid.</param>
    /// <returns>True when every setting is valid.</returns>
    public bool TryValidate([NotNullWhen(false)] out string? setting, [NotNullWhen(false)] out string? problem)
    {
        if (Validation.BytezClientOptionsValidator.FindProblem(this) is not { } found)
        {
            setting = null;
            problem = null;
            return true;
        }

        setting = found.Member;
        problem = found.Describe();
        return false;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"BytezClientOptions {{ Endpoint = {Endpoint}, ApiVersion = {ApiVersion}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(none)" : "***")}, ProviderKeys = {RedactedProviderKeys()}, RequestTimeout = {RequestTimeout}, LoadTimeout = {LoadTimeout}, LoadPollInterval = {LoadPollInterval}, StreamIdleTimeout = {StreamIdleTimeout}, MaxResponseSize = {MaxResponseSize}, Retry = {Retry} }}";

    private string RedactedProviderKeys() =>
        ProviderKeys is not { Count: > 0 } keys ? "(none)" : "[" + string.Join(", ", keys.Keys.Order(StringComparer.OrdinalIgnoreCase).Select(k => k + " = ***")) + "]";
}
