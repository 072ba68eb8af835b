using System.Collections.Concurrent;
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
/// Sends protocol requests (headers, body, error mapping, network-failure wrapping). Knows HTTP and JSON, nothing of
/// what the operations mean.
/// </summary>
internal sealed class BytezTransport
{
    // Header values are never mutated after creation, so one instance serves every request (and saves parsing and
    // allocating them per call on the hot path). Request headers are added as text, unvalidated: a typed value costs a
    // parsed-value record per header per call, and these values are known to be valid.
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");
    private static readonly string UserAgentValue = "Bytez.AI/" + LibraryVersion();

    private readonly HttpClient _http;

    // The API key and any provider keys: every one of them is redacted from text a server sends back.
    private readonly string[] _secrets;
    private readonly string _authorization;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    // Absolute request URIs by relative path: combining a Uri costs a parse and several allocations per call. Only
    // paths without a query are cached, so the set stays small: the fixed v1 paths and one v2 run path per model used.
    private readonly ConcurrentDictionary<string, Uri> _uris = new(StringComparer.Ordinal);

    public BytezTransport(HttpClient http, Uri endpoint, string apiKey, TimeProvider timeProvider, ILogger logger, IEnumerable<string>? otherSecrets = null)
    {
        _http = http;
        Endpoint = endpoint;

        // Longest first, so a secret that contains another is replaced whole.
        _secrets = [.. new[] { apiKey }.Concat(otherSecrets ?? []).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(k => k.Length)];
        _authorization = "Key " + apiKey;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public Uri Endpoint { get; }

    /// <summary>Gets the <c>product/version</c> this library names itself with (<c>Bytez.AI/0.1.0</c>).</summary>
    public static string UserAgent => UserAgentValue;

    /// <summary>Gets the HTTP client every request goes through (with the retry handler when the client created it).</summary>
    public HttpClient HttpClient => _http;

    /// <summary>Sends a request and reads the whole answer; throws only for network failures, timeouts and cancellation.</summary>
    public Task<BytezResponse> SendAsync(BytezCall call, HttpMethod method, string path, byte[]? body, CancellationToken cancellationToken) =>
        SendAsync(call, new BytezRequest(method, path, body), cancellationToken);

    /// <summary>Sends a request and reads the whole answer; throws only for network failures, timeouts and cancellation.</summary>
    public async Task<BytezResponse> SendAsync(BytezCall call, BytezRequest bytezRequest, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(call, bytezRequest, streaming: false);
        return await ExchangeAsync(call, request, bytezRequest.Path, static (transport, _, response, bytes) => transport.Read(response, bytes), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Sends a request and returns its JSON body, or throws the mapped error (a 2xx with an <c>error</c> included).</summary>
    /// <remarks>One async method for the send and the check: awaiting <see cref="SendAsync(BytezCall, BytezRequest, CancellationToken)"/> would cost every JSON call a second state machine.</remarks>
    public async Task<JsonElement> SendForJsonAsync(BytezCall call, BytezRequest bytezRequest, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(call, bytezRequest, streaming: false);
        return await ExchangeAsync(
            call,
            request,
            bytezRequest.Path,
            static (transport, c, response, bytes) => RequireJson(c, EnsureSuccess(c, transport.Read(response, bytes))),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a request whose successful answer may be raw media bytes (a v2 run with <c>"json": false</c>). A non-2xx
    /// answer throws the mapped error; a JSON answer is checked like any other (its <c>error</c> member included) and
    /// returned as JSON, for the caller to find the media in it.
    /// </summary>
    public async Task<BytezMediaAnswer> SendForMediaAsync(BytezCall call, BytezRequest bytezRequest, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(call, bytezRequest, streaming: true);
        return await ExchangeAsync(
            call,
            request,
            bytezRequest.Path,
            static (transport, c, response, bytes) =>
            {
                var mediaType = response.Content.Headers.ContentType?.MediaType;
                return !response.IsSuccessStatusCode || IsJson(mediaType)
                    ? new BytezMediaAnswer(null, null, RequireJson(c, EnsureSuccess(c, transport.Read(response, bytes))))
                    : new BytezMediaAnswer(bytes, mediaType, null);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Downloads media a run answered with as a URL (a CDN link). The request carries no Bytez or provider key: the link
    /// is public, and a key must never travel to a host that is not the API.
    /// </summary>
    public async Task<BytezMediaAnswer> DownloadAsync(BytezCall call, Uri url, CancellationToken cancellationToken)
    {
        using var request = BytezRetryRequest.Create(HttpMethod.Get, url, BytezRetryMode.Buffered);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgentValue);
        var link = url.GetLeftPart(UriPartial.Path);
        return await ExchangeAsync(
            call,
            request,
            link,
            (_, _, response, bytes) => response.IsSuccessStatusCode
                ? new BytezMediaAnswer(bytes, response.Content.Headers.ContentType?.MediaType, null)
                : throw new BytezException(
                    $"{call.Subject} answered with the media link {link}, but downloading it failed with HTTP {(int)response.StatusCode}. Links expire: run the model again.",
                    response.StatusCode, null, call.ModelId),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a streaming request (<see cref="HttpCompletionOption.ResponseHeadersRead"/>). A non-2xx answer is read as
    /// a JSON error and thrown before any text is streamed; on success the caller owns (and disposes) the response.
    /// </summary>
    public Task<HttpResponseMessage> SendStreamingAsync(BytezCall call, string path, byte[] body, CancellationToken cancellationToken) =>
        SendStreamingAsync(call, new BytezRequest(HttpMethod.Post, path, body), cancellationToken);

    /// <summary>
    /// Sends a streaming request (<see cref="HttpCompletionOption.ResponseHeadersRead"/>). A non-2xx answer is read as
    /// a JSON error and thrown before any text is streamed; on success the caller owns (and disposes) the response.
    /// </summary>
    public async Task<HttpResponseMessage> SendStreamingAsync(BytezCall call, BytezRequest bytezRequest, CancellationToken cancellationToken)
    {
        var path = bytezRequest.Path;
        using var request = CreateRequest(call, bytezRequest, streaming: true);
        HttpResponseMessage? response = null;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            _logger.RequestCompleted(request.Method.Method, path, (int)response.StatusCode);
            if (response.IsSuccessStatusCode)
            {
                var success = response;
                response = null;
                return success;
            }

            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            throw CreateError(call, Read(response, bytes));
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

    /// <summary>Reads a fully buffered answer (also used for a JSON answer to a streaming request).</summary>
    public BytezResponse Read(HttpResponseMessage response, byte[] bytes) =>
        Read(response.StatusCode, response.ReasonPhrase, response.Headers.RetryAfter, bytes);

    /// <summary>
    /// Reads a fully buffered answer from its parts: the transport's own responses, and answers that reached the library
    /// another way (the OpenAI SDK's, on the OpenAI-compatible route), so every answer is judged, redacted and mapped alike.
    /// </summary>
    public BytezResponse Read(HttpStatusCode statusCode, string? reasonPhrase, RetryConditionHeaderValue? retryAfter, byte[] bytes)
    {
        var isSuccessStatus = (int)statusCode is >= 200 and <= 299;
        var isEmpty = IsWhiteSpace(bytes);
        JsonElement? json = null;
        JsonException? jsonError = null;
        if (!isEmpty)
        {
            try
            {
                json = JsonSerializer.Deserialize(bytes, BytezJsonContext.Default.JsonElement);
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
            excerpt = BytezText.Excerpt(Encoding.UTF8.GetString(bytes));
        }

        return new BytezResponse
        {
            StatusCode = statusCode,
            ReasonPhrase = reasonPhrase,
            Json = json,
            JsonError = jsonError,
            IsEmpty = isEmpty,
            Error = Redact(error),
            BodyExcerpt = Redact(excerpt),
            RetryAfter = RetryAfter(retryAfter),
        };
    }

    /// <summary>Returns the response when it is a success, or throws the mapped error.</summary>
    public static BytezResponse EnsureSuccess(BytezCall call, BytezResponse response) =>
        response.IsSuccess ? response : throw CreateError(call, response);

    /// <summary>Maps an unsuccessful response through <see cref="BytezErrorMapper"/>.</summary>
    public static BytezException CreateError(BytezCall call, BytezResponse response) =>
        BytezErrorMapper.FromResponse(call, response.StatusCode, response.ReasonPhrase, response.Error, response.BodyExcerpt, response.RetryAfter);

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

    /// <summary>
    /// Sends a request, reads the whole body and hands both to <paramref name="read"/>; network failures and timeouts
    /// become a <see cref="BytezException"/>, the caller's cancellation propagates untouched.
    /// </summary>
    /// <remarks><paramref name="read"/> gets the transport and the call so that callers can pass static lambdas (no closure per call).</remarks>
    private async Task<T> ExchangeAsync<T>(
        BytezCall call, HttpRequestMessage request, string logPath, Func<BytezTransport, BytezCall, HttpResponseMessage, byte[], T> read, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            _logger.RequestCompleted(request.Method.Method, logPath, (int)response.StatusCode);
            return read(this, call, response, bytes);
        }
        catch (Exception ex) when (IsTransportFailure(ex, cancellationToken))
        {
            throw TransportFailure(call, ex);
        }
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

    private HttpRequestMessage CreateRequest(BytezCall call, BytezRequest bytezRequest, bool streaming)
    {
        var path = bytezRequest.Path;
        var body = bytezRequest.Body;
        var uri = path.Contains('?', StringComparison.Ordinal)
            ? new Uri(Endpoint, path)
            : _uris.GetOrAdd(path, static (p, endpoint) => new Uri(endpoint, p), Endpoint);
        var request = BytezRetryRequest.Create(bytezRequest.Method, uri, BytezOperations.RetryMode(call.Operation));
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

    private static string? ErrorText(JsonElement root, bool includeMessage)
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

        static string? Text(JsonElement obj, string name)
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
                _ => BytezText.Excerpt(value.GetRawText()),
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

    public string? Redact(string? text)
    {
        foreach (var secret in _secrets)
        {
            text = BytezText.Redact(text, secret);
        }

        return text;
    }

    private static bool IsJson(string? mediaType) =>
        mediaType is not null && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static bool IsWhiteSpace(byte[] bytes)
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
