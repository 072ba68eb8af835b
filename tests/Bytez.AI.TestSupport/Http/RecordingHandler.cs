using System.Net;
using System.Text;

namespace Bytez.AI.TestSupport;

/// <summary>An in-test HTTP handler: records every request and answers from a script (or from a derived class's <see cref="RespondAsync"/>).</summary>
public class RecordingHandler : HttpMessageHandler
{
    private readonly Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>>? _respond;
    private readonly List<RecordedRequest> _requests = [];

    /// <summary>Initializes a new instance of the <see cref="RecordingHandler"/> class that answers with <paramref name="respond"/>.</summary>
    /// <param name="respond">Answers a request.</param>
    public RecordingHandler(Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> respond) => _respond = respond;

    /// <summary>Initializes a new instance of the <see cref="RecordingHandler"/> class that answers synchronously with <paramref name="respond"/>.</summary>
    /// <param name="respond">Answers a request.</param>
    public RecordingHandler(Func<RecordedRequest, HttpResponseMessage> respond)
        : this((request, _) => Task.FromResult(respond(request)))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RecordingHandler"/> class for a derived class that overrides <see cref="RespondAsync"/>.</summary>
    protected RecordingHandler()
    {
    }

    /// <summary>Gets the requests seen so far, oldest first.</summary>
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
    /// <param name="responses">Create the responses.</param>
    /// <returns>The handler.</returns>
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

    /// <summary>Creates a JSON response.</summary>
    /// <param name="status">The status.</param>
    /// <param name="json">The body.</param>
    /// <returns>The response.</returns>
    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    /// <summary>Creates a JSON response from one of the <see cref="WireFixtures"/>.</summary>
    /// <param name="status">The status.</param>
    /// <param name="name">The fixture's file name.</param>
    /// <returns>The response.</returns>
    public static HttpResponseMessage Fixture(HttpStatusCode status, string name) => Json(status, WireFixtures.Read(name));

    /// <summary>Creates a text response.</summary>
    /// <param name="status">The status.</param>
    /// <param name="text">The body.</param>
    /// <param name="mediaType">The media type.</param>
    /// <returns>The response.</returns>
    public static HttpResponseMessage Text(HttpStatusCode status, string text, string mediaType = "text/plain") =>
        new(status) { Content = new StringContent(text, Encoding.UTF8, mediaType) };

    /// <summary>Answers a recorded request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">The request's cancellation token.</param>
    /// <returns>The response.</returns>
    protected virtual Task<HttpResponseMessage> RespondAsync(RecordedRequest request, CancellationToken cancellationToken) =>
        _respond is null
            ? throw new InvalidOperationException("Pass a respond function or override RespondAsync.")
            : _respond(request, cancellationToken);

    /// <inheritdoc />
    protected sealed override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
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
            Accept = request.Headers.Accept.Count == 0 ? null : request.Headers.Accept.ToString(),
            ProviderKey = request.Headers.TryGetValues("provider-key", out var providerKey) ? string.Join(",", providerKey) : null,
        };
        lock (_requests)
        {
            _requests.Add(recorded);
        }

        var response = await RespondAsync(recorded, cancellationToken);
        response.RequestMessage = request;
        return response;
    }
}
