using Bytez.AI.Benchmarks.Infrastructure;

namespace Bytez.AI.Benchmarks.Sweeps;

/// <summary>The size-sweep section of the report: starts a fixed-reply server with the sweep models, runs, prints.</summary>
public static class SweepSection
{
    /// <summary>Runs the sweeps and prints their tables.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="sizes">The sizes in KB.</param>
    /// <param name="budget">The measuring budget.</param>
    /// <param name="problems">Receives disagreements.</param>
    /// <returns>The results.</returns>
    public static async Task<IReadOnlyList<SweepPathResult>> RunAsync(TextWriter output, IReadOnlyList<int> sizes, SweepBudget budget, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var server = SweepInputs.StartServer(sizes);
        await using var clients = new SweepClients(server.Endpoint, SweepInputs.StreamChunkChars);
        var results = await SweepRunner.RunAsync(SizeSweeps.All(clients), sizes, budget, problems, output).ConfigureAwait(false);
        output.WriteLine("### Size sweeps (fixed-reply server)");
        output.WriteLine();
        SweepReport.Tables(output, results, sizes);
        SweepReport.Summary(output, results);
        return results;
    }
}
