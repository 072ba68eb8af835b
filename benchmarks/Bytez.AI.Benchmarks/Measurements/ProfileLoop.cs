using System.Diagnostics;
using Bytez.AI.Benchmarks.Infrastructure;
using Bytez.AI.Benchmarks.Scenarios;

namespace Bytez.AI.Benchmarks.Measurements;

/// <summary>
/// Runs one chat path in a loop against the fixed-reply server (API v2), for a profiler to attach to
/// (<c>dotnet-trace collect -p</c>, <c>dotnet-counters</c>): <c>-- --profile chat 20</c>. Prints calls per second and
/// bytes allocated per call; it is a tool for finding where time goes, not a measurement for the report.
/// </summary>
public static class ProfileLoop
{
    /// <summary>The paths it can loop.</summary>
    public static readonly string[] Paths = ["raw", "protocol", "protocol-noretry", "chat", "raw-v1", "protocol-v1", "chat-v1", "raw-memory", "protocol-memory", "chat-memory"];

    /// <summary>Runs the loop.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="path">One of <see cref="Paths"/>.</param>
    /// <param name="seconds">How long.</param>
    /// <returns>A task.</returns>
    public static async Task RunAsync(TextWriter output, string path, double seconds)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var server = FixedBench.Start();
        // "-v1": the same socket path on API v1 (its own raw floor, protocol client and IChatClient).
        bool v1 = path.EndsWith("-v1", StringComparison.Ordinal);
        await using var clients = await BenchClients.CreateAsync(server.Endpoint, apiVersion: v1 ? BytezApiVersion.V1 : BytezApiVersion.V2).ConfigureAwait(false);
        await using var memory = new InMemoryChat();
        Func<Task<string>> call = (v1 ? path[..^3] : path) switch
        {
            "raw" => clients.RawChatAsync,
            "protocol" => clients.ProtocolChatAsync,
            "protocol-noretry" when !v1 => clients.ProtocolChatNoRetryAsync,
            "chat" => clients.ChatClientAsync,
            "raw-memory" when !v1 => memory.RawAsync,
            "protocol-memory" when !v1 => memory.ProtocolAsync,
            "chat-memory" when !v1 => memory.ChatClientAsync,
            _ => throw new ArgumentException($"Unknown path '{path}'; one of {string.Join(", ", Paths)}.", nameof(path)),
        };

        output.WriteLine($"pid {Environment.ProcessId}: {path} for {seconds} s");
        var until = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var allocated = GC.GetTotalAllocatedBytes(true);
        var cpu = Environment.CpuUsage.TotalTime;
        var started = Stopwatch.GetTimestamp();
        long calls = 0;
        while (Stopwatch.GetTimestamp() < until)
        {
            for (var i = 0; i < 100; i++)
            {
                _ = await call().ConfigureAwait(false);
            }

            calls += 100;
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        output.WriteLine(FormattableString.Invariant(
            $"{calls} calls, {elapsed.TotalMicroseconds / calls:F1} µs wall, {(Environment.CpuUsage.TotalTime - cpu).TotalMicroseconds / calls:F1} µs CPU, {(GC.GetTotalAllocatedBytes(true) - allocated) / calls} B per call"));
    }
}
