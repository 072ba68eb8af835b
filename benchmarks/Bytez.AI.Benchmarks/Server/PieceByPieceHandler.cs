namespace Bytez.AI.Benchmarks.Server;

/// <summary>
/// Makes a streamed answer (an event-stream content type) arrive in pieces of at most <c>pieceBytes</c>: every read of
/// its body returns at most that many bytes. A real model writes a token at a time, slower than the client reads, so
/// each network read brings one small piece; on loopback the whole canned stream is there at once and would be read
/// 8 KB at a time, which hides any cost per piece. Applied to every path alike, raw included. JSON answers are untouched.
/// </summary>
/// <param name="pieceBytes">The most bytes one read returns.</param>
public sealed class PieceByPieceHandler(int pieceBytes) : DelegatingHandler
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var original = response.Content;
        if (original.Headers.ContentType?.MediaType != "text/event-stream")
        {
            return response;
        }

        var body = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var capped = new StreamContent(new CappedStream(body, pieceBytes));
        foreach (var header in original.Headers)
        {
            capped.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = capped;
        return response;
    }

    private sealed class CappedStream(Stream inner, int cap) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(buffer[..Math.Min(buffer.Length, cap)], cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            inner.ReadAsync(buffer, offset, Math.Min(count, cap), cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, cap));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        public override ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
