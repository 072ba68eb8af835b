using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Bytez.AI.Docs.Tests.Running;

/// <summary>
/// Compiles a snippet program as a console application that references every assembly of this test run (the
/// libraries, Semantic Kernel, hosting, the samples), with nullable checks on and warnings as errors, as the
/// repository's own projects build.
/// </summary>
public static class SnippetCompiler
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(LoadReferences);

    // What the .NET SDK suppresses in every project (CS1701/CS1702: a reference to an older version of an assembly
    // unified with the newer one present, here Semantic Kernel's Microsoft.Extensions.AI 10.5 with the pinned 10.11).
    private static readonly Dictionary<string, ReportDiagnostic> SdkSuppressed = new()
    {
        ["CS1701"] = ReportDiagnostic.Suppress,
        ["CS1702"] = ReportDiagnostic.Suppress,
    };

    /// <summary>Compiles a program.</summary>
    /// <param name="assemblyName">The assembly name.</param>
    /// <param name="source">The program's source.</param>
    /// <returns>The assembly's bytes.</returns>
    /// <exception cref="SnippetCompilationException">The program does not compile (or has a warning).</exception>
    public static byte[] Compile(string assemblyName, string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, SnippetProgram.ParseOptions, path: "snippet.cs", encoding: Encoding.UTF8);
        var options = new CSharpCompilationOptions(
            OutputKind.ConsoleApplication,
            nullableContextOptions: NullableContextOptions.Enable,
            generalDiagnosticOption: ReportDiagnostic.Error,
            specificDiagnosticOptions: SdkSuppressed,
            concurrentBuild: false);
        var compilation = CSharpCompilation.Create(assemblyName, [tree], References.Value, options);

        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (!result.Success || problems.Count > 0)
        {
            throw new SnippetCompilationException(problems.Select(d => d.ToString()).ToList(), source);
        }

        return image.ToArray();
    }

    // Every assembly the runtime of this test run may load (its trusted platform assemblies: the framework, the
    // packages and projects this test project references), plus this test assembly for SnippetHost.
    private static List<MetadataReference> LoadReferences()
    {
        string tpa = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty;
        var paths = tpa.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(typeof(SnippetHost).Assembly.Location)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && File.Exists(p))
            .DistinctBy(p => Path.GetFileName(p), StringComparer.OrdinalIgnoreCase)
            .Where(IsManagedAssembly);
        return [.. paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            _ = AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}

/// <summary>A snippet program did not compile cleanly.</summary>
public sealed class SnippetCompilationException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="SnippetCompilationException"/> class.</summary>
    /// <param name="diagnostics">The errors and warnings, with the Markdown file and line where they are in the block.</param>
    /// <param name="source">The composed program.</param>
    public SnippetCompilationException(IReadOnlyList<string> diagnostics, string source)
        : base(Describe(diagnostics, source))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Gets the diagnostics.</summary>
    public IReadOnlyList<string> Diagnostics { get; }

    private static string Describe(IReadOnlyList<string> diagnostics, string source)
    {
        var text = new StringBuilder("The snippet does not compile cleanly (warnings are errors):\n");
        foreach (string d in diagnostics)
        {
            text.Append("  ").Append(d).Append('\n');
        }

        text.Append("The program it was compiled in (block and wrapper):\n");
        string[] lines = source.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            text.Append((i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(4)).Append(": ").Append(lines[i]).Append('\n');
        }

        return text.ToString();
    }
}
