using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ChatCompletion;

/// <summary>Converts <see cref="ChatOptions.AdditionalProperties"/> values to JSON without reflection-based serialization.</summary>
internal static class BytezJsonValues
{
    /// <summary>
    /// Converts a value: JSON nodes are cloned, <see cref="JsonElement"/>s parsed, primitives wrapped, dictionaries and
    /// sequences converted member by member; anything else is serialized with <see cref="AIJsonUtilities.DefaultOptions"/>
    /// (which works under AOT for the types its resolver knows).
    /// </summary>
    public static JsonNode? ToJsonNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        JsonElement element => element.ValueKind is JsonValueKind.Undefined ? null : JsonNode.Parse(element.GetRawText()),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        short s16 => JsonValue.Create(s16),
        byte u8 => JsonValue.Create(u8),
        uint u32 => JsonValue.Create(u32),
        ulong u64 => JsonValue.Create(u64),
        float f => JsonValue.Create(f),
        double d => JsonValue.Create(d),
        decimal m => JsonValue.Create(m),
        Enum e => JsonValue.Create(e.ToString()),
        IDictionary dictionary => ToJsonObject(dictionary),
        IEnumerable sequence => new JsonArray([.. sequence.Cast<object?>().Select(ToJsonNode)]),
        _ => JsonSerializer.SerializeToNode(value, AIJsonUtilities.DefaultOptions.GetTypeInfo(value.GetType())),
    };

    private static JsonObject ToJsonObject(IDictionary dictionary)
    {
        var result = new JsonObject();
        foreach (DictionaryEntry entry in dictionary)
        {
            result[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty] = ToJsonNode(entry.Value);
        }

        return result;
    }
}
