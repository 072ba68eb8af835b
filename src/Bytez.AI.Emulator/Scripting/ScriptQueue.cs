namespace Bytez.AI.Emulator.Scripting;

/// <summary>A FIFO of script steps whose head is used up one call at a time (persistent steps stay).</summary>
internal sealed class ScriptQueue
{
    private readonly LinkedList<ScriptStep> _steps = new();

    public void Add(ScriptStep step) => _steps.AddLast(step);

    public void Clear() => _steps.Clear();

    public ScriptStep? Peek() => _steps.First?.Value;

    public ScriptStep? Take()
    {
        var head = _steps.First;
        if (head is null)
        {
            return null;
        }

        var step = head.Value;
        if (step.Remaining != ScriptStep.Forever && --step.Remaining <= 0)
        {
            _steps.RemoveFirst();
        }

        return step;
    }
}
