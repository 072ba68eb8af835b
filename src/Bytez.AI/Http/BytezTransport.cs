using System.Collections.Concurrent;
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
    private static readonly string UserAgent = "Bytez.AI/" + LibraryVersion();

    private readonly HttpClient _http;
    private readonly string _apiKey;
    private readonly string _authorization;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    // Absolute request URIs by relative path: combining a Uri costs a parse and several allocations per call. Only
    // paths without a query are cached, so the set stays the small fixed one (model/run, model/status, ...).
    private readonly ConcurrentDictionary<string, Uri> _uris = new(StringComparer.Ordinal);

    public BytezTransport(HttpClient http, Uri endpoint, string apiKey, TimeProvider timeProvider, ILogger logger)
    {
        _http = http;
        Endpoint = endpoint;
        _apiKey = apiKey;
        _authorization = "Key " + apiKey;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public Uri Endpoint { get; }

    /// <summary>Sends a request and reads the whole answer; throws only for network failures, timeouts and cancellation.</summary>
    public Task<BytezResponse> SendAsync(BytezCall call, HttpMethod method, string path, byte[]? body, CancellationToken cancellationToken) =>
        SendAsync(call, method, path, body, static (_, response) => response, cancellationToken);

    /// <summary>Sends a request and returns its JSON body, or throws the mapped error.</summary>
    public Task<JsonElement> SendForJsonAsync(BytezCall call, HttpMethod method, string path, byte[]? body, CancellationToken cancellationToken) =>
        SendAsync(call, method, path, body, static (c, response) => RequireJson(c, EnsureSuccess(c, response)), cancellationToken);

    /// <summary>
    /// Sends a request, reads the whole answer and hands it to <paramref name="finish"/>: one async method for both
    /// kinds of call (awaiting one from the other cost every JSON call a second state machine).
    /// </summary>
    private async Task<T> SendAsync<T>(
        BytezCall call, HttpMethod method, string path, byte[]? body, Func<BytezCall, BytezResponse, T> finish, CancellationToken cancellationToken)
    {
        BytezResponse answer;
        using (var request = CreateRequest(call, method, path, body, streaming: false))
        {
            try
            {
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                _logger.RequestCompleted(method.Method, path, (int)response.StatusCode);
                answer = Read(response, bytes);
            }
            catch (Exception ex) when (IsTransportFailure(ex, cancellationToken))
            {
                throw TransportFailure(call, ex);
            }
        }

        return finish(call, answer);
    }

    /// <summary>
    /// Sends a streaming request (<see cref="HttpCompletionOption.ResponseHeadersRead"/>). A non-2xx answer is read as
    /// a JSON error and thrown before any text is streamed; on success the caller owns (and disposes) the response.
    /// </summary>
    public async Task<HttpResponseMessage> SendStreamingAsync(BytezCall call, string path, byte[] body, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(call, HttpMethod.Post, path, body, streaming: true);
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
    public BytezResponse Read(HttpResponseMessage response, byte[] bytes)
    {
        var isSuccessStatus = response.IsSuccessStatusCode;
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
            StatusCode = response.StatusCode,
            ReasonPhrase = response.ReasonPhrase,
            Json = json,
            JsonError = jsonError,
            IsEmpty = isEmpty,
            Error = Redact(error),
            BodyExcerpt = Redact(excerpt),
            RetryAfter = RetryAfter(response.Headers.RetryAfter),
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

    private static bool IsTransportFailure(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        // The caller's own cancellation propagates untouched.
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        HttpRequestException or IOException => true,
        _ => false,
    };

    private BytezException TransportFailure(BytezCall call, Exception ex)
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

    private HttpRequestMessage CreateRequest(BytezCall call, HttpMethod method, string path, byte[]? body, bool streaming)
    {
        var uri = path.Contains('?', StringComparison.Ordinal)
            ? new Uri(Endpoint, path)
            : _uris.GetOrAdd(path, static (p, endpoint) => new Uri(endpoint, p), Endpoint);
        var request = BytezRetryRequest.Create(method, uri, BytezOperations.RetryMode(call.Operation));
        request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
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

    public string? Redact(string? text) => BytezText.Redact(text, _apiKey);

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
