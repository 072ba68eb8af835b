namespace Bytez.AI.Tests.Integration;

/// <summary>A synchronous <see cref="IProgress{T}"/> that records each report and then runs an action (to move a fake clock).</summary>
internal sealed class ActionProgress<T>(Action<T> onReport) : IProgress<T>
{
    private readonly List<T> _items = [];

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

    public void Report(T value)
    {
        lock (_items)
        {
            _items.Add(value);
        }

        onReport(value);
    }
}
