using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Bytez.AI.Logging;
using Bytez.AI.Resilience;
using Bytez.AI.Serialization;
using Microsoft.Extensions.Logging;

namespace Bytez.AI.Http;

/// <summary>
/// Sends protocol requests (headers, body, error mapping, network-failure wrapping) and reads their answers within the
/// limits (<see cref="BytezClientOptions.MaxResponseSize"/>, the request timeout, the stream idle timeout), accepting
/// answers from the endpoint's own origin only. Knows HTTP and JSON, nothing of what the operations mean.
/// </summary>
internal sealed class BytezTransport
{
    // Header values are never mutated after creation, so one instance serves every request (and saves parsing and
    // allocating them per call on the hot path). Request headers are added as text, unvalidated: a typed value costs a
    // parsed-value record per header per call, and these values are known to be valid.
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");
    private static readonly string UserAgentValue = "Bytez.AI/" + LibraryVersion();

    private readonly HttpClient _http;
    private readonly string _authorization;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly long _maxResponseSize;

    // Absolute request URIs by relative path: combining a Uri costs a parse and several allocations per call. Only
    // paths without a query are cached, so the set stays small: the fixed v1 paths and one v2 run path per model used.
    private readonly ConcurrentDictionary<string, Uri> _uris = new(StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="BytezTransport"/> class.</summary>
    /// <param name="http">The HTTP client.</param>
    /// <param name="options">The validated options (endpoint, key and provider keys, clock, limits).</param>
    /// <param name="logger">The protocol logger.</param>
    public BytezTransport(HttpClient http, BytezClientOptions options, ILogger logger)
    {
        _http = http;
        Endpoint = options.Endpoint;
        Redactor = new BytezRedactor(options.ApiKey!, options.ProviderKeys.Values);
        _authorization = "Key " + options.ApiKey;
        _timeProvider = options.TimeProvider;
        _maxResponseSize = options.MaxResponseSize;
        StreamIdleTimeout = options.StreamIdleTimeout;
        _logger = logger;
    }

    public Uri Endpoint { get; }

    /// <summary>Gets the <c>product/version</c> this library names itself with (<c>Bytez.AI/0.1.0</c>).</summary>
    public static string UserAgent => UserAgentValue;

    /// <summary>Gets the HTTP client every request goes through (with the retry handler when the client created it).</summary>
    public HttpClient HttpClient => _http;

    /// <summary>Gets the largest response body read or buffered (<see cref="BytezClientOptions.MaxResponseSize"/>).</summary>
    public long MaxResponseSize => _maxResponseSize;

    /// <summary>Gets the redactor of everything the server sends before it reaches a message or a log.</summary>
    public BytezRedactor Redactor { get; }

    /// <summary>Gets the longest wait for data once a response has started (<see cref="BytezClientOptions.StreamIdleTimeout"/>).</summary>
    public TimeSpan StreamIdleTimeout { get; }

    /// <summary>Creates the guard that bounds each read of a started stream by <see cref="StreamIdleTimeout"/>.</summary>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>The guard; dispose it when the stream ends.</returns>
    public StreamIdleGuard CreateIdleGuard(CancellationToken cancellationToken) => new(StreamIdleTimeout, _timeProvider, cancellationToken);

    /// <summary>Sends a request and reads the whole answer; throws only for network failures, timeouts and cancellation.</summary>
    public Task<BytezResponse> SendAsync(BytezCall call, BytezRequest request, CancellationToken cancellationToken) =>
        SendAsync(call, request, streaming: false, null, static (transport, _, response, bytes, _) => transport.Read(response, bytes), cancellationToken);

    /// <summary>Sends a request and returns its JSON body, or throws the mapped error (a 2xx with an <c>error</c> included).</summary>
    public Task<JsonElement> SendForJsonAsync(BytezCall call, BytezRequest request, CancellationToken cancellationToken) =>
        SendAsync(call, request, streaming: false, null, static (transport, c, response, bytes, _) => RequireJson(c, EnsureSuccess(c, transport.Read(response, bytes))), cancellationToken);

    /// <summary>
    /// Sends a request and returns what <paramref name="project"/> makes of its successful JSON answer, in the same step
    /// (a caller that only wraps the body needs no async method, and no state machine, of its own). The answer is checked
    /// as <see cref="SendForJsonAsync"/> checks it but not necessarily parsed: a valid body without an <c>error</c>
    /// reaches <paramref name="project"/> as <see cref="BytezResponse.UnparsedJson"/>, for a reader that needs no DOM.
    /// </summary>
    public Task<T> SendForJsonResponseAsync<T>(BytezCall call, BytezRequest request, Func<BytezResponse, BytezCall, BytezTransport, T> project, CancellationToken cancellationToken) =>
        SendAsync(
            call,
            request,
            streaming: false,
            project,
            static (transport, c, response, bytes, state) =>
                ((Func<BytezResponse, BytezCall, BytezTransport, T>)state!)(RequireJsonBody(c, EnsureSuccess(c, transport.Read(response, bytes))), c, transport),
            cancellationToken);

    /// <summary>
    /// Sends a request whose successful answer may be raw media bytes (a v2 run with <c>"json": false</c>), read within
    /// the same limits as any answer. A non-2xx answer throws the mapped error; a JSON answer is checked like any other
    /// (its <c>error</c> member included) and returned as JSON, for the caller to find the media in it.
    /// </summary>
    public Task<BytezMediaAnswer> SendForMediaAsync(BytezCall call, BytezRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            call,
            request,
            streaming: true,
            null,
            static (transport, c, response, bytes, _) =>
            {
                var mediaType = response.Content.Headers.ContentType?.MediaType;
                return !response.IsSuccessStatusCode || IsJson(mediaType)
                    ? new BytezMediaAnswer(null, null, RequireJson(c, EnsureSuccess(c, transport.Read(response, bytes))))
                    : new BytezMediaAnswer(bytes.ToArray(), mediaType, null);
            },
            cancellationToken);

    /// <summary>
    /// Downloads media a run answered with as a link (Bytez's CDN), within <see cref="BytezClientOptions.MaxResponseSize"/>.
    /// The request carries no Bytez or provider key: the link is public, and a key must never travel to a host that is
    /// not the API. (The one request that leaves the endpoint's origin, so it is not held to it.)
    /// </summary>
    public async Task<BytezMediaAnswer> DownloadAsync(BytezCall call, Uri url, CancellationToken cancellationToken)
    {
        using var request = BytezRetryRequest.Create(HttpMethod.Get, url, BytezRetryMode.Buffered, _maxResponseSize);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgentValue);
        var link = url.GetLeftPart(UriPartial.Path);
        var sentAt = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            _logger.RequestCompleted(HttpMethod.Get.Method, link, (int)response.StatusCode);
            if (!response.IsSuccessStatusCode)
            {
                throw new BytezException(
                    $"{call.Subject} answered with the media link {link}, but downloading it failed with HTTP {(int)response.StatusCode}. Links expire: run the model again.",
                    response.StatusCode, null, call.ModelId);
            }

            var bytes = await ReadBodyAsync(response, sentAt, cancellationToken).ConfigureAwait(false);
            return new BytezMediaAnswer(bytes.ToArray(), response.Content.Headers.ContentType?.MediaType, null);
        }
        catch (ResponseTooLargeException ex)
        {
            throw BytezErrorMapper.TooLarge(call, ex);
        }
        catch (Exception ex) when (IsTransportFailure(ex, cancellationToken))
        {
            throw TransportFailure(call, ex);
        }
    }

    /// <summary>
    /// Sends a request, reads the whole answer within the limits and hands it to <paramref name="read"/>: one async
    /// method for every buffered call (awaiting one from another cost every JSON call a second state machine).
    /// <paramref name="read"/> gets the transport, the call and <paramref name="state"/>, so callers pass static lambdas
    /// (no closure per call); what it throws (the mapped Bytez errors) passes through untouched.
    /// </summary>
    private async Task<T> SendAsync<T>(
        BytezCall call,
        BytezRequest bytezRequest,
        bool streaming,
        object? state,
        Func<BytezTransport, BytezCall, HttpResponseMessage, ArraySegment<byte>, object?, T> read,
        CancellationToken cancellationToken)
    {
        using var request = CreateRequest(call, bytezRequest, streaming, out var uri);
        var sentAt = Stopwatch.GetTimestamp();
        try
        {
            // Headers first: the body is read here, within MaxResponseSize, rather than buffered whole by HttpClient.
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            ThrowIfRedirected(call, response, uri);
            var bytes = await ReadBodyAsync(response, sentAt, cancellationToken).ConfigureAwait(false);
            _logger.RequestCompleted(bytezRequest.Method.Method, bytezRequest.Path, (int)response.StatusCode);
            return read(this, call, response, bytes, state);
        }
        catch (ResponseTooLargeException ex)
        {
            throw BytezErrorMapper.TooLarge(call, ex);
        }
        catch (Exception ex) when (IsTransportFailure(ex, cancellationToken))
        {
            throw TransportFailure(call, ex);
        }
    }

    /// <summary>
    /// Sends a streaming request (<see cref="HttpCompletionOption.ResponseHeadersRead"/>). A non-2xx answer is read as
    /// a JSON error and thrown before any text is streamed; on success the caller owns (and disposes) the response.
    /// </summary>
    public async Task<HttpResponseMessage> SendStreamingAsync(BytezCall call, BytezRequest bytezRequest, CancellationToken cancellationToken)
    {
        var path = bytezRequest.Path;
        using var request = CreateRequest(call, bytezRequest, streaming: true, out var uri);
        var sentAt = Stopwatch.GetTimestamp();
        HttpResponseMessage? response = null;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            _logger.RequestCompleted(request.Method.Method, path, (int)response.StatusCode);
            ThrowIfRedirected(call, response, uri);
            if (response.IsSuccessStatusCode)
            {
                var success = response;
                response = null;
                return success;
            }

            var bytes = await ReadBodyAsync(response, sentAt, cancellationToken).ConfigureAwait(false);
            throw CreateError(call, Read(response, bytes));
        }
        catch (ResponseTooLargeException ex)
        {
            throw BytezErrorMapper.TooLarge(call, ex);
        }
        catch (Exception ex) when (IsTransportFailure(ex, cancellationToken))
        {
            throw TransportFailure(call, ex);
        }
        finally
        {
            response?.Dispose();
        }
    }

    /// <summary>
    /// Reads the JSON answer to a streaming request (an error, or a server that ignored <c>stream</c>): within
    /// <see cref="BytezClientOptions.MaxResponseSize"/>, each read within the stream idle timeout.
    /// </summary>
    /// <param name="call">The call, for error messages.</param>
    /// <param name="response">The started response.</param>
    /// <param name="cancellationToken">A token to cancel the read.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="BytezException">The body was too large, stalled or cut off.</exception>
    public async Task<BytezResponse> ReadStreamedAnswerAsync(BytezCall call, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var idle = CreateIdleGuard(cancellationToken);
        try
        {
            return Read(response, await BufferedBody.ReadAsync(response.Content, _maxResponseSize, idle, cancellationToken).ConfigureAwait(false));
        }
        catch (ResponseTooLargeException ex)
        {
            ex.StatusCode = response.StatusCode;
            throw BytezErrorMapper.TooLarge(call, ex);
        }
        catch (StreamIdleException ex)
        {
            throw BytezStreamErrors.Stalled(call, ex);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw BytezStreamErrors.Interrupted(call, ex, Redact(ex.Message));
        }
    }

    /// <summary>Reads a fully buffered answer.</summary>
    public BytezResponse Read(HttpResponseMessage response, ArraySegment<byte> bytes) =>
        Read(response.StatusCode, response.ReasonPhrase, response.Headers.RetryAfter, bytes);

    /// <summary>
    /// Reads a fully buffered answer from its parts: the transport's own responses, and answers that reached the library
    /// another way (the OpenAI SDK's, on the OpenAI-compatible route), so every answer is judged, redacted and mapped alike.
    /// </summary>
    public BytezResponse Read(HttpStatusCode statusCode, string? reasonPhrase, RetryConditionHeaderValue? retryAfter, ArraySegment<byte> bytes)
    {
        var isSuccessStatus = (int)statusCode is >= 200 and <= 299;
        var isEmpty = IsWhiteSpace(bytes);
        if (isSuccessStatus && !isEmpty && JsonBody.IsValidWithoutError(bytes.AsSpan()))
        {
            // The common answer: valid JSON without an error. Checked in one pass; the DOM is built only if asked for
            // (a run result reads its output straight from the bytes, which nothing else writes to). A result may be
            // kept (ChatResponse.RawRepresentation): a read buffer much larger than its body (no Content-Length) is
            // copied to the body's size rather than kept whole.
            var slack = bytes.Array!.Length - bytes.Count;
            return new BytezResponse
            {
                StatusCode = statusCode,
                ReasonPhrase = Redact(reasonPhrase),
                UnparsedJson = slack > Math.Max(64, bytes.Count / 4) ? bytes.AsSpan().ToArray() : bytes.AsMemory(),
                RetryAfter = RetryAfter(retryAfter),
            };
        }

        JsonElement? json = null;
        JsonException? jsonError = null;
        if (!isEmpty)
        {
            try
            {
                json = JsonSerializer.Deserialize(bytes.AsSpan(), BytezJsonContext.Default.JsonElement);
            }
            catch (JsonException ex)
            {
                jsonError = ex;
            }
        }

        var error = json is { } root ? ErrorText(root, includeMessage: !isSuccessStatus) : null;
        string? excerpt = null;
        if (!isEmpty && (json is null || (!isSuccessStatus && error is null)))
        {
            excerpt = Redactor.Excerpt(Encoding.UTF8.GetString(bytes.AsSpan()));
        }

        // Everything the server wrote (reason phrase included) is redacted here, before any message or log sees it.
        return new BytezResponse
        {
            StatusCode = statusCode,
            ReasonPhrase = Redact(reasonPhrase),
            Json = json,
            JsonError = jsonError,
            IsEmpty = isEmpty,
            Error = Redact(error),
            BodyExcerpt = excerpt,
            RetryAfter = RetryAfter(retryAfter),
        };
    }

    /// <summary>Returns the response when it is a success, or throws the mapped error.</summary>
    public static BytezResponse EnsureSuccess(BytezCall call, BytezResponse response) =>
        response.IsSuccess ? response : throw CreateError(call, response);

    /// <summary>Maps an unsuccessful response through <see cref="BytezErrorMapper"/>.</summary>
    public static BytezException CreateError(BytezCall call, BytezResponse response) =>
        BytezErrorMapper.FromResponse(call, response.StatusCode, response.ReasonPhrase, response.Error, response.BodyExcerpt, response.RetryAfter);

    /// <summary>
    /// Returns a successful response whose body is JSON (parsed or not), or throws <see cref="BytezProtocolException"/>
    /// as <see cref="RequireJson"/> does.
    /// </summary>
    public static BytezResponse RequireJsonBody(BytezCall call, BytezResponse response)
    {
        if (response.UnparsedJson is null)
        {
            _ = RequireJson(call, response);
        }

        return response;
    }

    /// <summary>Returns the JSON body of a successful response, or throws <see cref="BytezProtocolException"/>.</summary>
    public static JsonElement RequireJson(BytezCall call, BytezResponse response)
    {
        if (response.Json is { } json)
        {
            return json;
        }

        throw response.IsEmpty
            ? BytezErrorMapper.EmptyBody(call, response.StatusCode)
            : BytezErrorMapper.InvalidJson(call, response.StatusCode, response.BodyExcerpt, response.JsonError);
    }

    private static bool IsTransportFailure(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        // The caller's own cancellation propagates untouched.
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        HttpRequestException or IOException => true,
        _ => false,
    };

    /// <summary>
    /// The error for a call that got no complete answer: a network failure, or a timeout that was not the caller's
    /// cancellation (the message says which, and names the setting to change).
    /// </summary>
    public BytezException TransportFailure(BytezCall call, Exception ex)
    {
        if (ex is OperationCanceledException)
        {
            return new BytezException(
                $"{call.Subject} timed out after {BytezText.Duration(_http.Timeout)} without a complete response. Raise BytezClientOptions.RequestTimeout (or the Timeout of the HttpClient you supplied) if the model needs longer.",
                null, null, call.ModelId, ex);
        }

        return new BytezException(
            $"{call.Subject} could not reach {Endpoint} ({BytezText.TrimSentence(Redact(ex.Message) ?? string.Empty)}). Check the network connection and BytezClientOptions.Endpoint.",
            (ex as HttpRequestException)?.StatusCode, null, call.ModelId, ex);
    }

    private HttpRequestMessage CreateRequest(BytezCall call, BytezRequest bytezRequest, bool streaming, out Uri uri)
    {
        var path = bytezRequest.Path;
        var body = bytezRequest.Body;
        uri = path.Contains('?', StringComparison.Ordinal)
            ? new Uri(Endpoint, path)
            : _uris.GetOrAdd(path, static (p, endpoint) => new Uri(endpoint, p), Endpoint);
        var request = BytezRetryRequest.Create(bytezRequest.Method, uri, BytezOperations.RetryMode(call.Operation), _maxResponseSize);
        request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgentValue);
        if (bytezRequest.ProviderKey is { } providerKey)
        {
            request.Headers.TryAddWithoutValidation(BytezHeaders.ProviderKey, providerKey);
        }
        if (!streaming)
        {
            request.Headers.TryAddWithoutValidation("Accept", "application/json");
        }

        if (body is not null)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = JsonMediaType;
            request.Content = content;
        }

        return request;
    }

    /// <summary>
    /// Refuses an answer that does not come from the endpoint's origin: a redirect the client did not follow (its own
    /// handler never follows them), or one an <see cref="HttpClient"/> the caller supplied followed to another host. The
    /// other host's body is never read, let alone taken as the model's result.
    /// </summary>
    /// <param name="call">The call, for the message.</param>
    /// <param name="response">The answer.</param>
    /// <param name="sent">The URI the request was created with (on the endpoint's origin).</param>
    private void ThrowIfRedirected(BytezCall call, HttpResponseMessage response, Uri sent)
    {
        var status = (int)response.StatusCode;
        if (status is >= 300 and <= 399)
        {
            var target = response.Headers.Location is { } location
                ? Origin(location.IsAbsoluteUri ? location : new Uri(response.RequestMessage?.RequestUri ?? Endpoint, location))
                : null;
            throw BytezErrorMapper.Redirected(call, response.StatusCode, Redact(target));
        }

        // A handler that follows a redirect replaces the request's URI; the same instance means it went nowhere else
        // (compared first: comparing origins builds strings on every call).
        if (response.RequestMessage?.RequestUri is { } final && !ReferenceEquals(final, sent) && !SameOrigin(final, Endpoint))
        {
            throw BytezErrorMapper.RedirectedElsewhere(call, Redact(Origin(final))!);
        }
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        Uri.Compare(a, b, UriComponents.SchemeAndServer, UriFormat.SafeUnescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private static string Origin(Uri uri) => uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.SafeUnescaped);

    /// <summary>
    /// Reads a body (unless the retry handler already did) within <see cref="BytezClientOptions.MaxResponseSize"/> and
    /// what is left of the <see cref="HttpClient.Timeout"/>, which stopped applying when the headers arrived.
    /// </summary>
    private ValueTask<ArraySegment<byte>> ReadBodyAsync(HttpResponseMessage response, long sentAt, CancellationToken cancellationToken) =>
        response.Content is BufferedBody buffered
            ? new ValueTask<ArraySegment<byte>>(buffered.Bytes) // read by the retry handler: no second state machine
            : new ValueTask<ArraySegment<byte>>(ReadUnbufferedBodyAsync(response, sentAt, cancellationToken));

    private async Task<ArraySegment<byte>> ReadUnbufferedBodyAsync(HttpResponseMessage response, long sentAt, CancellationToken cancellationToken)
    {
        try
        {
            var timeout = _http.Timeout;
            if (timeout == Timeout.InfiniteTimeSpan)
            {
                return await BufferedBody.ReadAsync(response.Content, _maxResponseSize, null, cancellationToken).ConfigureAwait(false);
            }

            using var remaining = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var left = timeout - Stopwatch.GetElapsedTime(sentAt);
            remaining.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
            return await BufferedBody.ReadAsync(response.Content, _maxResponseSize, null, remaining.Token).ConfigureAwait(false);
        }
        catch (ResponseTooLargeException ex)
        {
            ex.StatusCode = response.StatusCode;
            throw;
        }
    }

    private string? ErrorText(JsonElement root, bool includeMessage)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var error = Text(root, "error");
        if (!includeMessage)
        {
            return error;
        }

        var message = Text(root, "message");
        if (error is null || message is null || string.Equals(error, message, StringComparison.Ordinal))
        {
            return error ?? message;
        }

        return $"{BytezText.TrimSentence(error)}: {message}";

        string? Text(JsonElement obj, string name)
        {
            if (!obj.TryGetProperty(name, out var value))
            {
                return null;
            }

            var text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),

                // The OpenAI-compatible endpoints answer {"error": {"message", "type", "code"}}.
                JsonValueKind.Object when value.TryGetProperty("message", out var inner) && inner.ValueKind == JsonValueKind.String => inner.GetString(),
                JsonValueKind.Null or JsonValueKind.Undefined or JsonValueKind.False => null,
                _ => Redactor.Excerpt(value.GetRawText()),
            };
            return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        }
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    public string? Redact(string? text) => Redactor.Redact(text);

    private static bool IsJson(string? mediaType) =>
        mediaType is not null && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static bool IsWhiteSpace(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }

    private static string LibraryVersion()
    {
        var version = typeof(BytezTransport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(BytezTransport).Assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 ? version[..plus] : version;
    }
}
