using System.Diagnostics;
using Bytez.AI.Benchmarks.Scenarios;

namespace Bytez.AI.Benchmarks.Measurements;

/// <summary>
/// Bytes allocated per call by the client alone. BenchmarkDotNet's Allocated column counts the whole process, which
/// with an in-process emulator includes Kestrel and the emulator answering; here the emulator runs in a child process
/// (<c>--serve</c>), so the process-wide allocation counter sees only the client path.
/// </summary>
public static class ClientAllocations
{
    /// <summary>Measures bytes per call for each chat path against an emulator in another process.</summary>
    /// <param name="calls">Measured calls per path (after 20 warm-up calls).</param>
    /// <returns>Bytes per call per path.</returns>
    public static async Task<IReadOnlyList<(string Path, long BytesPerCall)>> MeasureAsync(int calls = 200)
    {
        using var server = await ChildEmulator.StartAsync().ConfigureAwait(false);
        await using var clients = await BenchClients.CreateAsync(server.Endpoint).ConfigureAwait(false);
        var paths = new (string Name, Func<Task> Call)[]
        {
            ("Chat: raw HttpClient", clients.RawChatAsync),
            ("Chat: protocol RunAsync", clients.ProtocolChatAsync),
            ("Chat: Bytez IChatClient", clients.ChatClientAsync),
            ("Chat: OpenAI IChatClient", clients.OpenAIChatAsync),
            ("Stream: raw HttpClient", () => clients.RawStreamAsync()),
            ("Stream: protocol RunStreamingAsync", () => clients.ProtocolStreamAsync()),
            ("Stream: Bytez IChatClient", () => clients.ChatClientStreamAsync()),
            ("Stream: OpenAI IChatClient", () => clients.OpenAIStreamAsync()),
        };

        var results = new List<(string, long)>();
        foreach (var (name, call) in paths)
        {
            for (var i = 0; i < 20; i++)
            {
                await call().ConfigureAwait(false);
            }

            var before = GC.GetTotalAllocatedBytes(precise: true);
            for (var i = 0; i < calls; i++)
            {
                await call().ConfigureAwait(false);
            }

            results.Add((name, (GC.GetTotalAllocatedBytes(precise: true) - before) / calls));
        }

        return results;
    }

    /// <summary>The benchmark executable itself, started with <c>--serve</c>, hosting the emulator.</summary>
    private sealed class ChildEmulator : IDisposable
    {
        private readonly Process _process;

        private ChildEmulator(Process process, Uri endpoint)
        {
            _process = process;
            Endpoint = endpoint;
        }

        public Uri Endpoint { get; }

        public static async Task<ChildEmulator> StartAsync()
        {
            var start = new ProcessStartInfo { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
            var host = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
            start.FileName = host;
            if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            {
                start.ArgumentList.Add(typeof(ClientAllocations).Assembly.Location);
            }

            start.ArgumentList.Add("--serve");
            var process = Process.Start(start) ?? throw new InvalidOperationException("The emulator process did not start.");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false) is { } line)
            {
                if (line.StartsWith("listening ", StringComparison.Ordinal))
                {
                    return new ChildEmulator(process, new Uri(line["listening ".Length..]));
                }
            }

            process.Kill();
            process.Dispose();
            throw new InvalidOperationException("The emulator process ended before it listened.");
        }

        public void Dispose()
        {
            // Closing its standard input tells the child to stop; kill it if it does not.
            _process.StandardInput.Close();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                _process.Kill();
            }

            _process.Dispose();
        }
    }
}
