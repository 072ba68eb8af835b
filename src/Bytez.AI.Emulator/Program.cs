using System.Runtime.InteropServices;
using Bytez.AI.Emulator;
using Bytez.AI.Emulator.Standalone;

// Standalone server: `dotnet run --project src/Bytez.AI.Emulator -- --port 8080`; serves until Ctrl+C or SIGTERM.
var commandLine = EmulatorCommandLine.Parse(args);
if (commandLine.ShowHelp)
{
    Console.WriteLine(EmulatorCommandLine.Usage);
    return 0;
}

if (commandLine.Error is not null)
{
    Console.Error.WriteLine(commandLine.Error);
    Console.Error.WriteLine("Run with --help for usage.");
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

await using var emulator = await BytezEmulator.StartAsync(commandLine.Options);
Console.WriteLine($"Bytez emulator listening on {emulator.Endpoint} (API: {commandLine.Options.Api})");
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    // Ctrl+C or SIGTERM: dispose stops Kestrel.
}

return 0;
