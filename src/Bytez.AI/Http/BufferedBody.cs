using System.Net;

namespace Bytez.AI.Http;

/// <summary>
/// A response body already read into memory, within a size limit. The retry handler puts one in place of the network
/// content so the transport reads the bytes it holds instead of copying them again.
/// </summary>
internal sealed class BufferedBody : HttpContent
{
    private const int InitialCapacity = 16 * 1024;

    private BufferedBody(ArraySegment<byte> bytes, HttpContent original)
    {
        Bytes = bytes;

        // The headers as received, unparsed: enumerating Headers itself would parse every value (under a lock) and
        // allocate a list per header on every call, to copy text that is added back unvalidated anyway.
        foreach (var header in original.Headers.NonValidated)
        {
            if (header.Value.Count == 1)
            {
                _ = Headers.TryAddWithoutValidation(header.Key, header.Value.ToString());
            }
            else
            {
                _ = Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }
    }

    /// <summary>Gets the body.</summary>
    public ArraySegment<byte> Bytes { get; }

    /// <summary>Replaces <paramref name="response"/>'s content with a buffered copy, read within <paramref name="limit"/> bytes.</summary>
    /// <param name="response">The response; its original content is disposed.</param>
    /// <param name="limit">The largest body accepted, in bytes.</param>
    /// <param name="cancellationToken">A token to cancel the read.</param>
    /// <returns>A task that completes when the body is in memory.</returns>
    /// <exception cref="ResponseTooLargeException">The body is larger than <paramref name="limit"/>.</exception>
    public static async Task BufferAsync(HttpResponseMessage response, long limit, CancellationToken cancellationToken)
    {
        var original = response.Content;
        if (original is BufferedBody)
        {
            return;
        }

        ArraySegment<byte> bytes;
        try
        {
            bytes = await ReadAsync(original, limit, idleTimeout: null, cancellationToken).ConfigureAwait(false);
        }
        catch (ResponseTooLargeException ex)
        {
            ex.StatusCode = response.StatusCode;
            throw;
        }

        response.Content = new BufferedBody(bytes, original);
        original.Dispose();
    }

    /// <summary>
    /// Reads a body into memory: fails before reading when its <c>Content-Length</c> is over the limit, and as soon as
    /// more than <paramref name="limit"/> bytes have arrived otherwise, so an endless body costs at most the limit.
    /// </summary>
    /// <param name="content">The content.</param>
    /// <param name="limit">The largest body accepted, in bytes (at most <see cref="int.MaxValue"/> - 1).</param>
    /// <param name="idleTimeout">When set, bounds the wait for each read (a stalled body fails instead of hanging).</param>
    /// <param name="cancellationToken">A token to cancel the read.</param>
    /// <returns>The body.</returns>
    /// <exception cref="ResponseTooLargeException">The body is larger than <paramref name="limit"/>.</exception>
    /// <exception cref="StreamIdleException">No data arrived within the guard's idle timeout.</exception>
    public static Task<ArraySegment<byte>> ReadAsync(HttpContent content, long limit, StreamIdleGuard? idleTimeout, CancellationToken cancellationToken)
    {
        if (content is BufferedBody buffered)
        {
            return Task.FromResult(buffered.Bytes);
        }

        var declared = content.Headers.ContentLength;
        if (declared > limit)
        {
            return Task.FromException<ArraySegment<byte>>(new ResponseTooLargeException(limit, declared));
        }

        return ReadToEndAsync(content.ReadAsStreamAsync(cancellationToken), ownsStream: true, declared, limit, idleTimeout, cancellationToken);
    }

    /// <summary>
    /// Reads a stream to its end into memory, within a limit: an overlong stream fails as soon as more than
    /// <paramref name="limit"/> bytes have arrived (one byte past it is read, no more), so an endless one costs at most
    /// the limit. Any bounded read of a body or a recording goes through here.
    /// </summary>
    /// <param name="stream">The stream, read from its position; not disposed.</param>
    /// <param name="declared">The length it announced (a <c>Content-Length</c>), to size the buffer; null when unknown. Not checked against the limit here.</param>
    /// <param name="limit">The largest length accepted, in bytes (at most <see cref="int.MaxValue"/> - 1).</param>
    /// <param name="idleTimeout">When set, bounds the wait for each read (a stalled stream fails instead of hanging).</param>
    /// <param name="cancellationToken">A token to cancel the read.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="ResponseTooLargeException">The stream is longer than <paramref name="limit"/>.</exception>
    /// <exception cref="StreamIdleException">No data arrived within the guard's idle timeout.</exception>
    public static Task<ArraySegment<byte>> ReadAsync(Stream stream, long? declared, long limit, StreamIdleGuard? idleTimeout, CancellationToken cancellationToken) =>
        ReadToEndAsync(Task.FromResult(stream), ownsStream: false, declared, limit, idleTimeout, cancellationToken);

    // The one loop behind both ReadAsync overloads, in one frame: every response body is read here, and a second async
    // method around it (to get the content's stream) would cost every call a state machine while the body arrives.
    private static async Task<ArraySegment<byte>> ReadToEndAsync(
        Task<Stream> opening, bool ownsStream, long? declared, long limit, StreamIdleGuard? idleTimeout, CancellationToken cancellationToken)
    {
        var stream = await opening.ConfigureAwait(false);
        try
        {
            // One more byte than the limit may be read: that is how an overlong stream without a length is told apart.
            var buffer = new byte[declared is { } length && length <= limit ? (int)length + 1 : (int)Math.Min(InitialCapacity, limit + 1)];
            var count = 0;
            while (true)
            {
                if (count == buffer.Length)
                {
                    Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, limit + 1));
                }

                var read = idleTimeout is null
                    ? await stream.ReadAsync(buffer.AsMemory(count), cancellationToken).ConfigureAwait(false)
                    : await idleTimeout.ReadAsync(stream, buffer.AsMemory(count)).ConfigureAwait(false);
                if (read == 0)
                {
                    return new ArraySegment<byte>(buffer, 0, count);
                }

                count += read;
                if (count > limit)
                {
                    throw new ResponseTooLargeException(limit, null);
                }
            }
        }
        finally
        {
            if (ownsStream)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(Bytes).AsTask();

    /// <inheritdoc />
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(Bytes, cancellationToken).AsTask();

    /// <inheritdoc />
    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) =>
        new MemoryStream(Bytes.Array!, Bytes.Offset, Bytes.Count, writable: false);

    /// <inheritdoc />
    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult(CreateContentReadStream(CancellationToken.None));

    /// <inheritdoc />
    protected override bool TryComputeLength(out long length)
    {
        length = Bytes.Count;
        return true;
    }
}
