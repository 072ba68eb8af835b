using System.Diagnostics;

namespace Bytez.AI.Benchmarks.Measurements;

/// <summary>
/// Runs one chat path (<see cref="ChatPaths.Names"/>) in a loop, for a profiler to attach to (<c>perf record -p</c>,
/// <c>dotnet-trace collect -p</c>): <c>-- --profile chat 20</c>. Prints calls per second and bytes allocated per call;
/// it is a tool for finding where time goes, not a measurement for the report (for one, see <see cref="PathComparison"/>).
/// </summary>
public static class ProfileLoop
{
    /// <summary>Runs the loop.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="path">One of <see cref="ChatPaths.Names"/>.</param>
    /// <param name="seconds">How long.</param>
    /// <returns>A task.</returns>
    public static async Task RunAsync(TextWriter output, string path, double seconds)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var paths = await ChatPaths.StartAsync().ConfigureAwait(false);
        Func<Task<string>> call = paths.Get(path);

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
