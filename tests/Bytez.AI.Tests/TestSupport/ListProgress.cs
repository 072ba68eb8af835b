namespace Bytez.AI.Tests.TestSupport;

/// <summary>A synchronous <see cref="IProgress{T}"/> (Progress&lt;T&gt; posts asynchronously, which would race the asserts).</summary>
internal sealed class ListProgress<T> : IProgress<T>
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
    }
}
