namespace Bytez.AI.Samples;

/// <summary>Runs a sample's entry point on the console, cancelling it cleanly on Ctrl+C.</summary>
public static class SampleConsole
{
    /// <summary>Runs <paramref name="sample"/> with the console as output.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="sample">The sample's <c>RunAsync</c>.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string[] args, Func<string[], TextWriter, CancellationToken, Task<int>> sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // Let the sample stop the instances it started instead of dying mid-way.
            e.Cancel = true;
            cancellation.Cancel();
        };
        return await sample(args, Console.Out, cancellation.Token);
    }

    /// <summary>Runs a sample body, turning failures into a clear message and a non-zero exit code.</summary>
    /// <param name="name">The sample name, for the messages.</param>
    /// <param name="output">Where to print.</param>
    /// <param name="body">The sample body.</param>
    /// <returns>0 on success, 1 on failure, 2 when cancelled.</returns>
    public static async Task<int> GuardAsync(string name, TextWriter output, Func<Task> body)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            await body();
            output.WriteLine($"{name} finished.");
            return 0;
        }
        catch (OperationCanceledException)
        {
            output.WriteLine($"{name} cancelled.");
            return 2;
        }
#pragma warning disable CA1031 // A sample's last line of defence: report any failure and exit non-zero.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            output.WriteLine($"{name} failed: {ex.GetType().Name}: {ex.Message}");
            return 1;
        }
    }
}
