using System.Text.Json.Nodes;

namespace Bytez.AI.Emulator.Behaviors.Tools;

/// <summary>One argument of a <see cref="PlannedCall"/>: a literal JSON value, or the result of another call.</summary>
/// <param name="Name">The parameter name.</param>
/// <param name="Value">The literal value (null when <paramref name="Call"/> is set, or for JSON null).</param>
/// <param name="Call">The call whose result is the value, or null.</param>
internal sealed record PlannedArgument(string Name, JsonNode? Value, PlannedCall? Call = null);
