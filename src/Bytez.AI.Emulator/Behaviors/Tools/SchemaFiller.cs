using System.Text.Json.Nodes;

namespace Bytez.AI.Emulator.Behaviors.Tools;

/// <summary>
/// Answers a JSON schema (an OpenAI <c>json_schema</c> response format, or a schema in a chat's instructions) with JSON that fits it, filled from the question the way the
/// emulated tool models fill arguments (<see cref="ArgumentFiller"/>): names for name-like properties, places for
/// place-like ones, the question's numbers in order, enum values the question mentions. Every property is present (strict
/// schemas require them all); what the question cannot supply gets a neutral value of the right type. Deterministic.
/// </summary>
internal static class SchemaFiller
{
    /// <summary>The JSON text answering <paramref name="query"/> in the shape of <paramref name="schema"/>.</summary>
    public static string Fill(JsonObject schema, string query)
    {
        if (!IsObject(schema))
        {
            return (Neutral(schema) ?? JsonValue.Create(string.Empty)).ToJsonString();
        }

        List<ToolParameter> parameters = [.. JsonToolDeclarations.Parameters(schema).Select(Require)];
        var answer = new ToolDeclaration("answer", string.Empty, parameters, string.Empty);
        PlannedCall call = new ArgumentFiller(QueryFacts.Parse(query), []).Calls(answer)[0];
        return Completed(CallText.Arguments(call, static _ => null), schema).ToJsonString();
    }

    /// <summary>Marks a parameter (and its properties) required, so the filler gives each a value.</summary>
    private static ToolParameter Require(ToolParameter p) => p with { Required = true, Properties = [.. p.Properties.Select(Require)] };

    /// <summary>The value with every property of the schema, in schema order: the filler's where it gave one, a neutral one otherwise.</summary>
    private static JsonObject Completed(JsonObject value, JsonObject schema)
    {
        var result = new JsonObject();
        if (schema["properties"] is JsonObject properties)
        {
            foreach ((string name, JsonNode? propertySchema) in properties)
            {
                JsonNode? filled = value[name]?.DeepClone() ?? (propertySchema is JsonObject ps ? Neutral(ps) : null);
                result[name] = filled is JsonObject nested && propertySchema is JsonObject nestedSchema && IsObject(nestedSchema)
                    ? Completed(nested, nestedSchema)
                    : filled;
            }
        }

        return result;
    }

    /// <summary>A value of the schema's type that says nothing: the first enum value, 0, false, "", [], {...}, or null when nullable.</summary>
    private static JsonNode? Neutral(JsonObject schema)
    {
        if (schema["enum"] is JsonArray { Count: > 0 } values)
        {
            return values[0]?.DeepClone();
        }

        if ((schema["anyOf"] ?? schema["oneOf"]) is JsonArray { Count: > 0 } options && options[0] is JsonObject first)
        {
            return Neutral(first);
        }

        string? type = schema["type"] switch
        {
            JsonArray types => types.Select(StringOf).FirstOrDefault(static t => t is not null and not "null"),
            var t => StringOf(t),
        };
        return type switch
        {
            "integer" or "number" => JsonValue.Create(0),
            "boolean" => JsonValue.Create(false),
            "array" => new JsonArray(),
            "object" => NeutralObject(schema),
            "string" => JsonValue.Create(string.Empty),
            _ => null,
        };
    }

    private static JsonObject NeutralObject(JsonObject schema) => Completed([], schema);

    private static string? StringOf(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    private static bool IsObject(JsonObject schema) =>
        schema["properties"] is JsonObject || StringOf(schema["type"]) == "object";
}
