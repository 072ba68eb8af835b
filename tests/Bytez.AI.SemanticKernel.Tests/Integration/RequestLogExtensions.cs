using Bytez.AI.Emulator;

namespace Bytez.AI.SemanticKernel.Tests.Integration;

/// <summary>
/// The emulator records an entry after it has written the response, so a client can see the answer before the log
/// does. These helpers wait for the log to catch up (never asserting on time) and then let the test assert exactly.
/// </summary>
internal static class RequestLogExtensions
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(10);

    /// <summary>Waits until <paramref name="count"/> reaches <paramref name="expected"/> (or patience runs out) and returns it.</summary>
    public static async Task<int> CountWhenSettledAsync(this BytezEmulatorRequestLog log, Func<BytezEmulatorRequestLog, int> count, int expected)
    {
        var deadline = DateTime.UtcNow + s_patience;
        int value;
        while ((value = count(log)) < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        return value;
    }

    /// <summary>Waits until at least one entry matches and returns the matching entries.</summary>
    public static async Task<IReadOnlyList<EmulatorRequestLogEntry>> EntriesWhenSettledAsync(this BytezEmulatorRequestLog log, Func<EmulatorRequestLogEntry, bool> predicate)
    {
        await log.CountWhenSettledAsync(l => l.Entries.Count(predicate), 1);
        return [.. log.Entries.Where(predicate)];
    }
}
