using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Bytez.AI.Http;
using Bytez.AI.Logging;
using Bytez.AI.Protocol;
using Bytez.AI.Serialization;
using Bytez.AI.Streaming;

namespace Bytez.AI;

/// <summary>
/// One Bytez model: run it (JSON, streamed text, or media bytes); with the v1 API, also start or load an instance,
/// read its status and stop it. Obtained from <see cref="BytezClient.GetModel"/>.
/// </summary>
/// <remarks>
/// Thread-safe; holds no state besides the model id and its client. On the v2 API (the default) models are serverless:
/// <see cref="LoadAsync"/> and <see cref="StartAsync"/> answer <see cref="BytezLoadOutcome.Serverless"/> without a
/// request, and <see cref="GetStatusAsync"/> and <see cref="StopAsync"/> throw <see cref="NotSupportedException"/>.
/// </remarks>
public sealed partial class BytezModel
{
    internal BytezModel(BytezClient client, string modelId)
    {
        Client = client;
        ModelId = modelId;
    }

    /// <summary>Gets the model id, such as <c>openai-community/gpt2</c>.</summary>
    public string ModelId { get; }

    /// <summary>Gets the client this model belongs to.</summary>
    public BytezClient Client { get; }

    private BytezTransport Transport => Client.Transport;

    private IBytezProtocol Protocol => Client.Protocol;

    /// <summary>Asks Bytez to start an instance (<c>POST model/load</c>) without waiting for it to be ready.</summary>
    /// <param name="options">Concurrency and idle timeout; defaults when null.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>
    /// Whether an instance was started, was already running (HTTP 409) or is already being loaded (HTTP 429 whose
    /// message does not mention credits); on the serverless v2 API, <see cref="BytezLoadOutcome.Serverless"/> without a request.
    /// </returns>
    /// <exception cref="BytezOutOfCreditsException">The account has no credits left.</exception>
    /// <exception cref="BytezException">Any other failure, with the HTTP status and Bytez's message.</exception>
    public async Task<BytezLoadResult> StartAsync(BytezLoadOptions? options = null, CancellationToken cancellationToken = default)
    {
        options = ValidateLoadOptions(options);
        if (Serverless() is { } serverless)
        {
            return serverless;
        }

        var call = new BytezCall(BytezOperations.Load, ModelId);
        Client.Logger.StartRequested(ModelId, options.Concurrency, (int)options.IdleTimeout.TotalSeconds);
        var response = await Transport.SendAsync(call, Protocol.Load(ModelId, options), cancellationToken).ConfigureAwait(false);
        return new BytezLoadResult(ModelId, StartOutcome(call, response), null);
    }

