namespace Bytez.AI.Tests.Integration;

/// <summary>
/// One emulator and client per API generation, shared by the tests of the <see cref="EmulatorCollection"/> (starting
/// Kestrel per test would slow the suite). Each emulator serves its own generation only.
/// </summary>
public sealed class GenerationEmulators : IAsyncLifetime
{
    private EmulatorFixture? _v1;
    private EmulatorFixture? _v2;

    /// <summary>Gets the emulator and client of a generation.</summary>
    /// <param name="apiVersion">The generation.</param>
    /// <returns>The fixture.</returns>
    public EmulatorFixture Session(BytezApiVersion apiVersion) =>
        (apiVersion == BytezApiVersion.V1 ? _v1 : _v2) ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _v1 = await EmulatorFixture.StartAsync(BytezApiVersion.V1);
        _v2 = await EmulatorFixture.StartAsync(BytezApiVersion.V2);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var fixture in new[] { _v1, _v2 })
        {
            if (fixture is not null)
            {
                await fixture.DisposeAsync();
            }
        }
    }
}
