using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Mapping;

/// <summary>
/// Builds the Bytez <c>params</c> object of a run from M.E.AI options, with one precedence for every adapter: the
/// <c>RawRepresentationFactory</c>'s <see cref="JsonObject"/> first, then <c>AdditionalProperties</c> for the keys it
/// lacks (a key the caller wrote by name), then typed options fill only what is still unset. So
/// <c>AdditionalProperties["repetition_penalty"] = 1.5</c> wins over a <c>FrequencyPenalty</c> that maps to the same key.
/// </summary>
internal static class BytezParameters
{
    /// <summary>
    /// Starts a <c>params</c> object: a copy of the raw representation when it is a <see cref="JsonObject"/>, then the
    /// additional properties for the keys it lacks. Typed options are added after, with <see cref="SetIfAbsent"/>.
    /// </summary>
    /// <param name="rawRepresentation">What the options' <c>RawRepresentationFactory</c> returned; anything but a <see cref="JsonObject"/> is ignored.</param>
    /// <param name="additionalProperties">The options' additional properties; may be null.</param>
    /// <returns>A new object the caller owns.</returns>
    public static JsonObject Start(object? rawRepresentation, AdditionalPropertiesDictionary? additionalProperties)
    {
        JsonObject parameters = rawRepresentation is JsonObject raw ? (JsonObject)raw.DeepClone() : [];
        AddAdditionalProperties(parameters, additionalProperties);
        return parameters;
    }

    /// <summary>Sets <paramref name="name"/> unless the object already has it.</summary>
    /// <param name="parameters">The parameters.</param>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value.</param>
    public static void SetIfAbsent(JsonObject parameters, string name, JsonNode? value)
    {
        if (!parameters.ContainsKey(name))
        {
            parameters[name] = value;
        }
    }

    /// <summary>Copies every additional property whose key is not set yet, converted to JSON (AOT-safe).</summary>
    /// <param name="parameters">The parameters.</param>
    /// <param name="additionalProperties">The options' additional properties; may be null.</param>
    private static void AddAdditionalProperties(JsonObject parameters, AdditionalPropertiesDictionary? additionalProperties)
    {
        if (additionalProperties is null)
        {
            return;
        }

        foreach (KeyValuePair<string, object?> property in additionalProperties)
        {
            SetIfAbsent(parameters, property.Key, ToJsonNode(property.Value));
        }
    }

    /// <summary>Converts a CLR value to JSON without reflection-based serialization.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The JSON node, or null for null.</returns>
    public static JsonNode? ToJsonNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        JsonElement element => element.ValueKind switch
        {
            JsonValueKind.Object => JsonObject.Create(element),
            JsonValueKind.Array => JsonArray.Create(element),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => JsonValue.Create(element),
        },
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        float f => JsonValue.Create(f),
        double d => JsonValue.Create(d),
        decimal m => JsonValue.Create(m),
        IFormattable and (short or ushort or byte or sbyte or uint or ulong) =>
            JsonValue.Create(Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
        Enum e => JsonValue.Create(e.ToString()),
        IDictionary dictionary => ToJsonObject(dictionary),
        IEnumerable sequence => new JsonArray([.. sequence.Cast<object?>().Select(ToJsonNode)]),

        // Everything else goes through M.E.AI's own source-generated resolver chain (AOT-safe).
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
