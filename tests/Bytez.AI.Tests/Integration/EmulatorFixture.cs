namespace Bytez.AI.Tests.Integration;

/// <summary>One emulator and client shared by the tests of the <see cref="EmulatorCollection"/> (starting Kestrel per test would slow the suite).</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private EmulatorSession? _session;

    public EmulatorSession Session => _session ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async Task InitializeAsync() => _session = await EmulatorSession.StartAsync();

    public async Task DisposeAsync()
    {
        if (_session is not null)
        {
            await _session.DisposeAsync();
        }
    }
}
