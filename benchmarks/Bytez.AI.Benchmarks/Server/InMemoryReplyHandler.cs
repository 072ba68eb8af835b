using System.Net.Http.Headers;

namespace Bytez.AI.Benchmarks.Server;

/// <summary>
/// Answers every request in memory with a canned JSON body chosen by the end of the request path: no socket, no
/// server, so a comparison through it shows the clients' CPU and allocations alone, free of loopback noise. It answers
/// after a <see cref="Task.Yield"/>, as a network answer never completes synchronously: every async layer above it then
/// pays what it pays on a real call (a state-machine box when it has to wait).
/// </summary>
/// <param name="replies">JSON bodies by path suffix (<c>model/run</c>, <c>model/status</c>, ...).</param>
public sealed class InMemoryReplyHandler(IReadOnlyList<(string PathSuffix, byte[] Json)> replies) : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await Task.Yield();
        var path = request.RequestUri!.AbsolutePath;
        foreach (var (suffix, json) in replies)
        {
            if (path.EndsWith(suffix, StringComparison.Ordinal))
            {
                var content = new ByteArrayContent(json);
                content.Headers.ContentType = Json;
                return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = content, RequestMessage = request };
            }
        }

        return new HttpResponseMessage(System.Net.HttpStatusCode.NotFound) { RequestMessage = request };
    }
}
