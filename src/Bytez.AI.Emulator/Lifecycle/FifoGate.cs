namespace Bytez.AI.Emulator.Lifecycle;

/// <summary>An async semaphore that admits waiters strictly first-in, first-out (runs queue behind an instance's concurrency).</summary>
internal sealed class FifoGate
{
    private readonly Lock _sync = new();
    private readonly LinkedList<TaskCompletionSource> _waiters = new();
    private int _available;

    public FifoGate(int slots) => _available = slots;

    /// <summary>Gets how many callers are queued (tests use it to order their requests without sleeping).</summary>
    public int WaitingCount
    {
        get
        {
            lock (_sync)
            {
                return _waiters.Count;
            }
        }
    }

    public async Task EnterAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        LinkedListNode<TaskCompletionSource> node;
        lock (_sync)
        {
            if (_available > 0 && _waiters.Count == 0)
            {
                _available--;
                return;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            node = _waiters.AddLast(waiter);
        }

        using (cancellationToken.Register(() =>
        {
            lock (_sync)
            {
                if (node.List is not null)
                {
                    _waiters.Remove(node);
                    waiter.TrySetCanceled(cancellationToken);
                }
            }
        }))
        {
            await waiter.Task;
        }
    }

    public void Release()
    {
        lock (_sync)
        {
            var next = _waiters.First;
            if (next is null)
            {
                _available++;
                return;
            }

            _waiters.RemoveFirst();
            next.Value.TrySetResult();
        }
    }
}
