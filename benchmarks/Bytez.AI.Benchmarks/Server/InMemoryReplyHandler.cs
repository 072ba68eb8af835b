using System.Net.Http.Headers;

namespace Bytez.AI.Benchmarks.Server;

/// <summary>
/// Answers every request in memory with a canned JSON body chosen by the end of the request path: no socket, no
/// server, so a comparison through it shows the clients' CPU and allocations alone, free of loopback noise.
/// </summary>
/// <param name="replies">JSON bodies by path suffix (<c>model/run</c>, <c>model/status</c>, ...).</param>
public sealed class InMemoryReplyHandler(IReadOnlyList<(string PathSuffix, byte[] Json)> replies) : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.RequestUri!.AbsolutePath;
        foreach (var (suffix, json) in replies)
        {
            if (path.EndsWith(suffix, StringComparison.Ordinal))
            {
                var content = new ByteArrayContent(json);
                content.Headers.ContentType = Json;
                return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = content, RequestMessage = request });
            }
        }

        return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.NotFound) { RequestMessage = request });
    }
}
