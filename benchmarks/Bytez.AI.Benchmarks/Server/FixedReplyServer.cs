using System.Buffers;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;

namespace Bytez.AI.Benchmarks.Server;

/// <summary>
/// The smallest loopback HTTP/1.1 server that serves the benchmarks: it answers each request with a canned
/// <see cref="CannedReply"/> chosen by path and, optionally, by the <c>"model"</c> member of the JSON body. No JSON
/// parsing, no routing framework, no logging: a request costs the server a header scan and one write (or the chunks of a
/// stream), and allocates nothing, so what the benchmarks measure is the client's own cost.
/// </summary>
/// <remarks>
/// Keep-alive connections, <c>Content-Length</c> and chunked request bodies. The model is looked for in the first
/// 64 KB of the body (where every Bytez and OpenAI request puts it: Bytez bodies start with it). An unknown route gets
/// a 404 JSON error.
/// </remarks>
public sealed class FixedReplyServer : IAsyncDisposable
{
    private const int BufferSize = 64 * 1024;
    private static readonly byte[] ModelMember = "\"model\":\""u8.ToArray();
    private static readonly CannedReply NotFound = CannedReply.Json("{\"error\":\"The fixed-reply server has no canned answer for this path and model.\"}"u8.ToArray(), 404);
    private static readonly CannedReply BadRequest = CannedReply.Json("{\"error\":\"The fixed-reply server could not read the request.\"}"u8.ToArray(), 400);

    private readonly Socket _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Socket, Task> _connections = new();
    private readonly Task _accepting;
    private readonly object _routesLock = new();
    private Route[] _routes = [];
    private long _requests;

