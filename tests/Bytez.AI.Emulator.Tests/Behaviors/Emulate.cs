using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors;

namespace Bytez.AI.Emulator.Tests.Behaviors;

/// <summary>Builds run requests the way the server does: from a v1 body's JSON text.</summary>
internal static class Emulate
{
    public static EmulatedModel Model(string modelId) =>
        DefaultCatalog.Find(modelId) ?? throw new InvalidOperationException($"{modelId} is not in the default catalog.");

    /// <summary>A request for <paramref name="modelId"/> from the body members in <paramref name="bodyJson"/> (without <c>model</c>).</summary>
    public static EmulatorRunRequest Request(string modelId, string bodyJson, EmulatedModel? model = null)
    {
        var body = (JsonObject)JsonNode.Parse(bodyJson)!;
        body["model"] = modelId;
        var parameters = body["params"] as JsonObject ?? [];
        bool stream = body["stream"]?.GetValue<bool>() ?? false;
        return new EmulatorRunRequest(model ?? Model(modelId), body["input"], parameters, body, stream);
    }

    public static EmulatorRunRequest Input(string modelId, JsonNode? input, string? paramsJson = null) =>
        new(Model(modelId), input, paramsJson is null ? [] : (JsonObject)JsonNode.Parse(paramsJson)!, new JsonObject { ["model"] = modelId, ["input"] = input?.DeepClone() }, false);

    public static JsonObject Run(EmulatorRunRequest request) => TaskBehaviors.For(request.Model).Run(request);

    public static JsonObject Run(string modelId, string bodyJson) => Run(Request(modelId, bodyJson));

    public static IReadOnlyList<string>? Stream(string modelId, string bodyJson)
    {
        EmulatorRunRequest request = Request(modelId, bodyJson);
        return TaskBehaviors.For(request.Model).Stream(request);
    }

    public static JsonNode Output(string modelId, string bodyJson) => Run(modelId, bodyJson)["output"]!;

    public static string Text(string modelId, string text, string? paramsJson = null) =>
        Output(modelId, $$"""{"input": {{JsonValue.Create(text).ToJsonString()}}, "params": {{paramsJson ?? "{}"}}}""")[0]!["generated_text"]!.GetValue<string>();

    public static float[] Floats(JsonNode node) => node.AsArray().Select(v => v!.GetValue<float>()).ToArray();

    public static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    public static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            dot += a[i] * (double)b[i];
            na += a[i] * (double)a[i];
            nb += b[i] * (double)b[i];
        }

        return dot / Math.Sqrt(na * nb);
    }
}
