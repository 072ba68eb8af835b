using Bytez.AI.Emulator;

namespace Bytez.AI.Docs.Tests.Running;

/// <summary>How one Markdown block (by its <c>&lt;!-- snippet: id --&gt;</c> marker) is run and what it must have done.</summary>
/// <param name="Id">The marker's id.</param>
/// <param name="Wrapper">What the block is compiled in (nothing for a complete program).</param>
/// <param name="Verify">Asserts on the run: what the program printed, what it recorded, what the emulator saw.</param>
public sealed record SnippetCheck(string Id, SnippetWrapper Wrapper, Func<SnippetRun, Task> Verify)
{
    /// <summary>Initializes a new instance of the <see cref="SnippetCheck"/> class with a synchronous check.</summary>
    /// <param name="id">The marker's id.</param>
    /// <param name="wrapper">What the block is compiled in.</param>
    /// <param name="verify">Asserts on the run.</param>
    public SnippetCheck(string id, SnippetWrapper wrapper, Action<SnippetRun> verify)
        : this(id, wrapper, run =>
        {
            verify(run);
            return Task.CompletedTask;
        })
    {
    }

    /// <summary>Gets what is done to the run's emulator before the program starts (scripted replies).</summary>
    public Action<BytezEmulator>? Arrange { get; init; }
}

/// <summary>What a snippet run did.</summary>
/// <param name="Output">What the program wrote to the console.</param>
/// <param name="Emulator">The emulator it ran against (still running while the check asserts).</param>
/// <param name="Values">What wrapper code recorded through <see cref="SnippetHost.Record"/>.</param>
public sealed record SnippetRun(string Output, BytezEmulator Emulator, IReadOnlyDictionary<string, object?> Values)
{
    /// <summary>Gets a recorded value.</summary>
    /// <typeparam name="T">Its type.</typeparam>
    /// <param name="name">Its name.</param>
    /// <returns>The value.</returns>
    public T Value<T>(string name) =>
        Values.TryGetValue(name, out object? value) && value is T typed
            ? typed
            : throw new Xunit.Sdk.XunitException($"The run recorded no {typeof(T).Name} named '{name}' (recorded: {string.Join(", ", Values.Keys)}).");
}