    private FixedReplyServer()
    {
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(512);
        Endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndPoint!).Port}/");
        _accepting = AcceptAsync();
    }

    /// <summary>Gets the base address, such as <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>Gets how many requests were answered.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Starts a server on a free loopback port.</summary>
    /// <returns>The running server.</returns>
    public static FixedReplyServer Start() => new();

    /// <summary>Sets the answer to every request on a path (relative, no leading slash, no query: <c>model/run</c>).</summary>
    /// <param name="path">The path.</param>
    /// <param name="reply">The answer.</param>
    public void Set(string path, CannedReply reply) => Set(path, null, reply);

    /// <summary>Sets the answer to requests on a path whose body names <paramref name="model"/>; null for any model.</summary>
    /// <param name="path">The path.</param>
    /// <param name="model">The model id, or null.</param>
    /// <param name="reply">The answer.</param>
    public void Set(string path, string? model, CannedReply reply)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(reply);
        var pathBytes = Encoding.UTF8.GetBytes("/" + path.TrimStart('/'));
        lock (_routesLock)
        {
            // Copy on write: connections read the array without a lock.
            var routes = _routes.ToList();
            var index = routes.FindIndex(r => r.Path.AsSpan().SequenceEqual(pathBytes));
            var route = index >= 0 ? routes[index] : new Route(pathBytes, null, []);
            route = model is null
                ? route with { Default = reply }
                : route with { Models = [.. route.Models.Where(m => !m.Model.AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(model))), (Encoding.UTF8.GetBytes(model), reply)] };
            if (index >= 0)
            {
                routes[index] = route;
            }
            else
            {
                routes.Add(route);
            }

            Volatile.Write(ref _routes, [.. routes]);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        foreach (var socket in _connections.Keys)
        {
            socket.Dispose();
        }

        try
        {
            await Task.WhenAll([_accepting, .. _connections.Values]).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping.
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            socket.NoDelay = true;
            _connections[socket] = Task.Run(() => ServeAsync(socket));
        }
    }

    /// <summary>One connection: requests one after the other until the client closes it.</summary>
    private async Task ServeAsync(Socket socket)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var token = _stopping.Token;
        var start = 0;
        var end = 0;
        try
        {
            while (true)
            {
                // The head: up to the blank line.
                int headLength;
                while ((headLength = buffer.AsSpan(start, end - start).IndexOf("\r\n\r\n"u8)) < 0)
                {
                    (start, end) = Compact(buffer, start, end);
                    if (end == buffer.Length)
                    {
                        await SendAsync(socket, BadRequest, token).ConfigureAwait(false);
                        return;
                    }

                    var read = await socket.ReceiveAsync(buffer.AsMemory(end), SocketFlags.None, token).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return;
                    }

                    end += read;
                }

                var head = ReadHead(buffer.AsSpan(start, headLength), Volatile.Read(ref _routes));
                start += headLength + 4;

                CannedReply reply;
                if (head.Chunked)
                {
                    // Chunked body: the model is looked for in the first chunk only.
                    var first = true;
                    reply = NotFound;
                    while (true)
                    {
                        int lineLength;
                        while ((lineLength = buffer.AsSpan(start, end - start).IndexOf("\r\n"u8)) < 0)
                        {
                            (start, end) = Compact(buffer, start, end);
                            var read = await socket.ReceiveAsync(buffer.AsMemory(end), SocketFlags.None, token).ConfigureAwait(false);
                            if (read == 0)
                            {
                                return;
                            }

                            end += read;
                        }

                        var size = ChunkSize(buffer.AsSpan(start, lineLength));
                        start += lineLength + 2;
                        if (first)
                        {
                            (start, end) = await FillAsync(socket, buffer, start, end, (int)Math.Min(size, BufferSize / 2), token).ConfigureAwait(false);
                            reply = Find(head.Route, buffer.AsSpan(start, (int)Math.Min(size, end - start)));
                            first = false;
                        }

                        // The chunk's data and its CRLF (the last chunk has only the CRLF ending the trailers).
                        (start, end) = await SkipAsync(socket, buffer, start, end, size + 2, token).ConfigureAwait(false);
                        if (size == 0)
                        {
                            break;
                        }
                    }
                }
                else
                {
                    (start, end) = await FillAsync(socket, buffer, start, end, (int)Math.Min(head.ContentLength, BufferSize / 2), token).ConfigureAwait(false);
                    reply = Find(head.Route, buffer.AsSpan(start, (int)Math.Min(head.ContentLength, end - start)));
                    (start, end) = await SkipAsync(socket, buffer, start, end, head.ContentLength, token).ConfigureAwait(false);
                }

                Interlocked.Increment(ref _requests);
                await SendAsync(socket, reply, token).ConfigureAwait(false);
                if (start == end)
                {
                    start = end = 0;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
        {
            // The client went away or the server is stopping.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _connections.TryRemove(socket, out _);
            socket.Dispose();
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private static async ValueTask SendAsync(Socket socket, CannedReply reply, CancellationToken token)
    {
        if (!reply.Head.IsEmpty)
        {
            await SendAllAsync(socket, reply.Head, token).ConfigureAwait(false);
        }

        // An array, not a list interface: enumerating an interface would allocate per request.
        foreach (var (bytes, repeat) in reply.Blocks)
        {
            for (var i = 0; i < repeat; i++)
            {
                await SendAllAsync(socket, bytes, token).ConfigureAwait(false);
            }
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private static async ValueTask SendAllAsync(Socket socket, ReadOnlyMemory<byte> bytes, CancellationToken token)
    {
        while (!bytes.IsEmpty)
        {
            var sent = await socket.SendAsync(bytes, SocketFlags.None, token).ConfigureAwait(false);
            bytes = bytes[sent..];
        }
    }

    /// <summary>Reads until <paramref name="wanted"/> bytes after <paramref name="start"/> are in the buffer.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<(int Start, int End)> FillAsync(Socket socket, byte[] buffer, int start, int end, int wanted, CancellationToken token)
    {
        while (end - start < wanted)
        {
            (start, end) = Compact(buffer, start, end);
            var read = await socket.ReceiveAsync(buffer.AsMemory(end), SocketFlags.None, token).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException("The client closed the connection mid-request.");
            }

            end += read;
        }

        return (start, end);
    }

    /// <summary>Consumes <paramref name="count"/> bytes of the request, reading (and dropping) what is not buffered yet.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<(int Start, int End)> SkipAsync(Socket socket, byte[] buffer, int start, int end, long count, CancellationToken token)
    {
        while (count > 0)
        {
            if (start == end)
            {
                start = end = 0;
                var read = await socket.ReceiveAsync(buffer.AsMemory(0, (int)Math.Min(count, buffer.Length)), SocketFlags.None, token).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new IOException("The client closed the connection mid-request.");
                }

                end = read;
            }

            var take = (int)Math.Min(count, end - start);
            start += take;
            count -= take;
        }

        return (start, end);
    }

    private static (int Start, int End) Compact(byte[] buffer, int start, int end)
    {
        if (start == 0)
        {
            return (start, end);
        }

        buffer.AsSpan(start, end - start).CopyTo(buffer);
        return (0, end - start);
    }

    private static Head ReadHead(ReadOnlySpan<byte> head, Route[] routes)
    {
        // Request line: METHOD SP target SP version.
        var lineEnd = head.IndexOf("\r\n"u8);
        var line = lineEnd < 0 ? head : head[..lineEnd];
        var target = line[(line.IndexOf((byte)' ') + 1)..];
        target = target[..Math.Max(0, target.IndexOf((byte)' '))];
        var query = target.IndexOf((byte)'?');
        var path = query < 0 ? target : target[..query];

        long contentLength = 0;
        var chunked = false;
        var rest = lineEnd < 0 ? [] : head[(lineEnd + 2)..];
        while (!rest.IsEmpty)
        {
            var next = rest.IndexOf("\r\n"u8);
            var header = next < 0 ? rest : rest[..next];
            rest = next < 0 ? [] : rest[(next + 2)..];
            var colon = header.IndexOf((byte)':');
            if (colon <= 0)
            {
                continue;
            }

            var name = header[..colon];
            var value = header[(colon + 1)..].Trim((byte)' ');
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                Utf8Parser.TryParse(value, out contentLength, out _);
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                chunked = value.IndexOf("chunked"u8) >= 0;
            }
        }

        // The route is looked up here, while the path is in the buffer (no string per request).
        Route? route = null;
        foreach (var candidate in routes)
        {
            if (candidate.Path.AsSpan().SequenceEqual(path))
            {
                route = candidate;
                break;
            }
        }

        return new Head(route, contentLength, chunked);
    }

    private static long ChunkSize(ReadOnlySpan<byte> line)
    {
        var extension = line.IndexOf((byte)';');
        if (extension >= 0)
        {
            line = line[..extension];
        }

        return Utf8Parser.TryParse(line.Trim((byte)' '), out long size, out _, 'x') ? size : 0;
    }

    private static CannedReply Find(Route? route, ReadOnlySpan<byte> body)
    {
        if (route is null)
        {
            return NotFound;
        }

        var model = route.Models.Length > 0 ? ModelOf(body) : [];
        if (!model.IsEmpty)
        {
            foreach (var (name, reply) in route.Models)
            {
                if (model.SequenceEqual(name))
                {
                    return reply;
                }
            }
        }

        return route.Default ?? NotFound;
    }

    private static ReadOnlySpan<byte> ModelOf(ReadOnlySpan<byte> body)
    {
        var at = body.IndexOf(ModelMember);
        if (at < 0)
        {
            return [];
        }

        var value = body[(at + ModelMember.Length)..];
        var close = value.IndexOf((byte)'"');
        return close < 0 ? [] : value[..close];
    }

    private sealed record Route(byte[] Path, CannedReply? Default, (byte[] Model, CannedReply Reply)[] Models);

    private readonly record struct Head(Route? Route, long ContentLength, bool Chunked);
}
