using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bytez.AI.Serialization;

/// <summary>Builds the UTF-8 JSON request bodies, with members in the order the protocol documents.</summary>
internal static class BytezRequestBodies
{
    /// <summary>
    /// Text stays readable on the wire (no \u escapes for quotes, '+' or non-ASCII letters); the body is never embedded
    /// in HTML, so the relaxed encoder is safe here.
    /// </summary>
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Model(string modelId) =>
        JsonSerializer.SerializeToUtf8Bytes(new ModelRequest(modelId), BytezJsonContext.Default.ModelRequest);

    public static byte[] Load(string modelId, BytezLoadOptions options) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new LoadRequest(modelId, options.Concurrency, (int)Math.Floor(options.IdleTimeout.TotalSeconds)),
            BytezJsonContext.Default.LoadRequest);

    /// <summary>
    /// Writes <c>{"model", "stream", "params", ...input}</c>. A hand-written writer keeps the member order exact and
    /// lets an object input be merged into the top level after <c>params</c>, as the protocol requires.
    /// </summary>
    public static byte[] Run(string modelId, BytezInput input, JsonObject? parameters, bool stream)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("model", modelId);
            writer.WriteBoolean("stream", stream);
            writer.WritePropertyName("params");
            if (parameters is null)
            {
                writer.WriteStartObject();
                writer.WriteEndObject();
            }
            else
            {
                parameters.WriteTo(writer);
            }

            input.WriteMembers(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
