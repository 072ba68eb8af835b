namespace Bytez.AI.Http;

/// <summary>
/// Bounds each read of a response body by <see cref="BytezClientOptions.StreamIdleTimeout"/>: once a response has
/// started, <see cref="HttpClient.Timeout"/> no longer applies, so without this a server that stops sending (but keeps
/// the connection open) would hold the reader forever. The timer runs only while a read waits, never while the caller
/// is busy with what was read.
/// </summary>
internal sealed class StreamIdleGuard : IDisposable
{
    private readonly CancellationToken _cancellationToken;
    private readonly CancellationTokenSource? _idle;
    private readonly CancellationTokenSource? _linked;

    /// <summary>Initializes a new instance of the <see cref="StreamIdleGuard"/> class.</summary>
    /// <param name="idleTimeout">The longest wait for one read; <see cref="Timeout.InfiniteTimeSpan"/> waits forever.</param>
    /// <param name="timeProvider">The clock of the timer.</param>
    /// <param name="cancellationToken">The caller's token, which every read also observes.</param>
    public StreamIdleGuard(TimeSpan idleTimeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        IdleTimeout = idleTimeout;
        _cancellationToken = cancellationToken;
        if (Timeouts.IsFinite(idleTimeout))
        {
            _idle = new CancellationTokenSource(Timeout.InfiniteTimeSpan, timeProvider);
            _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _idle.Token);
        }
    }

    /// <summary>Gets the longest wait for one read.</summary>
    public TimeSpan IdleTimeout { get; }

    /// <summary>Reads once from <paramref name="stream"/>, waiting at most <see cref="IdleTimeout"/> for data.</summary>
    /// <param name="stream">The body stream.</param>
    /// <param name="buffer">Where to read.</param>
    /// <returns>The number of bytes read; 0 at the end of the body.</returns>
    /// <exception cref="StreamIdleException">No data arrived in time (the read was aborted).</exception>
    /// <exception cref="OperationCanceledException">The caller's token was cancelled.</exception>
    public async ValueTask<int> ReadAsync(Stream stream, Memory<byte> buffer)
    {
        if (_idle is null)
        {
            return await stream.ReadAsync(buffer, _cancellationToken).ConfigureAwait(false);
        }

        _idle.CancelAfter(IdleTimeout);
        try
        {
            return await stream.ReadAsync(buffer, _linked!.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (_idle.IsCancellationRequested && !_cancellationToken.IsCancellationRequested
            && ex is OperationCanceledException or IOException or HttpRequestException or ObjectDisposedException)
        {
            throw new StreamIdleException(IdleTimeout, ex);
        }
        finally
        {
            if (!_idle.IsCancellationRequested)
            {
                // Stopped while the caller works on what was read: only waiting for the server counts.
                _idle.CancelAfter(Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _linked?.Dispose();
        _idle?.Dispose();
    }
}
