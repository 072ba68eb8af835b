namespace Bytez.AI.Tests.Integration;

/// <summary>
/// Tests sharing one emulator per API generation. They run one after another, so each may read the request log's latest entries; each
/// uses its own model (or only loads, which is idempotent), and tests that stop, script or count go to a fresh
/// <see cref="EmulatorFixture"/>.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EmulatorCollection : ICollectionFixture<GenerationEmulators>
{
    public const string Name = "Shared emulator";
}
