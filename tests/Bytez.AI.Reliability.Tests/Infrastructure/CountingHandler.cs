namespace Bytez.AI.Reliability.Tests.Infrastructure;

/// <summary>
/// Counts every attempt that reaches the network and every response it produced, and tracks whether each response
/// (its content) was disposed, so a test can assert that nothing was leaked.
/// </summary>
internal sealed class CountingHandler : DelegatingHandler
{
    private readonly List<TrackingContent> _contents = [];
    private int _attempts;
    private int _failures;

    public CountingHandler(HttpMessageHandler inner)
        : base(inner)
    {
    }

    /// <summary>Gets the number of requests sent (every retry counts).</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Gets the number of attempts that ended in an exception rather than a response.</summary>
    public int Failures => Volatile.Read(ref _failures);

    /// <summary>Gets the number of responses received.</summary>
    public int Responses
    {
        get
        {
            lock (_contents)
            {
                return _contents.Count;
            }
        }
    }

    /// <summary>Gets the number of responses whose content is not disposed yet.</summary>
    public int Undisposed
    {
        get
        {
            lock (_contents)
            {
                return _contents.Count(c => !c.IsDisposed);
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch
        {
            Interlocked.Increment(ref _failures);
            throw;
        }

        var tracked = new TrackingContent(response.Content, static () => { });
        response.Content = tracked;
        lock (_contents)
        {
            _contents.Add(tracked);
        }

        return response;
    }
}
