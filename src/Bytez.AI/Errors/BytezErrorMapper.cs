using System.Net;
using Bytez.AI.Http;

namespace Bytez.AI;

/// <summary>
/// The one place that turns an unsuccessful Bytez answer into a typed exception, so every operation maps errors the
/// same way. Rules, first match wins:
/// <list type="number">
/// <item>HTTP 402, or a message containing "credits" (any case, any status) → <see cref="BytezOutOfCreditsException"/>.</item>
/// <item>HTTP 401 or 403 → <see cref="BytezUnauthorizedException"/>.</item>
/// <item>HTTP 404 → <see cref="BytezNotFoundException"/>.</item>
/// <item>A message containing "not running" → <see cref="BytezModelNotRunningException"/>.</item>
/// <item>HTTP 429 → <see cref="BytezRateLimitException"/> with <c>Retry-After</c>.</item>
/// <item>Anything else (400, 422 container errors, 5xx, a 2xx with an <c>error</c>) → <see cref="BytezException"/>.</item>
/// </list>
/// </summary>
internal static class BytezErrorMapper
{
    /// <summary>Gets whether a Bytez message reports exhausted credits (matched on text, as the official clients do).</summary>
    public static bool MentionsCredits(string? bytezError) =>
        bytezError is not null && bytezError.Contains("credits", StringComparison.OrdinalIgnoreCase);

    /// <summary>Maps a failed response.</summary>
    /// <param name="call">The operation and model.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="reasonPhrase">The HTTP reason phrase, if the server sent one.</param>
    /// <param name="bytezError">Bytez's error text (<c>error</c>, and <c>message</c> when present), already redacted.</param>
    /// <param name="bodyExcerpt">A short excerpt of a body that was not JSON, already redacted.</param>
    /// <param name="retryAfter">The parsed <c>Retry-After</c>.</param>
    /// <returns>The exception to throw.</returns>
    public static BytezException FromResponse(
        BytezCall call, HttpStatusCode statusCode, string? reasonPhrase, string? bytezError, string? bodyExcerpt, TimeSpan? retryAfter)
    {
        var code = (int)statusCode;
        var modelId = call.ModelId;

        if (statusCode == HttpStatusCode.PaymentRequired || MentionsCredits(bytezError))
        {
            return new BytezOutOfCreditsException(
                Message(call, statusCode, reasonPhrase, bytezError, bodyExcerpt,
                    "Add credits to your Bytez account (https://bytez.com/settings) or wait for the monthly refill of free credits."),
                statusCode, bytezError, modelId);
        }

        if (statusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            var keyAdvice = bytezError is not null && bytezError.Contains("provider-key", StringComparison.OrdinalIgnoreCase)
                ? $"Set BytezClientOptions.ProviderKeys[\"{Provider(modelId)}\"] to your own key for that provider (it is sent as the provider-key header)."
                : "Check the API key (the BYTEZ_API_KEY environment variable or BytezClientOptions.ApiKey): it is missing, wrong or revoked.";
            return new BytezUnauthorizedException(
                Message(call, statusCode, reasonPhrase, bytezError, bodyExcerpt, keyAdvice), statusCode, bytezError, modelId);
        }

        if (statusCode == HttpStatusCode.NotFound)
        {
            return new BytezNotFoundException(
                Message(call, statusCode, reasonPhrase, bytezError, bodyExcerpt,
                    (modelId is null
                        ? "Check BytezClientOptions.Endpoint: it should be the Bytez API base address."
                        : "Check the model id: BytezClient.ListModelsAsync lists the models Bytez serves and BytezClient.RequestModelAsync asks Bytez to add one.")
                    + " If the server answers 404 to every call, it may speak the other API generation: check BytezClientOptions.ApiVersion (V2, the default, calls models/v2/*; V1 calls model/*)."),
                statusCode, bytezError, modelId);
        }

        if (bytezError is not null && bytezError.Contains("not running", StringComparison.OrdinalIgnoreCase))
        {
            return new BytezModelNotRunningException(
                Message(call, statusCode, reasonPhrase, bytezError, bodyExcerpt,
                    "Load the model first with BytezModel.LoadAsync; an instance stops after its idle timeout or BytezModel.StopAsync."),
                statusCode, bytezError, modelId);
        }

        if (statusCode == HttpStatusCode.TooManyRequests)
        {
            var next = retryAfter is { } delay
                ? $"Retry after {BytezText.Duration(delay)}, or lower the number of concurrent requests (the free plan allows one at a time)."
                : "Wait and retry, or lower the number of concurrent requests (the free plan allows one at a time).";
            return new BytezRateLimitException(
                Message(call, statusCode, reasonPhrase, bytezError, bodyExcerpt, next), statusCode, bytezError, modelId, retryAfter);
        }

        var advice = code switch
        {
            >= 500 => "Bytez or the model's instance failed; retry later, and if it persists check BytezModel.GetStatusAsync.",
            422 => "The model's container rejected the request: check that the input and parameters suit the model's task.",
            _ => "Check that the input and parameters suit the model's task.",
        };
        return new BytezException(Message(call, statusCode, reasonPhrase, bytezError, bodyExcerpt, advice), statusCode, bytezError, modelId);
    }

    /// <summary>A 2xx body that is not valid JSON.</summary>
    public static BytezProtocolException InvalidJson(BytezCall call, HttpStatusCode statusCode, string? bodyExcerpt, Exception? innerException) =>
        new(
            $"{call.Subject} returned HTTP {(int)statusCode} with a body that is not valid JSON: \"{bodyExcerpt}\". Check that BytezClientOptions.Endpoint points at the Bytez API.",
            statusCode, null, call.ModelId, innerException);

