using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Bytez.AI.Http;

namespace Bytez.AI.OpenAICompatible;

/// <summary>
/// Turns what the OpenAI SDK throws into the <see cref="BytezException"/> family, through the same reader and mapper as
/// every native call: 401/403 <see cref="BytezUnauthorizedException"/>, 402 <see cref="BytezOutOfCreditsException"/>, 404
/// <see cref="BytezNotFoundException"/>, 429 <see cref="BytezRateLimitException"/> with <c>Retry-After</c>, the rest (400,
/// 5xx) <see cref="BytezException"/>, with the server's message (<c>{"error": {"message"}}</c> or Bytez's envelope).
/// </summary>
/// <remarks>
/// The SDK's <see cref="ClientResultException"/> is never kept as the inner exception: its message quotes the raw
/// response body, which is not redacted. Keys are redacted from everything the mapped exception says.
/// </remarks>
internal static class OpenAIErrors
{
    /// <summary>The Bytez exception for an SDK failure, or null when the exception is not one to translate (the caller's cancellation, a bug).</summary>
    /// <param name="exception">What the SDK (or the HTTP stack under it) threw.</param>
    /// <param name="call">The call, for the message.</param>
    /// <param name="transport">The client's transport (reader, redaction, network-failure wording).</param>
    /// <param name="started">Whether the caller already received part of a stream.</param>
    /// <param name="cancellationToken">The caller's token: its cancellation propagates untouched.</param>
    /// <returns>The exception to throw instead, or null.</returns>
    public static Exception? Translate(Exception exception, BytezCall call, BytezTransport transport, bool started, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case ClientResultException { Status: > 0 } failure when failure.GetRawResponse() is { } response:
                return FromResponse(call, transport, failure.Status, response);
            case ClientResultException failure:
                // No response at all: the SDK wraps the HttpRequestException of a refused or reset connection.
                return Unreachable(call, transport, failure.InnerException ?? failure, started);
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                return null;
            case OperationCanceledException or HttpRequestException or IOException:
                // A cancellation that is not the caller's is HttpClient.Timeout (BytezClientOptions.RequestTimeout).
                return Unreachable(call, transport, exception, started);
            case JsonException or FormatException:
                return new BytezProtocolException(
                    $"{call.Subject} returned a body the OpenAI SDK could not read ({transport.Redact(exception.Message)}). Check that BytezClientOptions.Endpoint points at the Bytez API.",
                    HttpStatusCode.OK, null, call.ModelId);
            default:
                return null;
        }
    }

    private static BytezException FromResponse(BytezCall call, BytezTransport transport, int status, PipelineResponse response)
    {
        byte[] body;
        try
        {
            body = response.Content.ToArray();
        }
        catch (InvalidOperationException)
        {
            // A streamed answer whose body was never buffered: judge it by its status alone.
            body = [];
        }

        RetryConditionHeaderValue? retryAfter = response.Headers.TryGetValue("Retry-After", out string? value) &&
            RetryConditionHeaderValue.TryParse(value, out RetryConditionHeaderValue? parsed) ? parsed : null;
        BytezResponse read = transport.Read((HttpStatusCode)status, response.ReasonPhrase, retryAfter, body);
        return BytezTransport.CreateError(call, read);
    }

    private static BytezException Unreachable(BytezCall call, BytezTransport transport, Exception cause, bool started) =>
        started ? BytezStreamErrors.Interrupted(call, cause, transport.Redact(cause.Message)) : transport.TransportFailure(call, cause);
}
