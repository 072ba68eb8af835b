using System.Text;
using Bytez.AI.Emulator;
using Xunit.Abstractions;

namespace Bytez.AI.Tests.Reliability.FaultMatrix;

/// <summary>docs/reliability.md shows the matrices these tests enforce (v1 every surface, v2 the run surfaces), cell for cell.</summary>
public sealed class MatrixDocumentationTests(ITestOutputHelper output)
{
    public static string RenderTable(BytezApiVersion apiVersion = BytezApiVersion.V1)
    {
        var surfaces = Expectation.Surfaces(apiVersion).ToList();
        var table = new StringBuilder();
        table.Append("| Fault |");
        foreach (var surface in surfaces)
        {
            table.Append(' ').Append(surface).Append(" |");
        }

        table.Append('\n').Append("|---|");
        foreach (var _ in surfaces)
        {
            table.Append("---|");
        }

        table.Append('\n');
        foreach (var fault in Enum.GetValues<EmulatorFault>())
        {
            table.Append("| ").Append(fault).Append(" |");
            foreach (var surface in surfaces)
            {
                var expected = Expectation.For(fault, surface, apiVersion);
                table.Append(' ').Append(expected.Outcome).Append(" (").Append(expected.Requests).Append(") |");
            }

            table.Append('\n');
        }

        return table.ToString();
    }

    [Theory]
    [BothApiVersions]
    public void The_documented_matrix_is_the_tested_one(BytezApiVersion apiVersion)
    {
        var table = RenderTable(apiVersion);
        output.WriteLine(table);

        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "reliability.md")).ReplaceLineEndings("\n");

        Assert.Contains(table, docs, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Bytez.AI.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Bytez.AI.sln not found above " + AppContext.BaseDirectory);
    }
}
