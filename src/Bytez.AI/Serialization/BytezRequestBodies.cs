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
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Model(string modelId) =>
        JsonSerializer.SerializeToUtf8Bytes(new ModelRequest(modelId), BytezJsonContext.Default.ModelRequest);

    public static byte[] Load(string modelId, BytezLoadOptions options) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new LoadRequest(modelId, options.Concurrency, (int)Math.Floor(options.IdleTimeout.TotalSeconds)),
            BytezJsonContext.Default.LoadRequest);

    /// <summary>Writes one JSON object with <paramref name="write"/> and returns its UTF-8 bytes.</summary>
    public static byte[] Object<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            write(writer, state);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes a JSON node, or null.</summary>
    public static void WriteNode(Utf8JsonWriter writer, JsonNode? node)
    {
        if (node is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            node.WriteTo(writer);
        }
    }

    /// <summary>Writes the members of an object input (each member's value as given, nulls included: the caller chose them).</summary>
    public static void WriteMembers(Utf8JsonWriter writer, JsonObject members)
    {
        foreach (var member in members)
        {
            writer.WritePropertyName(member.Key);
            WriteNode(writer, member.Value);
        }
    }

    /// <summary>
    /// Writes the members that travel beside an input under the same names in both generations: <c>question</c>,
    /// <c>context</c> and <c>candidate_labels</c>.
    /// </summary>
    public static void WriteQuestionAndLabels(Utf8JsonWriter writer, BytezInput input)
    {
        if (input.Question is { } question)
        {
            writer.WriteString("question", question);
        }

        if (input.Context is { } context)
        {
            writer.WriteString("context", context);
        }

        if (input.CandidateLabels is { } labels)
        {
            WriteStrings(writer, "candidate_labels", labels);
        }
    }

    /// <summary>Writes <c>"name": ["a", "b"]</c>.</summary>
    public static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WritePropertyName(name);
        writer.WriteStartArray();
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
