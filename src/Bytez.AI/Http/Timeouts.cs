namespace Bytez.AI.Http;

/// <summary>Helpers for the timeouts the client puts on timers (load deadline, stream idle timeout).</summary>
internal static class Timeouts
{
    /// <summary>
    /// Gets whether a timeout can be put on a timer: not <see cref="Timeout.InfiniteTimeSpan"/>, and within what a timer
    /// accepts (about 49 days); a longer one is as good as infinite.
    /// </summary>
    /// <param name="timeout">The timeout.</param>
    /// <returns>True when a timer should enforce it.</returns>
    public static bool IsFinite(TimeSpan timeout) =>
        timeout != Timeout.InfiniteTimeSpan && timeout.TotalMilliseconds <= uint.MaxValue - 1;
}