    /// <summary>
    /// Starts an instance and polls its status until it is <see cref="BytezModelStatuses.Running"/>, reporting every
    /// status change to the logger and to <paramref name="progress"/> (the seed's <c>model.load()</c>).
    /// </summary>
    /// <remarks>
    /// Follows the reference algorithm of the official clients: HTTP 409 on start means already loaded (no polling; the
    /// status is read once); HTTP 429 without "credits" means another load is in progress, so this call polls too. Polls
    /// <c>model/status</c> every poll interval until <c>RUNNING</c>; <c>FAILED</c> throws; any other or unknown status
    /// keeps polling until the deadline. A status poll answered with an error keeps polling too, as the official
    /// clients do, except an authentication (401/403), not-found (404) or out-of-credits error, which throws at once.
    /// Each status change is logged at Information level and reported to <paramref name="progress"/> once.
    /// <para>The deadline (<see cref="BytezLoadOptions.LoadTimeout"/>, else <see cref="BytezClientOptions.LoadTimeout"/>)
    /// bounds every request inside the load: the start request, each status poll with its retries and their
    /// <c>Retry-After</c> waits, and the pauses between polls.</para>
    /// <para>A load that does not complete (deadline, <c>FAILED</c>, an error, cancellation) stops the instance it started
    /// before it throws. It started one when <c>model/load</c> was answered 2xx; when that answer never arrived (lost, or
    /// abandoned at the deadline) it assumes it did, because leaving a paid instance running is the costlier mistake. A
    /// cancellation still waits up to 5 seconds for the answer to the start request, to know.</para>
    /// </remarks>
    /// <param name="options">Concurrency, idle timeout, poll interval and deadline; defaults when null.</param>
    /// <param name="progress">Receives each status change; may be null. It is called on the polling thread.</param>
    /// <param name="cancellationToken">A token to cancel the load (an instance it started is stopped first).</param>
    /// <returns>
    /// How the load ended: <see cref="BytezLoadOutcome.Started"/> when this call started the instance;
    /// <see cref="BytezLoadOutcome.Serverless"/> at once, without a request, on the v2 API.
    /// </returns>
    /// <exception cref="BytezModelFailedException">The status became <see cref="BytezModelStatuses.Failed"/>.</exception>
    /// <exception cref="BytezLoadTimeoutException">The deadline passed before the instance was running.</exception>
    /// <exception cref="BytezOutOfCreditsException">The account has no credits left.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<BytezLoadResult> LoadAsync(BytezLoadOptions? options = null, IProgress<BytezLoadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options = ValidateLoadOptions(options);
        return Serverless() is { } serverless
            ? Task.FromResult(serverless)
            : Lifecycle.ModelLoader.LoadAsync(this, options, progress, cancellationToken);
    }

    /// <summary>Reads the instance status (<c>POST model/status</c>; v1 only).</summary>
    /// <remarks>A 2xx body with a <c>status</c> member is a status even when it has an <c>error</c> (the reason of <c>FAILED</c>).</remarks>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The status.</returns>
    /// <exception cref="NotSupportedException">The client speaks the serverless v2 API, which has no instances.</exception>
    /// <exception cref="BytezException">The call failed; the subtype tells why.</exception>
    public async Task<BytezModelStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var call = new BytezCall(BytezOperations.Status, ModelId);
        var request = Protocol.Status(ModelId);
        var response = await Transport.SendAsync(call, request, cancellationToken).ConfigureAwait(false);
        var isStatus = response.IsSuccessStatusCode && response.Json is { } body && JsonRead.String(body, "status") is not null;
        if (!isStatus)
        {
            BytezTransport.EnsureSuccess(call, response);
        }

        return BytezResponseParser.Status(BytezTransport.RequireJson(call, response));
    }

    /// <summary>Runs the model once (<c>POST models/v2/{id}</c> in v2, <c>POST model/run</c> with <c>"stream": false</c> in v1).</summary>
    /// <param name="input">The input: text, chat messages, a media URL or bytes, a question, an object whose members go to the top level of the body, or none.</param>
    /// <param name="parameters">
    /// Hugging Face generation or pipeline parameters sent as <c>params</c> (a closed-source provider's own parameters
    /// for its models); null sends <c>{}</c> in v1 and nothing in v2.
    /// </param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The result, whose accessors read the task-specific output of either generation.</returns>
    /// <exception cref="NotSupportedException">The input holds something the client's API generation cannot send (media in chat messages on v1).</exception>
    /// <exception cref="BytezModelNotRunningException">v1: no instance is running; load the model first.</exception>
    /// <exception cref="BytezException">The call failed, or answered with an <c>error</c>; the subtype tells why.</exception>
    public Task<BytezRunResult> RunAsync(BytezInput input, JsonObject? parameters = null, CancellationToken cancellationToken = default)
    {
        BytezTransport transport;
        BytezCall call;
        BytezRequest request;
        try
        {
            ArgumentNullException.ThrowIfNull(input);
            call = new BytezCall(BytezOperations.Run, ModelId);
            request = Protocol.Run(ModelId, input, parameters, BytezRunMode.Json);
            transport = Transport;
        }
#pragma warning disable CA1031 // Not handled: a refused input faults the returned task, as it did when this method was async.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Task.FromException<BytezRunResult>(ex);
        }

        // The transport builds the result as it reads the answer: no state machine of this method's own on every run.
        return transport.SendForJsonResponseAsync(call, request, RunResult, cancellationToken);
    }

    /// <summary>Wraps a run's JSON answer (one delegate for every run); a body not parsed yet stays unparsed until read.</summary>
    private static readonly Func<BytezResponse, BytezCall, BytezTransport, BytezRunResult> RunResult =
        static (response, call, transport) => response.UnparsedJson is { } body
            ? new BytezRunResult(body, call.ModelId, transport.Redactor)
            : new BytezRunResult(response.Json!.Value, call.ModelId, transport.Redactor);

    /// <summary>
    /// Runs a media generator (text-to-image, -speech, -audio, -video, unconditional image generation) and returns the
    /// media bytes: v2 asks for the raw bytes (<c>"json": false</c>) and downloads a link if the server sends one
    /// anyway; v1 decodes the base64 of <c>output_png</c>, <c>output_wav</c> or <c>output_mp4</c>.
    /// </summary>
    /// <param name="input">The prompt (or <see cref="BytezInput.None"/> for unconditional generation).</param>
    /// <param name="parameters">Generation parameters; null for the model's defaults.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The media and its type (from the answer's <c>Content-Type</c>, else recognised from the bytes).</returns>
    /// <exception cref="BytezProtocolException">The answer held no media.</exception>
    /// <exception cref="BytezException">The call failed, or answered with an <c>error</c>; the subtype tells why.</exception>
    public async Task<BytezMedia> RunMediaAsync(BytezInput input, JsonObject? parameters = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var call = new BytezCall(BytezOperations.MediaRun, ModelId);
        var request = Protocol.Run(ModelId, input, parameters, BytezRunMode.Media);
        var answer = await Transport.SendForMediaAsync(call, request, cancellationToken).ConfigureAwait(false);
        return await MediaOfAsync(call, answer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a media generator and yields the media bytes as they arrive (v2 <c>"json": false</c>). When the server
    /// answers JSON instead (v1, or a link), the whole media is yielded as one piece once it is read.
    /// </summary>
    /// <param name="input">The prompt (or <see cref="BytezInput.None"/>).</param>
    /// <param name="parameters">Generation parameters; null for the model's defaults.</param>
    /// <param name="cancellationToken">A token to cancel the stream; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The pieces of the media, in order; each piece is a new array the caller may keep.</returns>
    /// <exception cref="BytezException">The HTTP status was not a success (checked before streaming), or the stream broke.</exception>
    public async IAsyncEnumerable<ReadOnlyMemory<byte>> RunMediaStreamingAsync(
        BytezInput input, JsonObject? parameters = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (call, transport, opened) = await OpenStreamAsync(BytezOperations.StreamingMediaRun, input, parameters, BytezRunMode.Media, cancellationToken)
            .ConfigureAwait(false);
        using var response = opened;
        if (IsJson(response))
        {
            var answer = await transport.ReadStreamedAnswerAsync(call, response, cancellationToken).ConfigureAwait(false);
            var json = BytezTransport.RequireJson(call, BytezTransport.EnsureSuccess(call, answer));
            var media = await MediaOfAsync(call, new BytezMediaAnswer(null, null, json), cancellationToken).ConfigureAwait(false);
            yield return media.Data;
            yield break;
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var idle = transport.CreateIdleGuard(cancellationToken);
            var buffer = new byte[81920];
            while (true)
            {
                int read;
                try
                {
                    read = await idle.ReadAsync(stream, buffer).ConfigureAwait(false);
                }
                catch (StreamIdleException ex)
                {
                    throw BytezStreamErrors.Stalled(call, ex);
                }
                catch (Exception ex) when (ex is IOException or HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    throw BytezStreamErrors.Interrupted(call, ex, transport.Redact(ex.Message));
                }

                if (read == 0)
                {
                    yield break;
                }

                yield return buffer.AsSpan(0, read).ToArray();
            }
        }
    }

    /// <summary>
    /// Runs a text-generation or chat model (in v2 also multimodal chat, summarization, translation, text2text) with
    /// <c>"stream": true</c> and yields text as it arrives. Multi-byte
    /// characters split across network chunks are decoded correctly.
    /// </summary>
    /// <remarks>
    /// The HTTP status is checked before streaming: a non-2xx answer is read as a JSON error and thrown as the mapped
    /// <see cref="BytezException"/>. The body is raw UTF-8 text (not SSE, whatever its content type says); each network
    /// read is yielded as soon as it is decoded. In-band errors: text from <c>INTERNAL_BYTEZ_ERROR:</c> on (anywhere in the
    /// text, even split across reads; the text before it is yielded), or starting with <c>Error: </c> at the start of the stream, throws
    /// <see cref="BytezStreamErrorException"/>; a later chunk starting with <c>Error: </c> is held back until the next
    /// chunk arrives (then it is yielded as text) or the stream ends (then it throws <see cref="BytezStreamErrorException"/>).
    /// A stream that ends inside a multi-byte character was cut off and throws <see cref="BytezException"/>. A stream is
    /// never retried once it has started.
    /// </remarks>
    /// <param name="input">The prompt or chat messages.</param>
    /// <param name="parameters">Hugging Face generation parameters; null sends <c>{}</c>.</param>
    /// <param name="cancellationToken">A token to cancel the stream; cancelling throws <see cref="OperationCanceledException"/> and closes the response.</param>
    /// <returns>The text pieces, in order.</returns>
    /// <exception cref="BytezException">The HTTP status was not a success (checked before streaming), the model wrote an in-band error into the stream (<see cref="BytezStreamErrorException"/>), or no data arrived for <see cref="BytezClientOptions.StreamIdleTimeout"/>.</exception>
    public async IAsyncEnumerable<string> RunStreamingAsync(
        BytezInput input, JsonObject? parameters = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (call, transport, opened) = await OpenStreamAsync(BytezOperations.StreamingRun, input, parameters, BytezRunMode.TextStream, cancellationToken)
            .ConfigureAwait(false);
        using var response = opened;
        if (IsJson(response))
        {
            // Not a text stream: an error, or a server that ignored "stream". Never hand JSON out as if it were text.
            Client.Logger.StreamWasJson(ModelId);
            yield return await ReadJsonStreamAsync(transport, call, response, cancellationToken).ConfigureAwait(false);
            yield break;
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var idle = transport.CreateIdleGuard(cancellationToken);
            await foreach (var piece in BytezTextStreamReader.ReadAsync(stream, call, transport.Redactor, idle, cancellationToken).ConfigureAwait(false))
            {
                yield return piece;
            }
        }
    }

    /// <summary>Stops the instance now instead of waiting for its idle timeout (<c>POST model/delete</c>; v1 only).</summary>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>A task that completes when Bytez accepted the stop.</returns>
    /// <exception cref="NotSupportedException">The client speaks the serverless v2 API, which has no instances.</exception>
    /// <exception cref="BytezException">The call failed; the subtype tells why.</exception>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        var call = new BytezCall(BytezOperations.Stop, ModelId);
        var request = Protocol.Stop(ModelId);
        var response = await Transport.SendAsync(call, request, cancellationToken).ConfigureAwait(false);

        // The stop answer's body is not documented, so an empty or non-JSON 2xx body is accepted.
        BytezTransport.EnsureSuccess(call, response);
    }

    /// <inheritdoc />
    public override string ToString() => $"BytezModel {{ ModelId = {ModelId}, Endpoint = {Client.Endpoint} }}";

    private static BytezLoadOptions ValidateLoadOptions(BytezLoadOptions? options) => Validation.BytezOptionsValidator.Validate(options);

    /// <summary>The answer of a load or start on a serverless generation (v2): no request, nothing started; null on v1.</summary>
    private BytezLoadResult? Serverless()
    {
        if (!Protocol.IsServerless)
        {
            return null;
        }

        _ = Transport; // a disposed client still refuses the call
        return new BytezLoadResult(ModelId, BytezLoadOutcome.Serverless, null);
    }

    /// <summary>Starts a streamed run: the status is checked before anything is read; the caller owns the response.</summary>
    private async Task<(BytezCall Call, BytezTransport Transport, HttpResponseMessage Response)> OpenStreamAsync(
        string operation, BytezInput input, JsonObject? parameters, BytezRunMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var call = new BytezCall(operation, ModelId);
        var transport = Transport;
        var request = Protocol.Run(ModelId, input, parameters, mode);
        return (call, transport, await transport.SendStreamingAsync(call, request, cancellationToken).ConfigureAwait(false));
    }

    private static bool IsJson(HttpResponseMessage response) =>
        string.Equals(response.Content.Headers.ContentType?.MediaType, "application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The media of an answer: its raw bytes, else media in its JSON (base64 or a data URL), else the link it holds, downloaded.</summary>
    private async Task<BytezMedia> MediaOfAsync(BytezCall call, BytezMediaAnswer answer, CancellationToken cancellationToken)
    {
        if (answer.Bytes is { } raw)
        {
            // An empty success is no media (a proxy or a failed generation), not a zero-byte image to hand on.
            return raw.Length > 0
                ? new BytezMedia(raw, MediaTypes.Resolve(answer.MediaType, raw))
                : throw new BytezProtocolException($"Model '{ModelId}' answered with no media: the response body was empty.", null, null, ModelId);
        }

        var result = new BytezRunResult(answer.Json!.Value, ModelId, Transport.Redactor);
        if (!result.TryGetOutputUrl(out var url))
        {
            return result.GetMedia();
        }

        var download = await Transport.DownloadAsync(call, url, cancellationToken).ConfigureAwait(false);
        return new BytezMedia(download.Bytes!, MediaTypes.Resolve(download.MediaType, download.Bytes!));
    }

    private static BytezLoadOutcome StartOutcome(BytezCall call, BytezResponse response)
    {
        if (response.IsSuccess)
        {
            return BytezLoadOutcome.Started;
        }

        var error = response.Error;
        if (response.StatusCode == HttpStatusCode.PaymentRequired || BytezErrorMapper.MentionsCredits(error))
        {
            throw BytezTransport.CreateError(call, response);
        }

        // Status first (what the official clients match); the texts cover servers that answered 2xx or other codes.
        if (response.StatusCode == HttpStatusCode.Conflict || (error?.Contains("already loaded", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            return BytezLoadOutcome.AlreadyLoaded;
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests || (error?.Contains("already in progress", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            return BytezLoadOutcome.LoadInProgress;
        }

        throw BytezTransport.CreateError(call, response);
    }

    private static async Task<string> ReadJsonStreamAsync(BytezTransport transport, BytezCall call, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var answer = await transport.ReadStreamedAnswerAsync(call, response, cancellationToken).ConfigureAwait(false);
        if (!answer.IsSuccess)
        {
            throw BytezTransport.CreateError(call, answer);
        }

        var json = BytezTransport.RequireJson(call, answer);
        try
        {
            return new BytezRunResult(json, call.ModelId, transport.Redactor).GetGeneratedText();
        }
        catch (BytezProtocolException)
        {
            // Not a text result: give the caller the body rather than nothing.
            return json.GetRawText();
        }
    }
}
