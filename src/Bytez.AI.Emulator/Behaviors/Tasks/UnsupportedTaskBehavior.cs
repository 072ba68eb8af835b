using System.Text.Json.Nodes;

namespace Bytez.AI.Emulator.Behaviors.Tasks;

/// <summary>A task the emulator has no behaviour for: every run is an input error (HTTP 422), as from a container that cannot run it.</summary>
internal sealed class UnsupportedTaskBehavior : TaskBehaviorBase
{
    protected override JsonObject RunCore(EmulatorRunRequest request) =>
        throw new EmulatorInputException($"The emulator has no behaviour for task '{request.Model.Task}' (model {request.Model.ModelId}).");
}
