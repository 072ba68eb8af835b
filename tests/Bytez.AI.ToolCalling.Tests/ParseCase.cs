namespace Bytez.AI.ToolCalling.Tests;

/// <summary>One row of the tool-calling.md case table for one format.</summary>
/// <param name="Format">The format name.</param>
/// <param name="Name">The case (number and short name).</param>
/// <param name="Text">The model output.</param>
/// <param name="Expected">The expected <see cref="ContentDescriber.Describe"/> string.</param>
/// <param name="Finish">The expected finish reason value (null for none).</param>
/// <param name="Lenient">The LenientJson option.</param>
internal sealed record ParseCase(string Format, string Name, string Text, string Expected, string? Finish, bool Lenient = true);
