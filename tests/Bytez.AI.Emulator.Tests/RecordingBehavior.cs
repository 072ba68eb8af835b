using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors;

namespace Bytez.AI.Emulator.Tests;

/// <summary>A behaviour that records what it is asked and answers with a fixed chat/text shape.</summary>
internal sealed class RecordingBehavior : ITaskBehavior
{
    public ConcurrentQueue<EmulatorRunRequest> Requests { get; } = new();

    public Func<EmulatorRunRequest, JsonObject>? OnRun { get; init; }

    public JsonObject Run(EmulatorRunRequest request)
    {
        Requests.Enqueue(request);
        return OnRun?.Invoke(request) ?? new JsonObject { ["output"] = "recorded" };
    }

    public IReadOnlyList<string>? Stream(EmulatorRunRequest request)
    {
        Requests.Enqueue(request);
        return ["Hello", " wor", "ld"];
    }
}
