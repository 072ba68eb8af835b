using System.Text.Json.Nodes;

namespace Bytez.AI.Emulator.Behaviors.Tasks;

/// <summary>Common plumbing: argument checks, the <c>{"output": ...}</c> wrapper, and "cannot stream" by default.</summary>
internal abstract class TaskBehaviorBase : ITaskBehavior
{
    public JsonObject Run(EmulatorRunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RunCore(request);
    }

    public IReadOnlyList<string>? Stream(EmulatorRunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return StreamCore(request);
    }

    protected abstract JsonObject RunCore(EmulatorRunRequest request);

    protected virtual IReadOnlyList<string>? StreamCore(EmulatorRunRequest request) => null;

    protected static JsonObject Output(JsonNode? output) => new() { ["output"] = output };

    protected static JsonArray LabelScores(IEnumerable<(string Label, double Score)> items) =>
        new(items.Select(i => (JsonNode)new JsonObject { ["label"] = i.Label, ["score"] = Scores.Round(i.Score) }).ToArray());
}
