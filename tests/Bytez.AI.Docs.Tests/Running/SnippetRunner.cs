using System.Reflection;
using Bytez.AI.Docs.Tests.Markdown;

namespace Bytez.AI.Docs.Tests.Running;

/// <summary>
/// Runs a block: composes and compiles it with its wrapper, starts a fresh emulator (millisecond delays), sets the
/// wrapper's environment, runs the program in this process with the console captured, then lets the check assert
/// while the emulator still runs.
/// </summary>
public static class SnippetRunner
{
    /// <summary>The longest a program may run: long enough for a busy CI machine, short enough to fail a hang.</summary>
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Runs a block and checks it.</summary>
    /// <param name="block">The block.</param>
    /// <param name="check">Its check.</param>
    /// <returns>A task that completes when the check has passed.</returns>
    public static async Task RunAndVerifyAsync(CodeBlock block, SnippetCheck check)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(check);

        string source = SnippetProgram.Compose(block, check.Wrapper);
        byte[] image = SnippetCompiler.Compile("Snippet." + check.Id, source);
        Assembly program = Assembly.Load(image);

        await using var emulator = await EmulatorFixture.StartEmulatorAsync();
        check.Arrange?.Invoke(emulator);
        var environment = check.Wrapper.Environment?.Invoke(emulator) ?? new Dictionary<string, string?>();
        var previous = environment.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        var output = new StringWriter();
        TextWriter console = Console.Out;

        SnippetHost.Begin(emulator);
        foreach (var (name, value) in environment)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        Console.SetOut(TextWriter.Synchronized(output));
        try
        {
            await Task.Run(() => RunMainAsync(program)).WaitAsync(RunTimeout);
        }
        catch (Exception ex)
        {
            throw new SnippetRunException($"{check.Id} ({block.Location}) failed: {ex.GetType().Name}: {ex.Message}\nIt printed:\n{output}\nWrapper: {check.Wrapper.Provides}", ex);
        }
        finally
        {
            Console.SetOut(console);
            foreach (var (name, value) in previous)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            SnippetHost.End();
        }

        await check.Verify(new SnippetRun(output.ToString(), emulator, new Dictionary<string, object?>(SnippetHost.Values)));
    }

    // Top-level statements compile to Program.<Main>$ (returning a Task when they await); invoking it directly lets the
    // run be awaited instead of blocking a thread in the synthesized synchronous entry point.
    private static async Task RunMainAsync(Assembly program)
    {
        MethodInfo main = program.GetType("Program")?.GetMethod("<Main>$", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            ?? program.EntryPoint
            ?? throw new InvalidOperationException("The snippet program has no entry point.");
        try
        {
            object? result = main.Invoke(null, [Array.Empty<string>()]);
            if (result is Task task)
            {
                await task;
            }
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
        }
    }
}

/// <summary>A snippet program threw.</summary>
/// <param name="message">Which block, what it printed and what its wrapper provides.</param>
/// <param name="inner">What it threw.</param>
public sealed class SnippetRunException(string message, Exception inner) : Exception(message, inner);
