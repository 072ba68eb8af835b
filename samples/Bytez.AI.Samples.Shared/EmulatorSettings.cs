using Bytez.AI.Emulator;

namespace Bytez.AI.Samples;

/// <summary>Maps the sample settings onto the emulator's options.</summary>
internal static class EmulatorSettings
{
    public static BytezEmulatorOptions Create(SampleEnvironmentOptions options) => new()
    {
        // The generation the sample speaks, alone: a request of the other one would be a 404, as on a real server.
        Api = options.EmulatedApiVersion == BytezApiVersion.V1 ? BytezEmulatorApi.V1 : BytezEmulatorApi.V2,
        StartingDelay = options.EmulatedLoadStageDelay,
        InstantiatingDelay = options.EmulatedLoadStageDelay,
    };
}
