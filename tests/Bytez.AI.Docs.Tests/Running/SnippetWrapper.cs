using Bytez.AI.Emulator;

namespace Bytez.AI.Docs.Tests.Running;

/// <summary>
/// How a Markdown block becomes a program: what the wrapper puts before and after the block's statements, the types it
/// adds, and the environment variables it sets for the run. A complete program needs nothing; a fragment gets here
/// what it uses without declaring (such as <c>client</c>). Each wrapper says what it provides in <see cref="Provides"/>.
/// </summary>
/// <param name="Provides">What the wrapper gives the block, in words (shown when a block fails).</param>
public sealed record SnippetWrapper(string Provides)
{
    /// <summary>The placeholder in <see cref="Types"/> that a block of class members (<see cref="BlockIsMembers"/>) replaces.</summary>
    public const string MembersPlaceholder = "{{members}}";

    /// <summary>Gets the namespaces the wrapper imports, before the block's own using directives.</summary>
    public IReadOnlyList<string> Usings { get; init; } = [];

    /// <summary>Gets the statements that run before the block's statements (they may declare what the block uses).</summary>
    public string Before { get; init; } = string.Empty;

    /// <summary>Gets the statements that run after the block's (to use or report what it made).</summary>
    public string After { get; init; } = string.Empty;

    /// <summary>Gets the type declarations the wrapper adds.</summary>
    public string Types { get; init; } = string.Empty;

    /// <summary>Gets a value indicating whether the block is class members, placed in <see cref="Types"/> at <see cref="MembersPlaceholder"/>.</summary>
    public bool BlockIsMembers { get; init; }

    /// <summary>Gets the environment variables set during the run (a null value removes one), from the run's emulator.</summary>
    public Func<BytezEmulator, IReadOnlyDictionary<string, string?>>? Environment { get; init; }
}
