using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bytez.AI.Emulator.Behaviors.Tools;

/// <summary>Reads tool declarations written as JSON: <c>{"type": "function", "function": {name, description, parameters}}</c> or the bare function object.</summary>
internal static class JsonToolDeclarations
{
    /// <summary>The declaration in <paramref name="node"/>, or null when it is not one.</summary>
    public static ToolDeclaration? Read(JsonNode? node)
    {
        if (node is not JsonObject obj)
        {
            return null;
        }

        if (obj["function"] is JsonObject inner)
        {
            obj = inner;
        }

        if (Text(obj["name"]) is not { Length: > 0 } name)
        {
            return null;
        }

        if (obj["parameters"] is not (null or JsonObject) || (obj["parameters"] is null && obj["description"] is null))
        {
            return null; // a call ({"name", "arguments"}) or unrelated JSON, not a declaration
        }

        return new ToolDeclaration(name, Text(obj["description"]) ?? string.Empty, Parameters(obj["parameters"] as JsonObject), string.Empty);
    }

    /// <summary>The declarations among <paramref name="nodes"/> (other JSON is skipped).</summary>
    public static List<ToolDeclaration> ReadAll(IEnumerable<JsonNode?> nodes) => [.. nodes.Select(Read).OfType<ToolDeclaration>()];

    /// <summary>The parameters of an object schema: required ones flagged, in declaration order.</summary>
    public static List<ToolParameter> Parameters(JsonObject? schema)
    {
        var result = new List<ToolParameter>();
        if (schema?["properties"] is not JsonObject properties)
        {
            return result;
        }

        var required = (schema["required"] as JsonArray)?.Select(Text).OfType<string>().ToHashSet(StringComparer.Ordinal) ?? [];
        foreach ((string name, JsonNode? value) in properties)
        {
            result.Add(Parameter(name, value as JsonObject, required.Contains(name)));
        }

        return result;
    }

    private static ToolParameter Parameter(string name, JsonObject? schema, bool required)
    {
        string? type = TypeOf(schema);
        return new ToolParameter(name, type, Text(schema?["description"]) ?? string.Empty, required)
        {
            ItemType = TypeOf(schema?["items"] as JsonObject),
            Enum = (schema?["enum"] as JsonArray)?.Select(v => v is JsonValue ? v.ToString() : null).OfType<string>().ToList() ?? [],
            Properties = type == "object" ? Parameters(schema) : [],
        };
    }

    private static string? TypeOf(JsonObject? schema) => schema?["type"] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonArray a => a.Select(Text).FirstOrDefault(static t => t is not null and not "null"),
        _ => schema?["enum"] is not null ? "string" : null,
    };

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
