using System.Text.Json.Nodes;

namespace Bytez.AI.Emulator.Behaviors.Tasks;

/// <summary>Vectors as JSON arrays.</summary>
internal static class Vectors
{
    public static JsonArray ToJson(float[] vector)
    {
        var nodes = new JsonNode?[vector.Length];
        for (int i = 0; i < vector.Length; i++)
        {
            nodes[i] = JsonValue.Create(vector[i]);
        }

        return new JsonArray(nodes);
    }

    public static JsonArray ToJson(float[][] rows) => new(rows.Select(r => (JsonNode?)ToJson(r)).ToArray());
}
