using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Endpoints.OpenAI;
using Microsoft.AspNetCore.Http;

namespace Bytez.AI.Emulator.Server;

/// <summary>One request being served: the HTTP exchange, its parsed body and what the request log records of it.</summary>
internal sealed class Exchange(HttpContext http)
{
    public HttpContext Http { get; } = http;

    public EmulatorRequestKind Kind { get; set; }

    public string? ModelId { get; set; }

    /// <summary>Gets or sets a value indicating whether the path is a v2 one (errors use the <c>{error, output}</c> envelope).</summary>
    public bool IsV2 { get; set; }

    /// <summary>Gets or sets a value indicating whether the path is an OpenAI-compatible one (errors use OpenAI's shape).</summary>
    public bool IsOpenAI { get; set; }

    public string RawBody { get; set; } = string.Empty;

    public JsonNode? Json { get; set; }

    /// <summary>Gets or sets why the body is not JSON, when it is not.</summary>
    public string? JsonError { get; set; }

    public JsonObject? Body => Json as JsonObject;

    public CancellationToken Aborted => Http.RequestAborted;

    public JsonObject Error(string message, int statusCode = 400) =>
        IsOpenAI ? OpenAIErrors.Body(statusCode, message) : IsV2 ? HttpJson.V2Error(message) : HttpJson.V1Error(message);

    public Task WriteAsync(int statusCode, JsonNode? body, string? retryAfter = null) => HttpJson.WriteAsync(Http, statusCode, body, retryAfter);

    public Task WriteErrorAsync(int statusCode, string message) => WriteAsync(statusCode, Error(message, statusCode));
}
