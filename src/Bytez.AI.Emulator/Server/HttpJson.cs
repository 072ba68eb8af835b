using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Bytez.AI.Emulator.Server;

/// <summary>Writes JSON answers the way the Bytez gateway does (<c>content-type: application/json</c>, exact).</summary>
internal static class HttpJson
{
    public const string ContentType = "application/json";

    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] ToBytes(JsonNode? node) => Encoding.UTF8.GetBytes(node?.ToJsonString(Compact) ?? "null");

    public static Task WriteAsync(HttpContext context, int statusCode, JsonNode? body, string? retryAfter = null)
    {
        var bytes = ToBytes(body);
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = ContentType;
        context.Response.ContentLength = bytes.Length;
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        return context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }

    /// <summary>v1 error: <c>{"error": message}</c>.</summary>
    public static JsonObject V1Error(string message) => new() { ["error"] = message };

    /// <summary>v2 error envelope: <c>{"error": message, "output": null}</c>.</summary>
    public static JsonObject V2Error(string message) => new() { ["error"] = message, ["output"] = null };

    public static string? String(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
