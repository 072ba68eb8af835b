using System.Threading.Channels;

namespace Bytez.AI.TestSupport;

/// <summary>
/// A response body fed chunk by chunk by the test: each read returns exactly one chunk (like one network read), and
/// waits while no chunk is available (until <see cref="Complete"/>, or forever until the read is cancelled). Records
/// its disposal.
/// </summary>
public sealed class ChunkedStream : Stream
{
    private readonly Channel<Func<byte[]>> _chunks = Channel.CreateUnbounded<Func<byte[]>>();
    private byte[] _current = [];
    private int _offset;

    /// <summary>Initializes a new instance of the <see cref="ChunkedStream"/> class with its first chunks; more may be written.</summary>
    /// <param name="chunks">The first chunks.</param>
    public ChunkedStream(params byte[][] chunks)
    {
        foreach (var chunk in chunks)
        {
            Write(chunk);
        }
    }

    /// <summary>Gets a value indicating whether the stream was disposed.</summary>
    public bool IsDisposed { get; private set; }

    /// <summary>Gets or sets an action run once, at the first disposal.</summary>
    public Action? OnDisposed { get; set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Creates a complete stream of UTF-8 text chunks.</summary>
    /// <param name="chunks">The chunks.</param>
    /// <returns>The stream.</returns>
    public static ChunkedStream FromText(params string[] chunks)
    {
        var stream = new ChunkedStream(chunks.Select(System.Text.Encoding.UTF8.GetBytes).ToArray());
        stream.Complete();
        return stream;
    }

    /// <summary>Makes a chunk available to the reader.</summary>
    /// <param name="chunk">The chunk.</param>
    public void Write(byte[] chunk) => _chunks.Writer.TryWrite(() => chunk);

    /// <summary>Makes a UTF-8 text chunk available to the reader.</summary>
    /// <param name="chunk">The chunk.</param>
    public void Write(string chunk) => Write(System.Text.Encoding.UTF8.GetBytes(chunk));

    /// <summary>Makes the next read throw (like a network error).</summary>
    /// <param name="exception">The exception.</param>
    public void Fail(Exception exception) => _chunks.Writer.TryWrite(() => throw exception);

    /// <summary>Ends the stream after the chunks written so far.</summary>
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

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (!IsDisposed)
        {
            IsDisposed = true;
            OnDisposed?.Invoke();
        }

        base.Dispose(disposing);
    }
}
