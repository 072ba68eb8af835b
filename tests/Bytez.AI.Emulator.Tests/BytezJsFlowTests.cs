using System.Diagnostics;
using Bytez.AI.Emulator.Behaviors;

namespace Bytez.AI.Emulator.Tests;

/// <summary>
/// Bytez's own JavaScript SDK (bytez.js 3.0.0, the v2 API) runs its list / run / stream / media flow, unchanged,
/// against a v2-only emulator (<c>eng/bytezjs/flow.mjs</c>). Skipped unless <c>node</c> is on the PATH and bytez.js is
/// installed where <c>eng/bytezjs/run.sh</c> puts it (<c>BYTEZJS_HOME</c>, default <c>$TMPDIR/bytezjs-3.0.0</c>).
/// </summary>
public sealed class BytezJsFlowTests
{
    [BytezJsFact]
    public async Task Bytezjs_3_runs_its_flow_against_the_v2_emulator()
    {
        await using var emulator = await BytezEmulator.StartAsync(new BytezEmulatorOptions
        {
            Api = BytezEmulatorApi.V2,
            Models = [.. DefaultCatalog.Models],
            BehaviorResolver = TaskBehaviors.For,
        });
        var start = new ProcessStartInfo("node", [BytezJs.FlowScript!])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["BYTEZJS_DIR"] = BytezJs.PackageDirectory,
                ["BYTEZ_EMULATOR_URL"] = emulator.Endpoint.AbsoluteUri,
            },
        };

        using var node = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = node.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = node.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await node.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!node.HasExited)
            {
                node.Kill();
            }
        }

        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(node.ExitCode == 0, $"node exited {node.ExitCode}:\n{await output}\n{await errors}");
        Assert.StartsWith("bytez.js 3.0.0", lines[0], StringComparison.Ordinal);
        Assert.Equal(11, lines.Count(l => l.StartsWith("PASS ", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => l.StartsWith("FAIL ", StringComparison.Ordinal));
        Assert.Contains(emulator.RequestLog.Entries, e => e.Kind == EmulatorRequestKind.V2RunStream);
        Assert.Contains(emulator.RequestLog.Entries, e => e.Kind == EmulatorRequestKind.V2Run && e.ProviderKey == "***");
    }

    /// <summary>Skips the test unless node and an installed bytez.js are found.</summary>
    private sealed class BytezJsFactAttribute : FactAttribute
    {
        public BytezJsFactAttribute()
        {
            Skip = BytezJs.WhyUnavailable();
        }
    }

    private static class BytezJs
    {
        public static string PackageDirectory { get; } = Path.Combine(
            Environment.GetEnvironmentVariable("BYTEZJS_HOME") ?? Path.Combine(Path.GetTempPath(), "bytezjs-3.0.0"), "node_modules", "bytez.js");

        public static string? FlowScript { get; } = FindFlowScript();

        public static string? WhyUnavailable()
        {
            if (!OnPath("node"))
            {
                return "node is not on the PATH.";
            }

            if (!File.Exists(Path.Combine(PackageDirectory, "package.json")))
            {
                return $"bytez.js is not installed in {PackageDirectory}: run eng/bytezjs/run.sh once (it needs the npm registry).";
            }

            return FlowScript is null ? "eng/bytezjs/flow.mjs was not found above the test folder." : null;
        }

        private static string? FindFlowScript()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "eng", "bytezjs", "flow.mjs");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }

        private static bool OnPath(string command) =>
            (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Any(dir => File.Exists(Path.Combine(dir, command)) || File.Exists(Path.Combine(dir, command + ".exe")));
    }
}
