using System.Collections.Concurrent;
using System.Reflection;
using Bytez.AI.Emulator;

namespace Bytez.AI.Docs.Tests.Running;

/// <summary>
/// What wrapper code reaches from inside a snippet's program: the emulator of the current run, and a place to record
/// values the check then asserts on. Only wrappers use it; the Markdown never does.
/// </summary>
public static class SnippetHost
{
    private static readonly ConcurrentDictionary<string, object?> RecordedValues = new(StringComparer.Ordinal);
    private static BytezEmulator? s_emulator;

    /// <summary>Gets the emulator of the current run.</summary>
    public static BytezEmulator Emulator => s_emulator ?? throw new InvalidOperationException("No snippet is running.");

    /// <summary>Gets the values recorded by the current run.</summary>
    public static IReadOnlyDictionary<string, object?> Values => RecordedValues;

    /// <summary>Records a value for the check.</summary>
    /// <param name="name">The name the check reads it by.</param>
    /// <param name="value">The value.</param>
    public static void Record(string name, object? value) => RecordedValues[name] = value;

    /// <summary>Runs every <c>[Fact]</c> method of the program's public types, as xunit would (new instance, then dispose).</summary>
    /// <param name="program">The snippet's assembly.</param>
    /// <returns>A task that completes when every fact has passed; the first failure is thrown.</returns>
    public static async Task RunFactsAsync(Assembly program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var facts = program.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance).Select(m => (Type: t, Method: m)))
            .Where(x => x.Method.GetCustomAttribute<FactAttribute>() is not null)
            .ToList();
        foreach (var (type, method) in facts)
        {
            object instance = Activator.CreateInstance(type)!;
            try
            {
                if (method.Invoke(instance, null) is Task task)
                {
                    await task;
                }
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                throw ex.InnerException;
            }
            finally
            {
                if (instance is IAsyncDisposable asyncDisposable)
                {
                    await asyncDisposable.DisposeAsync();
                }
                else if (instance is IDisposable disposable)
                {
                    disposable.Dispose();
                }
            }

            Record("fact:" + type.Name + "." + method.Name, true);
        }
    }

    internal static void Begin(BytezEmulator emulator)
    {
        RecordedValues.Clear();
        s_emulator = emulator;
    }

    internal static void End() => s_emulator = null;
}
