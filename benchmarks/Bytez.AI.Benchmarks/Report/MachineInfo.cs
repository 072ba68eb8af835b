using System.Runtime;
using System.Runtime.InteropServices;
using static Bytez.AI.Benchmarks.Infrastructure.Units;

namespace Bytez.AI.Benchmarks.Report;

/// <summary>The machine and runtime facts printed at the top of a report.</summary>
public static class MachineInfo
{
    /// <summary>Prints the machine table.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="command">The command that produced the report.</param>
    public static void Print(TextWriter output, string command)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("| | |");
        output.WriteLine("| --- | --- |");
        output.WriteLine($"| Started | {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss} UTC |");
        output.WriteLine(Invariant($"| Processors | {Environment.ProcessorCount} (Environment.ProcessorCount), {CpuModel()} |"));
        output.WriteLine($"| Memory | {MemTotal()} |");
        output.WriteLine($"| OS | {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}) |");
        output.WriteLine($"| .NET | {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.RuntimeIdentifier}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC (latency mode {GCSettings.LatencyMode}) |");
        output.WriteLine($"| Load average at start | {LoadAverage()} (1, 5, 15 minutes; the machine is shared) |");
        output.WriteLine($"| Command | `{command}` |");
        output.WriteLine();
    }

    /// <summary>Gets <c>/proc/loadavg</c>'s three averages, or "unknown".</summary>
    /// <returns>The load averages.</returns>
    public static string LoadAverage() => Read("/proc/loadavg") is { } text ? string.Join(", ", text.Split(' ').Take(3)) : "unknown";

    private static string CpuModel()
    {
        var line = ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line is null ? "CPU model unknown" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    private static string MemTotal()
    {
        var line = ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return line is not null && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], out var kb)
            ? Invariant($"{kb / 1024.0 / 1024.0:0.0} GiB")
            : "unknown";
    }

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static IEnumerable<string> ReadLines(string path) => Read(path)?.Split('\n') ?? [];
}
