using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Bytez.AI.Benchmarks.Server;

/// <summary>The bodies the fixed-reply server sends, in the shapes of the Bytez v1 API and of the OpenAI-compatible endpoint.</summary>
public static class BenchReplies
{
    // Written as a Python server writes JSON: quotes as \", '<' and non-ASCII text as they are.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The status body of a running instance (<c>POST model/status</c>).</summary>
    public static byte[] StatusRunning { get; } = Json(w =>
    {
        w.WriteString("model", "fixed/any");
        w.WriteString("status", "RUNNING");
        w.WriteNumber("concurrency", 1);
    });

    /// <summary>The answer to <c>POST model/load</c>.</summary>
    public static byte[] LoadStarted { get; } = Json(w =>
    {
        w.WriteString("model", "fixed/any");
        w.WriteString("status", "started");
        w.WriteNumber("concurrency", 1);
    });

    /// <summary>The answer to <c>POST model/delete</c>.</summary>
    public static byte[] Stopped { get; } = "{}"u8.ToArray();

    /// <summary>A v1 model listing (a bare array).</summary>
    /// <param name="models">Model ids and tasks.</param>
    /// <returns>The body.</returns>
    public static byte[] ModelList(IEnumerable<(string ModelId, string Task)> models) => Write(w => WriteModels(w, models));

    /// <summary>A v1 chat answer: <c>output[0].generated_text</c> is the conversation, ending with the assistant's reply.</summary>
    /// <param name="conversation">The messages, the reply last.</param>
    /// <returns>The body.</returns>
    public static byte[] Chat(IEnumerable<(string Role, string Content)> conversation) => Json(w =>
    {
        w.WriteStartArray("output");
        w.WriteStartObject();
        w.WriteStartArray("generated_text");
        foreach (var (role, content) in conversation)
        {
            w.WriteStartObject();
            w.WriteString("role", role);
            w.WriteString("content", content);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
    });

    /// <summary>A v2 chat answer: the envelope around one assistant message, <c>{"error": null, "output": {"role": "assistant", "content": …}}</c>.</summary>
    /// <param name="reply">The assistant's text.</param>
    /// <returns>The body.</returns>
    public static byte[] V2Chat(string reply) => Json(w =>
    {
        w.WriteNull("error");
        w.WriteStartObject("output");
        w.WriteString("role", "assistant");
        w.WriteString("content", reply);
        w.WriteEndObject();
    });

    /// <summary>A v2 embedding answer: the envelope around a flat vector.</summary>
    /// <param name="vector">The vector.</param>
    /// <returns>The body.</returns>
    public static byte[] V2Embedding(float[] vector) => Json(w =>
    {
        ArgumentNullException.ThrowIfNull(vector);
        w.WriteNull("error");
        w.WriteStartArray("output");
        foreach (var value in vector)
        {
            w.WriteNumberValue(value);
        }

        w.WriteEndArray();
    });

    /// <summary>A v2 model listing: the envelope around an array of models.</summary>
    /// <param name="models">Model ids and tasks.</param>
    /// <returns>The body.</returns>
    public static byte[] V2ModelList(IEnumerable<(string ModelId, string Task)> models) => Json(w =>
    {
        w.WriteNull("error");
        w.WritePropertyName("output");
        WriteModels(w, models);
    });

    /// <summary>Writes an array of models (id, task, RAM), the listing of both generations.</summary>
    private static void WriteModels(Utf8JsonWriter w, IEnumerable<(string ModelId, string Task)> models)
    {
        w.WriteStartArray();
        foreach (var (id, task) in models)
        {
            w.WriteStartObject();
            w.WriteString("modelId", id);
            w.WriteString("task", task);
            w.WriteNumber("ramRequired", 14.65);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>A v1 embedding answer: <c>output</c> is the vector.</summary>
    /// <param name="vector">The vector.</param>
    /// <returns>The body.</returns>
    public static byte[] Embedding(float[] vector) => Json(w =>
    {
        ArgumentNullException.ThrowIfNull(vector);
        w.WriteStartArray("output");
        foreach (var value in vector)
        {
            w.WriteNumberValue(value);
        }

        w.WriteEndArray();
    });

    /// <summary>A v1 text-to-image answer: the PNG as base64 in the top-level <c>output_png</c>.</summary>
    /// <param name="png">The image.</param>
    /// <returns>The body.</returns>
    public static byte[] Png(byte[] png) => Json(w => w.WriteBase64String("output_png", png));

    /// <summary>An OpenAI <c>chat.completion</c>.</summary>
    /// <param name="model">The model id.</param>
    /// <param name="reply">The assistant's text.</param>
    /// <returns>The body.</returns>
    public static byte[] OpenAICompletion(string model, string reply) => Json(w =>
    {
        WriteChoice(w, "chat.completion", model, "message", "assistant", reply, "stop");
        w.WriteStartObject("usage");
        w.WriteNumber("prompt_tokens", 4);
        w.WriteNumber("completion_tokens", 60);
        w.WriteNumber("total_tokens", 64);
        w.WriteEndObject();
    });

    /// <summary>OpenAI <c>chat.completion.chunk</c> server-sent events: a role event, one event per delta, the finish event, <c>[DONE]</c>.</summary>
    /// <param name="model">The model id.</param>
    /// <param name="deltas">The text deltas.</param>
    /// <returns>The events, one per HTTP chunk.</returns>
    public static IEnumerable<string> OpenAIStreamEvents(string model, IEnumerable<string> deltas)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        yield return Event(model, role: "assistant", content: string.Empty, finish: null);
        foreach (var delta in deltas)
        {
            yield return Event(model, role: null, content: delta, finish: null);
        }

        yield return Event(model, role: null, content: null, finish: "stop");
        yield return "data: [DONE]\n\n";
    }

    private static string Event(string model, string? role, string? content, string? finish) =>
        "data: " + System.Text.Encoding.UTF8.GetString(Json(w => WriteChoice(w, "chat.completion.chunk", model, "delta", role, content, finish))) + "\n\n";

    /// <summary>Writes the members of a completion or chunk up to its one choice (the message or delta, and the finish reason).</summary>
    private static void WriteChoice(Utf8JsonWriter w, string kind, string model, string messageMember, string? role, string? content, string? finish)
    {
        w.WriteString("id", "chatcmpl-fixed");
        w.WriteString("object", kind);
        w.WriteNumber("created", 1735689600);
        w.WriteString("model", model);
        w.WriteStartArray("choices");
        w.WriteStartObject();
        w.WriteNumber("index", 0);
        w.WriteStartObject(messageMember);
        if (role is not null)
        {
            w.WriteString("role", role);
        }

        if (content is not null)
        {
            w.WriteString("content", content);
        }

        w.WriteEndObject();
        w.WriteNull("logprobs");
        if (finish is null)
        {
            w.WriteNull("finish_reason");
        }
        else
        {
            w.WriteString("finish_reason", finish);
        }

        w.WriteEndObject();
        w.WriteEndArray();
    }

    /// <summary>Writes one JSON object whose members <paramref name="members"/> writes.</summary>
    private static byte[] Json(Action<Utf8JsonWriter> members) => Write(w =>
    {
        w.WriteStartObject();
        members(w);
        w.WriteEndObject();
    });

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
