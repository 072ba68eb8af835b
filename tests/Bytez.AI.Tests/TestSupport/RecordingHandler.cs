using System.Net;
using System.Text;

namespace Bytez.AI.Tests.TestSupport;

/// <summary>An in-test HTTP handler: records every request and answers from a script.</summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> _respond;
    private readonly List<RecordedRequest> _requests = [];

    public RecordingHandler(Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> respond) => _respond = respond;

    public RecordingHandler(Func<RecordedRequest, HttpResponseMessage> respond)
        : this((request, _) => Task.FromResult(respond(request)))
    {
    }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Answers requests in order with the given responses (the last one repeats).</summary>
    public static RecordingHandler Sequence(params Func<HttpResponseMessage>[] responses)
    {
        var index = 0;
        return new RecordingHandler(_ =>
        {
            var next = responses[Math.Min(index, responses.Length - 1)];
            index++;
            return next();
        });
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Fixture(HttpStatusCode status, string name) => Json(status, Fixtures.Read(name));

    public static HttpResponseMessage Text(HttpStatusCode status, string text, string mediaType = "text/plain") =>
        new(status) { Content = new StringContent(text, Encoding.UTF8, mediaType) };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(
            request.Method,
            request.RequestUri!,
            request.Headers.Authorization?.ToString(),
            request.Headers.UserAgent.ToString(),
            request.Content?.Headers.ContentType?.ToString(),
            body)
        {
            ProviderKey = request.Headers.TryGetValues("provider-key", out var providerKey) ? string.Join(",", providerKey) : null,
        };
        lock (_requests)
        {
            _requests.Add(recorded);
        }

        var response = await _respond(recorded, cancellationToken);
        response.RequestMessage = request;
        return response;
    }
}
