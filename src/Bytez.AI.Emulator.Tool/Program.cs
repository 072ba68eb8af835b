using System.Runtime.InteropServices;

namespace Bytez.AI.Emulator.Tool;

/// <summary>
/// The standalone server: <c>bytez-emulator --port 8080</c> (or <c>dotnet run --project src/Bytez.AI.Emulator.Tool -- --port 8080</c>);
/// serves until Ctrl+C or SIGTERM. An explicit internal class rather than top-level statements, so no public
/// <c>Program</c> type is generated.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var commandLine = EmulatorCommandLine.Parse(args);
        if (commandLine.ShowHelp)
        {
            Console.WriteLine(EmulatorCommandLine.Usage);
            return 0;
        }

        if (commandLine.Error is not null)
        {
            await Console.Error.WriteLineAsync(commandLine.Error).ConfigureAwait(false);
            await Console.Error.WriteLineAsync("Run with --help for usage.").ConfigureAwait(false);
            return 2;
        }

        using var stop = new CancellationTokenSource();
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

        var emulator = await BytezEmulator.StartAsync(commandLine.Options).ConfigureAwait(false);
        await using (emulator.ConfigureAwait(false))
        {
            Console.WriteLine($"Bytez emulator listening on {emulator.Endpoint} (API: {commandLine.Options.Api})");
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM: disposing the emulator stops Kestrel.
            }
        }

        return 0;
    }
}
