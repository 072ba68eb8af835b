using System.Net;
using System.Text;

namespace Bytez.AI.Tests.Reliability.Infrastructure;

/// <summary>Answers from a script given the 1-based attempt number; records every request it sees.</summary>
internal sealed class StubHandler(Func<HttpRequestMessage, int, HttpResponseMessage> respond) : HttpMessageHandler
{
    private readonly List<HttpRequestMessage> _requests = [];

    public IReadOnlyList<HttpRequestMessage> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    /// <summary>A client over this stub, through a retry handler, with fast retries.</summary>
    public BytezClient Client(BytezRetryOptions? retry = null, Microsoft.Extensions.Logging.ILoggerFactory? logs = null) => new(new BytezClientOptions
    {
        ApiKey = Harness.ApiKey,
        ApiVersion = BytezApiVersion.V1, // these stubs answer the v1 paths
        Endpoint = new Uri("https://api.bytez.test/"),
        HttpClient = new HttpClient(new BytezRetryHandler(retry ?? Harness.FastRetries(), logs) { InnerHandler = this }),
        LoggerFactory = logs,
        LoadPollInterval = TimeSpan.Zero,
        LoadTimeout = TimeSpan.FromSeconds(5),
    });

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        int attempt;
        lock (_requests)
        {
            _requests.Add(request);
            attempt = _requests.Count;
        }

        var response = respond(request, attempt);
        response.RequestMessage = request;
        return Task.FromResult(response);
    }
}
