namespace Bytez.AI.TestSupport;

/// <summary>
/// A synchronous <see cref="IProgress{T}"/> that records every report (<see cref="Progress{T}"/> posts asynchronously,
/// which would race the asserts), optionally runs an action on each (to move a fake clock), and signals the first.
/// </summary>
/// <typeparam name="T">The report type.</typeparam>
/// <param name="onReport">Runs after each report is recorded.</param>
public sealed class RecordingProgress<T>(Action<T>? onReport = null) : IProgress<T>
{
    private readonly List<T> _items = [];
    private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Gets the reports, in order.</summary>
    public IReadOnlyList<T> Items
    {
        get
        {
            lock (_items)
            {
                return [.. _items];
            }
        }
    }

    /// <summary>Gets a task that completes at the first report.</summary>
    public Task FirstReport => _first.Task;

    /// <inheritdoc />
    public void Report(T value)
    {
        lock (_items)
        {
            _items.Add(value);
        }

        _first.TrySetResult();
        onReport?.Invoke(value);
    }
}
