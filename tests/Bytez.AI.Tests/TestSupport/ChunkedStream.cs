using System.Threading.Channels;

namespace Bytez.AI.Tests.TestSupport;

/// <summary>
/// A response body fed chunk by chunk by the test: each read returns exactly one chunk (like one network read), and
/// waits while no chunk is available. Records its disposal.
/// </summary>
internal sealed class ChunkedStream : Stream
{
    private readonly Channel<Func<byte[]>> _chunks = Channel.CreateUnbounded<Func<byte[]>>();
    private byte[] _current = [];
    private int _offset;

    public ChunkedStream(params byte[][] chunks)
    {
        foreach (var chunk in chunks)
        {
            Write(chunk);
        }
    }

    public bool IsDisposed { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public static ChunkedStream FromText(params string[] chunks)
    {
        var stream = new ChunkedStream(chunks.Select(System.Text.Encoding.UTF8.GetBytes).ToArray());
        stream.Complete();
        return stream;
    }

    public void Write(byte[] chunk) => _chunks.Writer.TryWrite(() => chunk);

    public void Write(string chunk) => Write(System.Text.Encoding.UTF8.GetBytes(chunk));

    public void Fail(Exception exception) => _chunks.Writer.TryWrite(() => throw exception);

    public void Complete() => _chunks.Writer.TryComplete();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        if (_offset >= _current.Length)
        {
            if (!await _chunks.Reader.WaitToReadAsync(cancellationToken) || !_chunks.Reader.TryRead(out var next))
            {
                return 0;
            }

            _current = next();
            _offset = 0;
        }

        var count = Math.Min(buffer.Length, _current.Length - _offset);
        _current.AsMemory(_offset, count).CopyTo(buffer);
        _offset += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        IsDisposed = true;
        base.Dispose(disposing);
    }
}