    /// <summary>A 2xx answer without the JSON body the operation needs.</summary>
    public static BytezProtocolException EmptyBody(BytezCall call, HttpStatusCode statusCode) =>
        new(
            $"{call.Subject} returned HTTP {(int)statusCode} with an empty body where JSON was expected. Check that BytezClientOptions.Endpoint points at the Bytez API.",
            statusCode, null, call.ModelId);

    /// <summary>A JSON body of the wrong shape.</summary>
    public static BytezProtocolException UnexpectedShape(BytezCall call, string expected, string found) =>
        new($"{call.Subject} returned an unexpected response: expected {expected}, found {found}.", HttpStatusCode.OK, null, call.ModelId);

    /// <summary>A body larger than <see cref="BytezClientOptions.MaxResponseSize"/>: never retried, never read past the limit.</summary>
    public static BytezProtocolException TooLarge(BytezCall call, ResponseTooLargeException ex)
    {
        var status = ex.StatusCode is { } code ? $"HTTP {(int)code} with a body" : "a body";
        var size = ex.DeclaredLength is { } declared
            ? $"of {Size(declared)} (announced by Content-Length, so nothing was read)"
            : $"larger than {Size(ex.Limit)} (reading stopped there)";
        return new BytezProtocolException(
            $"{call.Subject} answered {status} {size}, over BytezClientOptions.MaxResponseSize ({Size(ex.Limit)}). Raise MaxResponseSize if the model really returns outputs that large; otherwise check that BytezClientOptions.Endpoint points at the Bytez API.",
            ex.StatusCode, null, call.ModelId, ex);
    }

    /// <summary>A redirect the client did not follow: the API key and the input are for the endpoint's origin only.</summary>
    public static BytezException Redirected(BytezCall call, HttpStatusCode statusCode, string? target) =>
        new(
            $"{call.Subject} was answered HTTP {(int)statusCode}, a redirect{(target is null ? string.Empty : $" to {target}")}, which the client does not follow: the API key and the input go to BytezClientOptions.Endpoint only. Check that the endpoint is the Bytez API address.",
            statusCode, null, call.ModelId);

    /// <summary>
    /// An answer from another origin than the endpoint's, after a redirect followed by a caller-supplied HttpClient. No
    /// status: the other host's is not Bytez's.
    /// </summary>
    public static BytezException RedirectedElsewhere(BytezCall call, string origin) =>
        new(
            $"{call.Subject} was redirected to {origin}, another host than BytezClientOptions.Endpoint, by the HttpClient you supplied; an answer from another host is never taken as the model's. Check the endpoint, and set AllowAutoRedirect = false on your HttpClient's handler so that the input is not sent elsewhere either.",
            null, null, call.ModelId);

    /// <summary>A size for a sentence, in the binary units the option's documentation uses: "64 MiB", "1.5 MiB", "256 KiB", "1500 bytes".</summary>
    internal static string Size(long bytes)
    {
        const long KiB = 1024, MiB = 1024 * 1024;
        return bytes switch
        {
            // One arm for whole and fractional MiB: "0.#" prints a whole number of MiB without a decimal point.
            >= MiB => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (double)MiB:0.#} MiB"),
            >= KiB when bytes % KiB == 0 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / KiB} KiB"),
            _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes} bytes"),
        };
    }

    private static string Message(
        BytezCall call, HttpStatusCode statusCode, string? reasonPhrase, string? bytezError, string? bodyExcerpt, string next)
    {
        var reason = string.IsNullOrWhiteSpace(reasonPhrase) ? DefaultReason(statusCode) : reasonPhrase.Trim();
        var detail = bytezError is not null
            ? BytezText.TrimSentence(bytezError)
            : bodyExcerpt is not null
                ? $"the body was not a Bytez error: \"{bodyExcerpt}\""
                : "the response carried no error message";
        return $"{call.Subject} failed with HTTP {(int)statusCode} ({reason}): {detail}. {next}";
    }

    /// <summary>The provider prefix of a closed-source model id (<c>cohere</c> of <c>cohere/command-r</c>).</summary>
    private static string Provider(string? modelId) =>
        modelId is not null && modelId.IndexOf('/', StringComparison.Ordinal) is > 0 and var slash ? modelId[..slash] : "<provider>";

    private static string DefaultReason(HttpStatusCode statusCode) => statusCode switch
    {
        HttpStatusCode.UnprocessableEntity => "Unprocessable Entity",
        HttpStatusCode.TooManyRequests => "Too Many Requests",
        HttpStatusCode.PaymentRequired => "Payment Required",
        HttpStatusCode.InternalServerError => "Internal Server Error",
        HttpStatusCode.BadGateway => "Bad Gateway",
        HttpStatusCode.ServiceUnavailable => "Service Unavailable",
        HttpStatusCode.GatewayTimeout => "Gateway Timeout",
        HttpStatusCode.BadRequest => "Bad Request",
        HttpStatusCode.NotFound => "Not Found",
        HttpStatusCode.Forbidden => "Forbidden",
        HttpStatusCode.Unauthorized => "Unauthorized",
        HttpStatusCode.Conflict => "Conflict",
        _ => Enum.IsDefined(statusCode) ? statusCode.ToString() : "Unknown",
    };
}
