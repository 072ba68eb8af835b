using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Bytez.AI.Tests.ChatCompletion;

/// <summary>
/// A verbatim v1 API for offline tests: records every request (see <see cref="RecordingHandler"/>) and answers from
/// canned v1 responses. Runs answer with <see cref="RunReply"/> (JSON) or <see cref="StreamChunks"/> (raw bytes, one read each).
/// </summary>
internal sealed class CannedV1Handler : RecordingHandler
{
    private int _disposedStreams;

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

    protected override Task<HttpResponseMessage> RespondAsync(RecordedRequest request, CancellationToken cancellationToken)
    {
        JsonObject? json = request.Json;
        return Task.FromResult(request.Path switch
        {
            "model/list" when ListModelsBody is null => Json(HttpStatusCode.InternalServerError, """{"error":"listing is down"}"""),
            "model/list" => Json(HttpStatusCode.OK, ListModelsBody),
            "model/load" => Json(HttpStatusCode.OK, """{"model":"m","status":"started","concurrency":1}"""),
            "model/status" => Json(HttpStatusCode.OK, """{"model":"m","status":"RUNNING","concurrency":1}"""),
            "model/delete" => Json(HttpStatusCode.OK, "{}"),
            "model/run" when json?["stream"]?.GetValue<bool>() == true => Stream(),
            "model/run" => Json(HttpStatusCode.OK, RunReply(json!)),
            _ => Json(HttpStatusCode.NotFound, """{"error":"no such path"}"""),
        });
    }

    private HttpResponseMessage Stream()
    {
        var body = new ChunkedStream([.. StreamChunks]) { OnDisposed = () => Interlocked.Increment(ref _disposedStreams) };
        if (!StreamHangsAfterChunks)
        {
            body.Complete();
        }

        var content = new StreamContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", "text/event-stream; charset=utf-8");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }
}
