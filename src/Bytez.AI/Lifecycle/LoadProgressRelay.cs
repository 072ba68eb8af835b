namespace Bytez.AI.Lifecycle;

/// <summary>
/// Forwards load progress to the user's receiver synchronously and remembers whether any status was seen: a status
/// means the start request was accepted, so a load cancelled afterwards may have left an instance to stop.
/// </summary>
internal sealed class LoadProgressRelay(IProgress<BytezLoadProgress>? inner) : IProgress<BytezLoadProgress>
{
    private volatile bool _sawStatus;

    /// <summary>Gets a value indicating whether at least one status was reported.</summary>
    public bool SawStatus => _sawStatus;

    /// <inheritdoc />
    public void Report(BytezLoadProgress value)
    {
        _sawStatus = true;
        inner?.Report(value);
    }
}
