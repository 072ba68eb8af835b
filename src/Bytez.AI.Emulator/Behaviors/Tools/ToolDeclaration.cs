namespace Bytez.AI.Emulator.Behaviors.Tools;

/// <summary>A tool as an emulated model reads it from its prompt.</summary>
/// <param name="Name">The function name.</param>
/// <param name="Description">The description, or empty.</param>
/// <param name="Parameters">The parameters, in declaration order.</param>
/// <param name="Returns">What the function returns (pythonic <c>Returns:</c> section), or empty.</param>
internal sealed record ToolDeclaration(string Name, string Description, IReadOnlyList<ToolParameter> Parameters, string Returns);
