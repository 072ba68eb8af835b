namespace Bytez.AI.Emulator.Server;

/// <summary>Media produced by v2 runs, served back at <c>/cdn/{id}.{ext}</c> like Bytez's CDN. Bounded so long runs do not grow memory.</summary>
internal sealed class MediaStore
{
    private const int Capacity = 64;
    private readonly Lock _sync = new();
    private readonly Dictionary<string, (byte[] Bytes, string ContentType)> _items = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public string Add(byte[] bytes, string extension, string contentType)
    {
        var name = Guid.NewGuid().ToString("N") + "." + extension;
        lock (_sync)
        {
            _items[name] = (bytes, contentType);
            _order.Enqueue(name);
            while (_order.Count > Capacity)
            {
                _items.Remove(_order.Dequeue());
            }
        }

        return name;
    }

    public bool TryGet(string name, out byte[] bytes, out string contentType)
    {
        lock (_sync)
        {
            if (_items.TryGetValue(name, out var item))
            {
                (bytes, contentType) = item;
                return true;
            }
        }

        bytes = [];
        contentType = string.Empty;
        return false;
    }
}
