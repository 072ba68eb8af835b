using System.Net;
using System.Net.Sockets;
using System.Text;
using Bytez.AI.Benchmarks.Server;

namespace Bytez.AI.Benchmarks.Tests;

/// <summary>The minimal server answers by path and model, streams in chunks, keeps connections alive and allocates nothing per request.</summary>
[Collection(AllocationCollection.Name)]
public sealed class FixedReplyServerTests
{
    [Fact]
    public async Task Answers_by_path_then_by_the_model_named_in_the_body()
    {
        await using var server = FixedReplyServer.Start();
        server.Set("model/run", CannedReply.Json("{\"any\":true}"u8.ToArray()));
        server.Set("model/run", "org/special", CannedReply.Json("{\"special\":true}"u8.ToArray()));
        using var http = new HttpClient { BaseAddress = server.Endpoint };

        var special = await http.PostAsync("model/run", Json("{\"model\":\"org/special\",\"stream\":false}"));
        var other = await http.PostAsync("model/run", Json("{\"model\":\"org/other\"}"));
        var unknown = await http.PostAsync("model/nothing", Json("{}"));

        Assert.Equal("{\"special\":true}", await special.Content.ReadAsStringAsync());
        Assert.Equal("application/json", special.Content.Headers.ContentType?.MediaType);
        Assert.Equal("{\"any\":true}", await other.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(3, server.Requests);
    }

    [Fact]
    public async Task Finds_the_model_in_a_chunked_request_body_and_reads_a_large_body_whole()
    {
        await using var server = FixedReplyServer.Start();
        server.Set("run", "m", CannedReply.Json("{\"ok\":1}"u8.ToArray()));
        using var http = new HttpClient { BaseAddress = server.Endpoint };
        var large = "{\"model\":\"m\",\"input\":\"" + new string('x', 300_000) + "\"}";

        // A stream of unknown length is sent chunked.
        var chunked = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes("{\"model\":\"m\"}")));
        var first = await http.PostAsync("run", chunked);
        var second = await http.PostAsync("run", Json(large));

        Assert.Equal("{\"ok\":1}", await first.Content.ReadAsStringAsync());
        Assert.Equal("{\"ok\":1}", await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Streams_pieces_as_http_chunks_and_repeats_a_piece_without_holding_the_whole_stream()
    {
        await using var server = FixedReplyServer.Start();
        server.Set("a", CannedReply.Stream(["one ", "", "two ", "ü"]));
        var repeated = CannedReply.RepeatedStream("abc", 100_000);
        server.Set("b", repeated);
        using var http = new HttpClient { BaseAddress = server.Endpoint };

        var a = await http.GetAsync("a");
        var b = await http.GetStringAsync("b");

        Assert.Equal("one two ü", await a.Content.ReadAsStringAsync());
        Assert.True(a.Headers.TransferEncodingChunked);
        Assert.Equal(300_000, b.Length);
        Assert.Equal(300_000, repeated.BodyBytes);
        Assert.True(b.All(c => c is 'a' or 'b' or 'c'));
    }

    [Fact]
    public async Task Serves_keep_alive_requests_without_allocating_per_request()
    {
        await using var server = FixedReplyServer.Start();
        var reply = CannedReply.Json("{\"output\":[1,2,3]}"u8.ToArray());
        server.Set("model/run", reply);
        var request = Encoding.ASCII.GetBytes("POST /model/run HTTP/1.1\r\nHost: x\r\nContent-Length: 15\r\n\r\n{\"model\":\"abc\"}");
        var responseLength = Encoding.ASCII.GetByteCount("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 18\r\n\r\n") + 18;
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, server.Endpoint.Port));
        var buffer = new byte[4096];

        // One loop on the thread pool, off the test framework's synchronization context (posting continuations to it,
        // or nested async calls, would allocate on the test's side). The allocation counter is process-wide, so the
        // class runs alone (its collection is not parallelised) and the best of three windows is taken.
        var perRequest = await Task.Run(async () =>
        {
            var best = double.MaxValue;
            long before = 0;
            for (var i = 0; i < 3200; i++)
            {
                if (i >= 200 && i % 1000 == 200)
                {
                    if (i > 200)
                    {
                        best = Math.Min(best, (GC.GetTotalAllocatedBytes(precise: true) - before) / 1000.0);
                    }

                    before = GC.GetTotalAllocatedBytes(precise: true);
                }

                await socket.SendAsync(request.AsMemory(), SocketFlags.None);
                var received = 0;
                while (received < responseLength)
                {
                    received += await socket.ReceiveAsync(buffer.AsMemory(received), SocketFlags.None);
                }
            }

            return Math.Min(best, (GC.GetTotalAllocatedBytes(precise: true) - before) / 1000.0);
        });

        Assert.StartsWith("HTTP/1.1 200 OK", Encoding.ASCII.GetString(buffer, 0, 15));
        Assert.Equal(3200, server.Requests);

        // Client and server together: a stray allocation per request would be tens of bytes at least.
        Assert.True(perRequest < 16, $"{perRequest} bytes per request");
    }

    private static ByteArrayContent Json(string json)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = new("application/json");
        return content;
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

/// <summary>Tests that read the process-wide allocation counter run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationCollection
{
    /// <summary>The collection name.</summary>
    public const string Name = "Process-wide allocation counter";
}
