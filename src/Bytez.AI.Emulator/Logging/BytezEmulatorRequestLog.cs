namespace Bytez.AI.Emulator;

/// <summary>A thread-safe record of the requests an emulator answered and the instances it started and stopped.</summary>
public sealed class BytezEmulatorRequestLog
{
    private readonly Lock _sync = new();
    private readonly List<EmulatorRequestLogEntry> _entries = [];
    private int _instancesStarted;
    private int _instancesStopped;

    /// <summary>Gets a snapshot of the entries, oldest first.</summary>
    public IReadOnlyList<EmulatorRequestLogEntry> Entries
    {
        get
        {
            lock (_sync)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>Gets how many instances a load started.</summary>
    public int InstancesStarted => Volatile.Read(ref _instancesStarted);

    /// <summary>Gets how many instances ended, by <c>model/delete</c>, expiry or an external stop.</summary>
    public int InstancesStopped => Volatile.Read(ref _instancesStopped);

    /// <summary>Counts the entries of a kind, optionally for one model.</summary>
    /// <param name="kind">The request kind.</param>
    /// <param name="modelId">The model, or null for all.</param>
    /// <returns>The count.</returns>
    public int Count(EmulatorRequestKind kind, string? modelId = null)
    {
        lock (_sync)
        {
            return _entries.Count(e => e.Kind == kind && (modelId is null || string.Equals(e.ModelId, modelId, StringComparison.Ordinal)));
        }
    }

    /// <summary>Counts <c>model/load</c> requests for a model (all, or for every model when null).</summary>
    /// <param name="modelId">The model, or null for all.</param>
    /// <returns>The count.</returns>
    public int LoadCount(string? modelId = null) => Count(EmulatorRequestKind.Load, modelId);

    /// <summary>Counts <c>model/delete</c> requests for a model.</summary>
    /// <param name="modelId">The model, or null for all.</param>
    /// <returns>The count.</returns>
    public int StopCount(string? modelId = null) => Count(EmulatorRequestKind.Stop, modelId);

    /// <summary>Counts run requests of every endpoint (v1, v2, OpenAI-compatible; streaming or not) for a model.</summary>
    /// <param name="modelId">The model, or null for all.</param>
    /// <returns>The count.</returns>
    public int RunCount(string? modelId = null)
    {
        lock (_sync)
        {
            return _entries.Count(e => IsRun(e.Kind) && (modelId is null || string.Equals(e.ModelId, modelId, StringComparison.Ordinal)));
        }
    }

    /// <summary>Forgets every entry and resets the instance counters.</summary>
    public void Clear()
    {
        lock (_sync)
        {
            _entries.Clear();
            _instancesStarted = 0;
            _instancesStopped = 0;
        }
    }

    internal void Add(EmulatorRequestLogEntry entry)
    {
        lock (_sync)
        {
            _entries.Add(entry);
        }
    }

    internal void InstanceStarted() => Interlocked.Increment(ref _instancesStarted);

    internal void InstanceStopped() => Interlocked.Increment(ref _instancesStopped);

    private static bool IsRun(EmulatorRequestKind kind) => kind is EmulatorRequestKind.Run or EmulatorRequestKind.RunStream
        or EmulatorRequestKind.V2Run or EmulatorRequestKind.V2RunStream
        or EmulatorRequestKind.OpenAIChat or EmulatorRequestKind.OpenAIChatStream
        or EmulatorRequestKind.OpenAICompletions or EmulatorRequestKind.OpenAICompletionsStream
        or EmulatorRequestKind.OpenAIResponses or EmulatorRequestKind.OpenAIResponsesStream;
}
