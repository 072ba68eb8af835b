using Bytez.AI.Emulator;

namespace Bytez.AI.Samples;

/// <summary>Maps the sample settings onto the emulator's options.</summary>
internal static class EmulatorSettings
{
    public static BytezEmulatorOptions Create(SampleEnvironmentOptions options) => new()
    {
        StartingDelay = options.EmulatedLoadStageDelay,
        InstantiatingDelay = options.EmulatedLoadStageDelay,
    };
}
