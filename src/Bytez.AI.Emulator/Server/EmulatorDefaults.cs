using Bytez.AI.Emulator.Behaviors;

namespace Bytez.AI.Emulator.Server;

/// <summary>The defaults <see cref="BytezEmulatorOptions"/> starts from: the one place that names the catalog and the behaviour registry.</summary>
internal static class EmulatorDefaults
{
    /// <summary>Gets the default catalog.</summary>
    public static IReadOnlyList<EmulatedModel> Models => DefaultCatalog.Models;

    /// <summary>Gets the default behaviour resolver.</summary>
    public static Func<EmulatedModel, ITaskBehavior> BehaviorResolver { get; } = TaskBehaviors.For;
}
