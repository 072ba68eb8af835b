using Bytez.AI.Lifecycle;

namespace Bytez.AI.Tests.Lifecycle;

/// <summary>Leases on the text-generation model from a fixture's client, as the adapters take them.</summary>
internal static class Leases
{
    public const string Model = TestModels.TextGeneration;

    public static ModelInstanceLease Acquire(EmulatorFixture env, BytezInstanceOptions? options = null) =>
        Acquire(env.Client, options);

    public static ModelInstanceLease Acquire(BytezClient client, BytezInstanceOptions? options = null) =>
        client.InstanceRegistry.Acquire(client.GetModel(Model), options ?? new BytezInstanceOptions());
}
