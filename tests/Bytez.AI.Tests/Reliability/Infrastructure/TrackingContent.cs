using System.Net;

namespace Bytez.AI.Tests.Reliability.Infrastructure;

/// <summary>Wraps a response's content so that its disposal (which disposing the response also causes) is observed.</summary>
internal sealed class TrackingContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly Action _onDispose;
    private int _disposed;

    public TrackingContent(HttpContent inner, Action onDispose)
    {
        _inner = inner;
        _onDispose = onDispose;
        foreach (var header in inner.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _inner.CopyToAsync(stream);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        _inner.CopyToAsync(stream, cancellationToken);

    // Streaming must stay streaming: hand out the inner stream rather than buffering it.
    protected override Task<Stream> CreateContentReadStreamAsync() => _inner.ReadAsStreamAsync();

    protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => _inner.ReadAsStreamAsync(cancellationToken);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _inner.Dispose();
            _onDispose();
        }

        base.Dispose(disposing);
    }
}
