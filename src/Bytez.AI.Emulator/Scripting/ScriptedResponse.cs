using System.Text;
using System.Text.Json.Nodes;

namespace Bytez.AI.Emulator;

/// <summary>A canned answer to a run, produced by a <see cref="ModelScript"/> step or handler.</summary>
public sealed class ScriptedResponse
{
    private ScriptedResponse()
    {
    }

    /// <summary>Gets the reply text (chat: the assistant content; text generation: the continuation after the echoed prompt).</summary>
    public string? ReplyText { get; private init; }

    /// <summary>Gets the verbatim v1 response body.</summary>
    public JsonObject? Body { get; private init; }

    /// <summary>Gets the raw chunks of a stream, byte for byte.</summary>
    public IReadOnlyList<byte[]>? Chunks { get; private init; }

    /// <summary>Gets the HTTP status of an error answer; 0 when this is not an error.</summary>
    public int StatusCode { get; private init; }

    /// <summary>Gets the error message of an error answer.</summary>
    public string? Error { get; private init; }

    /// <summary>Gets the <c>Retry-After</c> header value of an error answer.</summary>
    public string? RetryAfter { get; private init; }

    /// <summary>Creates a reply whose text the emulator shapes per task and endpoint.</summary>
    /// <param name="text">The reply text.</param>
    /// <returns>The response.</returns>
    public static ScriptedResponse Text(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new() { ReplyText = text };
    }

    /// <summary>Creates a reply with a verbatim v1 body (v2 and OpenAI-compatible calls map it to their shapes).</summary>
    /// <param name="body">The v1 body, such as <c>{"output": ...}</c>.</param>
    /// <returns>The response.</returns>
    public static ScriptedResponse Json(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new() { Body = body };
    }

    /// <summary>Creates a reply streamed as these text chunks (their concatenation is the reply text when not streaming).</summary>
    /// <param name="chunks">The chunks.</param>
    /// <returns>The response.</returns>
    public static ScriptedResponse StreamChunks(params string[] chunks)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        return new() { Chunks = [.. chunks.Select(Encoding.UTF8.GetBytes)] };
    }

    /// <summary>Creates a reply streamed as these raw byte chunks (for UTF-8 split inside a character).</summary>
    /// <param name="chunks">The chunks.</param>
    /// <returns>The response.</returns>
    public static ScriptedResponse StreamBytes(params byte[][] chunks)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        return new() { Chunks = [.. chunks.Select(c => (byte[])c.Clone())] };
    }

    /// <summary>Creates an HTTP error answer whose body is <c>{"error": error}</c> (v2: plus <c>"output": null</c>).</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="error">The error message.</param>
    /// <param name="retryAfter">An optional <c>Retry-After</c> header value.</param>
    /// <returns>The response.</returns>
    public static ScriptedResponse Fail(int statusCode, string error, string? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentNullException.ThrowIfNull(error);
        return new() { StatusCode = statusCode, Error = error, RetryAfter = retryAfter };
    }

    internal string? JoinedChunks => Chunks is null ? null : Encoding.UTF8.GetString([.. Chunks.SelectMany(c => c)]);
}
