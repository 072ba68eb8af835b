namespace Bytez.AI.Emulator.Behaviors.Tools;

/// <summary>One assistant turn of calls since the question, and the results that came back for them, in call order.</summary>
internal sealed class ToolRound
{
    public List<RecordedCall> Calls { get; } = [];

    public List<string> Results { get; } = [];
}
