// TEMPORARY: stands in for the emulator's public API until the emulator slice lands in main; delete on merge.
namespace Bytez.AI.Emulator;

/// <summary>Placeholder.</summary>
public sealed class BytezEmulatorOptions;

/// <summary>Placeholder.</summary>
public sealed class BytezEmulator : IAsyncDisposable
{
    /// <summary>Placeholder.</summary>
    public Uri Endpoint => throw new NotImplementedException();

    /// <summary>Placeholder.</summary>
    public static Task<BytezEmulator> StartAsync(BytezEmulatorOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
