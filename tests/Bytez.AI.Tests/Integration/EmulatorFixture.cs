namespace Bytez.AI.Tests.Integration;

/// <summary>
/// One emulator and client per API generation, shared by the tests of the <see cref="EmulatorCollection"/> (starting
/// Kestrel per test would slow the suite). Each emulator serves its generation only.
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private EmulatorSession? _v1;
    private EmulatorSession? _v2;

    /// <summary>Gets the session of a generation.</summary>
    public EmulatorSession Session(BytezApiVersion apiVersion) =>
        (apiVersion == BytezApiVersion.V1 ? _v1 : _v2) ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async Task InitializeAsync()
    {
        _v1 = await EmulatorSession.StartAsync(BytezApiVersion.V1);
        _v2 = await EmulatorSession.StartAsync(BytezApiVersion.V2);
    }

    public async Task DisposeAsync()
    {
        foreach (var session in new[] { _v1, _v2 })
        {
            if (session is not null)
            {
                await session.DisposeAsync();
            }
        }
    }
}
