using System.Text.Json.Nodes;

namespace Bytez.AI.Emulator.Behaviors.Tools;

/// <summary>An emulated tool model's next turn: calls to make, or a final answer.</summary>
/// <param name="Calls">The calls (name and literal arguments), or null for an answer.</param>
/// <param name="Answer">The answer quoting the tool results, or null for calls.</param>
internal sealed record ToolTurn(IReadOnlyList<(string Name, JsonObject Arguments)>? Calls, string? Answer);
