namespace Bytez.AI.Tests.Reliability.Infrastructure;

/// <summary>
/// Counts every attempt that reaches the network and every response it produced, and how many of those responses
/// (their content) were disposed, so a test can assert that nothing was leaked. Keeps counters only, no references,
/// so it does not itself hold memory in a long run.
/// </summary>
internal sealed class CountingHandler : DelegatingHandler
{
    private int _attempts;
    private int _failures;
    private int _responses;
    private int _disposed;
    private int _inFlight;
    private int _peakInFlight;

    public CountingHandler(HttpMessageHandler inner)
        : base(inner)
    {
    }

    /// <summary>Gets the number of requests sent (every retry counts).</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Gets the number of attempts that ended in an exception rather than a response.</summary>
    public int Failures => Volatile.Read(ref _failures);

    /// <summary>Gets the number of responses received.</summary>
    public int Responses => Volatile.Read(ref _responses);

    /// <summary>Gets the most requests that were waiting for their response headers at the same time.</summary>
    public int PeakInFlight => Volatile.Read(ref _peakInFlight);

    /// <summary>Gets the number of responses whose content is not disposed yet.</summary>
    public int Undisposed => Responses - Volatile.Read(ref _disposed);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        RecordPeak(Interlocked.Increment(ref _inFlight));
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
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }

        Interlocked.Increment(ref _responses);
        response.Content = new TrackingContent(response.Content, () => Interlocked.Increment(ref _disposed));
        return response;
    }

    private void RecordPeak(int current)
    {
        int peak;
        while (current > (peak = Volatile.Read(ref _peakInFlight)) && Interlocked.CompareExchange(ref _peakInFlight, current, peak) != peak)
        {
        }
    }
}
