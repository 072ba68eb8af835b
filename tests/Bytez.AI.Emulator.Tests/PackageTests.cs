using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Bytez.AI.Emulator.Tests;

/// <summary>
/// The emulator as a package users' tests take: a class library whose public surface is exactly the types below, with
/// no entry point and no <c>Program</c> type, so a test project that references both the user's app and the emulator
/// builds (an ASP.NET Core Exe's generated <c>Program</c> is public and made that CS0433).
/// </summary>
public sealed class PackageTests
{
    private static readonly Assembly Emulator = typeof(BytezEmulator).Assembly;

    /// <summary>The public types; adding one is a decision (update this list and the CHANGELOG), never an accident.</summary>
    private static readonly string[] PublicTypes =
    [
        "Bytez.AI.Emulator.Behaviors.EmulatorInputException",
        "Bytez.AI.Emulator.Behaviors.EmulatorRunRequest",
        "Bytez.AI.Emulator.Behaviors.ITaskBehavior",
        "Bytez.AI.Emulator.BytezEmulator",
        "Bytez.AI.Emulator.BytezEmulatorApi",
        "Bytez.AI.Emulator.BytezEmulatorOptions",
        "Bytez.AI.Emulator.BytezEmulatorRequestLog",
        "Bytez.AI.Emulator.EmulatedInstance",
        "Bytez.AI.Emulator.EmulatedModel",
        "Bytez.AI.Emulator.EmulatorFault",
        "Bytez.AI.Emulator.EmulatorOperation",
        "Bytez.AI.Emulator.EmulatorRequestKind",
        "Bytez.AI.Emulator.EmulatorRequestLogEntry",
        "Bytez.AI.Emulator.ModelScript",
        "Bytez.AI.Emulator.ScriptedResponse",
    ];

    [Fact]
    public void The_public_surface_is_the_emulator_its_options_scripting_faults_request_log_and_behaviour_extension_point()
    {
        string[] exported = [.. Emulator.GetExportedTypes().Select(t => t.FullName!).Order(StringComparer.Ordinal)];

        Assert.Equal(PublicTypes, exported);
    }

    [Fact]
    public void The_library_has_no_entry_point_and_no_Program_type()
    {
        Assert.Null(Emulator.EntryPoint);
        Assert.DoesNotContain(Emulator.GetTypes(), t => t.Name == "Program");
    }

    [Fact]
    public void A_test_project_referencing_the_users_web_app_and_the_emulator_builds_and_a_second_public_Program_would_not()
    {
        // The user's app: an Exe with top-level statements and the public Program the ASP.NET Core generator adds.
        MetadataReference app = CompileExe("UserApp", "System.Console.WriteLine(\"app\");\npublic partial class Program { }");
        const string Tests = "public static class AppTests { public static System.Type App => typeof(Program); public static System.Type Emulator => typeof(Bytez.AI.Emulator.BytezEmulator); }";

        var withEmulator = Compile("UserApp.Tests", Tests, OutputKind.DynamicallyLinkedLibrary, [app]);
        Assert.Empty(withEmulator.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        // The control: a package that ships a public Program (as the emulator Exe did) makes the same project fail.
        MetadataReference exePackage = CompileExe("SomeExePackage", "System.Console.WriteLine(\"package\");\npublic partial class Program { }");
        var withExePackage = Compile("UserApp.Tests", Tests, OutputKind.DynamicallyLinkedLibrary, [app, exePackage]);
        Assert.Contains(withExePackage.GetDiagnostics(), d => d.Id == "CS0433");
    }

    [Fact]
    public void An_exe_that_references_the_emulator_builds()
    {
        var program = Compile(
            "EmulatorConsumer",
            "await using var emulator = await Bytez.AI.Emulator.BytezEmulator.StartAsync();\nSystem.Console.WriteLine(emulator.Endpoint);",
            OutputKind.ConsoleApplication,
            []);

        Assert.Empty(program.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    private static MetadataReference CompileExe(string name, string source)
    {
        using var image = new MemoryStream();
        var result = Compile(name, source, OutputKind.ConsoleApplication, []).Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    /// <summary>Compiles against this test run's assemblies (the framework, ASP.NET Core, the emulator library).</summary>
    private static CSharpCompilation Compile(string name, string source, OutputKind kind, IEnumerable<MetadataReference> extra) =>
        CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            [.. FrameworkAndEmulator.Value, .. extra],
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));

    private static readonly Lazy<List<MetadataReference>> FrameworkAndEmulator = new(() =>
    {
        string tpa = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        return
        [
            .. tpa.Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p) is var f && (f.StartsWith("System.", StringComparison.Ordinal) || f.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || f.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) || f is "netstandard.dll" or "mscorlib.dll" or "Bytez.AI.dll" or "Bytez.AI.Emulator.dll"))
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)),
        ];
    });
}
