using System.Net;
using System.Text.Json;
using Bytez.AI.Serialization;

namespace Bytez.AI.Http;

/// <summary>A fully read answer: status, body and what was learnt from it. Redacted of the API key.</summary>
internal sealed class BytezResponse
{
    public required HttpStatusCode StatusCode { get; init; }

    public string? ReasonPhrase { get; init; }

    private JsonElement? _json;

    /// <summary>Gets the parsed body, when it was valid JSON (a body checked but not parsed yet is parsed on first access).</summary>
    public JsonElement? Json
    {
        get => _json ??= UnparsedJson is { } body ? JsonBody.Parse(body.Span) : null;
        init => _json = value;
    }

    /// <summary>
    /// Gets the body of a successful answer that was checked to be valid JSON without an <c>error</c> but not parsed
    /// into a DOM (a run result reads what it needs straight from it), or null.
    /// </summary>
    public ReadOnlyMemory<byte>? UnparsedJson { get; init; }

    /// <summary>Gets the parse error of a non-empty body that is not JSON.</summary>
    public JsonException? JsonError { get; init; }

    /// <summary>Gets a value indicating whether the body was empty or white space.</summary>
    public bool IsEmpty { get; init; }

    /// <summary>
    /// Gets Bytez's error text: the <c>error</c> member (non-null, non-empty) and, on a non-2xx answer, the
    /// <c>message</c> member too (the 402 body has both).
    /// </summary>
    public string? Error { get; init; }

    /// <summary>Gets a short excerpt of the body, when it is not JSON or carries no error text.</summary>
    public string? BodyExcerpt { get; init; }

    public TimeSpan? RetryAfter { get; init; }

    public bool IsSuccessStatusCode => (int)StatusCode is >= 200 and <= 299;

    /// <summary>Gets a value indicating whether the call succeeded: a 2xx without an <c>error</c>.</summary>
    public bool IsSuccess => IsSuccessStatusCode && Error is null;
}
