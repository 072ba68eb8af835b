namespace Bytez.AI.Emulator.Behaviors.Text;

/// <summary>A word of a text with its character offsets (<paramref name="End"/> exclusive).</summary>
internal readonly record struct WordToken(string Text, int Start, int End);
