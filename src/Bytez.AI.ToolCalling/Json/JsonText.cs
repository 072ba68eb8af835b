using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling;

/// <summary>
/// JSON conversions used by the formats. Writing goes through <see cref="Utf8JsonWriter"/> with a relaxed encoder so
/// prompts keep non-ASCII text and <c>&lt;</c>/<c>'</c> readable instead of <c>\u003C</c> escapes the model never saw.
/// </summary>
internal static class JsonText
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true, IndentSize = 4 };

    /// <summary>Writes a node as JSON text (null writes <c>null</c>).</summary>
    public static string Write(JsonNode? node, bool indented = false)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, indented ? Indented : Compact))
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

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Converts an element to a node (a deep copy).</summary>
    public static JsonNode? ToNode(JsonElement element) =>
        element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? null : JsonNode.Parse(element.GetRawText());

    /// <summary>
    /// Converts an argument or result value (as M.E.AI carries them: <see cref="JsonElement"/>, <see cref="JsonNode"/>,
    /// primitives or arbitrary objects) to a node, serializing unknown objects with <see cref="AIJsonUtilities.DefaultOptions"/>.
    /// </summary>
    public static JsonNode? ToNode(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case JsonNode node:
                return node.DeepClone();
            case JsonElement element:
                return ToNode(element);
            case string s:
                return JsonValue.Create(s);
            case bool b:
                return JsonValue.Create(b);
            case int i:
                return JsonValue.Create(i);
            case long l:
                return JsonValue.Create(l);
            case double d:
                return JsonValue.Create(d);
            case float f:
                return JsonValue.Create(f);
            case decimal m:
                return JsonValue.Create(m);
        }

        try
        {
            var typeInfo = AIJsonUtilities.DefaultOptions.GetTypeInfo(value.GetType());
            return JsonNode.Parse(JsonSerializer.Serialize(value, typeInfo));
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or JsonException)
        {
            // An unserializable object still has a readable form; the model gets that rather than nothing.
            return JsonValue.Create(value.ToString());
        }
    }

    /// <summary>Converts a JSON object to the argument dictionary M.E.AI expects (values are <see cref="JsonElement"/>s).</summary>
    public static Dictionary<string, object?> ToArguments(JsonObject? arguments)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (arguments is null)
        {
            return result;
        }

        using var document = JsonDocument.Parse(Write(arguments));
        foreach (var property in document.RootElement.EnumerateObject())
        {
            result[property.Name] = property.Value.Clone();
        }

        return result;
    }

    /// <summary>Converts a call's argument dictionary back to a JSON object (for rendering history).</summary>
    public static JsonObject FromArguments(IDictionary<string, object?>? arguments)
    {
        var result = new JsonObject();
        if (arguments is null)
        {
            return result;
        }

        foreach (var pair in arguments)
        {
            result[pair.Key] = ToNode(pair.Value);
        }

        return result;
    }
}
