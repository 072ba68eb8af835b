using System.Collections.Concurrent;

namespace Bytez.AI.Tests.Reliability.Infrastructure;

/// <summary>Collects unobserved task exceptions (process-wide) so tests can assert there were none.</summary>
internal static class UnobservedExceptions
{
    private static readonly ConcurrentQueue<Exception> Seen = new();

    static UnobservedExceptions() => TaskScheduler.UnobservedTaskException += (_, e) => Seen.Enqueue(e.Exception);

    /// <summary>Makes sure the handler is subscribed.</summary>
    public static void Watch()
    {
        // Touching the type runs the static constructor.
    }

    /// <summary>Collects garbage so that faulted, unobserved tasks are finalized, then returns what was reported.</summary>
    public static IReadOnlyList<Exception> Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return [.. Seen];
    }
}
