namespace Bytez.AI.Extensions.AI.Tests.Infrastructure;

/// <summary>A synchronous <see cref="IProgress{T}"/> that records every report (Progress&lt;T&gt; would post asynchronously).</summary>
/// <typeparam name="T">The report type.</typeparam>
public sealed class ProgressRecorder<T> : IProgress<T>
{
    private readonly List<T> _reports = [];
    private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Gets the reports, in order.</summary>
    public IReadOnlyList<T> Reports
    {
        get
        {
            lock (_reports)
            {
                return [.. _reports];
            }
        }
    }

    /// <summary>Gets a task that completes at the first report.</summary>
    public Task FirstReport => _first.Task;

    /// <inheritdoc />
    public void Report(T value)
    {
        lock (_reports)
        {
            _reports.Add(value);
        }

        _first.TrySetResult();
    }
}
