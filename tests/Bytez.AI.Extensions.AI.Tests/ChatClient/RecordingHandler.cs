using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Bytez.AI.Extensions.AI.Tests.ChatClient;

/// <summary>
/// A verbatim HTTP handler for offline tests: records every request (path and JSON body) and answers from canned v1
/// responses. Runs answer with <see cref="RunReply"/> (JSON) or <see cref="StreamChunks"/> (raw bytes, one read each).
/// </summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private int _disposedStreams;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Gets or sets the body of <c>GET model/list</c>; null answers 500.</summary>
    public string? ListModelsBody { get; set; } = """
        [
          {"modelId": "openai-community/gpt2", "task": "text-generation", "ramRequired": 0.5},
          {"modelId": "microsoft/Phi-3-mini-4k-instruct", "task": "text-generation", "ramRequired": 14.65},
          {"modelId": "facebook/bart-large-mnli", "task": "zero-shot-classification", "ramRequired": 2.1}
        ]
        """;

    /// <summary>Gets or sets the JSON body answering a non-streamed run.</summary>
    public Func<JsonObject, string> RunReply { get; set; } = _ => """{"output":[{"generated_text":"Hello!"}]}""";

    /// <summary>Gets or sets the chunks answering a streamed run.</summary>
    public IReadOnlyList<byte[]> StreamChunks { get; set; } = [];

    /// <summary>Gets or sets a value indicating whether the stream waits forever after its chunks (until cancelled).</summary>
    public bool StreamHangsAfterChunks { get; set; }

    /// <summary>Gets how many streamed response bodies were disposed.</summary>
    public int DisposedStreams => Volatile.Read(ref _disposedStreams);

    public IEnumerable<RecordedRequest> Runs => Requests.Where(r => r.Path == "model/run");

    public static IReadOnlyList<byte[]> Utf8Chunks(params string[] chunks) => [.. chunks.Select(Encoding.UTF8.GetBytes)];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string path = request.RequestUri!.AbsolutePath.TrimStart('/');
        string? body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        JsonObject? json = string.IsNullOrEmpty(body) ? null : JsonNode.Parse(body) as JsonObject;
        Requests.Enqueue(new RecordedRequest(request.Method, path, request.RequestUri.Query, json));

        return path switch
        {
            "model/list" when ListModelsBody is null => Json(HttpStatusCode.InternalServerError, """{"error":"listing is down"}"""),
            "model/list" => Json(HttpStatusCode.OK, ListModelsBody),
            "model/load" => Json(HttpStatusCode.OK, """{"model":"m","status":"started","concurrency":1}"""),
            "model/status" => Json(HttpStatusCode.OK, """{"model":"m","status":"RUNNING","concurrency":1}"""),
            "model/delete" => Json(HttpStatusCode.OK, "{}"),
            "model/run" when json?["stream"]?.GetValue<bool>() == true => Stream(),
            "model/run" => Json(HttpStatusCode.OK, RunReply(json!)),
            _ => Json(HttpStatusCode.NotFound, """{"error":"no such path"}"""),
        };
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private HttpResponseMessage Stream()
    {
        var content = new StreamContent(new ChunkedStream(StreamChunks, StreamHangsAfterChunks, () => Interlocked.Increment(ref _disposedStreams)));
        content.Headers.TryAddWithoutValidation("Content-Type", "text/event-stream; charset=utf-8");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    internal sealed record RecordedRequest(HttpMethod Method, string Path, string Query, JsonObject? Body);

    /// <summary>A response body that hands out one chunk per read, optionally hanging at the end, and counts its disposal.</summary>
    private sealed class ChunkedStream(IReadOnlyList<byte[]> chunks, bool hang, Action onDispose) : System.IO.Stream
    {
        private int _index;
        private bool _disposed;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_index < chunks.Count)
            {
                byte[] chunk = chunks[_index++];
                chunk.CopyTo(buffer);
                return chunk.Length;
            }

            if (hang)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return 0;
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
            if (!_disposed)
            {
                _disposed = true;
                onDispose();
            }

            base.Dispose(disposing);
        }
    }
}
