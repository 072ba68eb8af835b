using System.Text.Json.Nodes;

namespace Bytez.AI.Emulator.Endpoints.OpenAI;

/// <summary>
/// The OpenAI error shape every OpenAI-compatible endpoint answers with (<c>{"error": {"message", "type", "param",
/// "code"}}</c>), so the OpenAI SDKs surface the server's message.
/// </summary>
internal static class OpenAIErrors
{
    /// <summary>The error body for an HTTP status and message.</summary>
    public static JsonObject Body(int statusCode, string message, string? parameter = null) => new()
    {
        ["error"] = new JsonObject
        {
            ["message"] = message,
            ["type"] = statusCode switch
            {
                401 or 403 => "authentication_error",
                402 => "insufficient_quota",
                404 => "not_found_error",
                429 => "rate_limit_error",
                >= 500 => "server_error",
                _ => "invalid_request_error",
            },
            ["param"] = parameter,
            ["code"] = statusCode switch
            {
                401 or 403 => "invalid_api_key",
                402 => "insufficient_quota",
                404 => "model_not_found",
                429 => "rate_limit_exceeded",
                _ => null,
            },
        },
    };
}
