namespace Bytez.AI.Emulator.Scripting;

/// <summary>One queued script entry, used up once per matching call unless made persistent.</summary>
internal sealed class ScriptStep
{
    /// <summary>The remaining uses; <see cref="Forever"/> never runs out.</summary>
    public const int Forever = -1;

    public ScriptStep(ScriptedResponse? response = null, EmulatorFault? fault = null, TimeSpan? delay = null, string? loadError = null)
    {
        Response = response;
        Fault = fault;
        Delay = delay;
        LoadError = loadError;
    }

    /// <summary>Gets the scripted answer, if this step is one.</summary>
    public ScriptedResponse? Response { get; }

    /// <summary>Gets the fault, if this step is one.</summary>
    public EmulatorFault? Fault { get; }

    /// <summary>Gets the delay, if this step is one.</summary>
    public TimeSpan? Delay { get; }

    /// <summary>Gets the FAILED reason of a load-side failure.</summary>
    public string? LoadError { get; }

    /// <summary>Gets or sets the remaining uses.</summary>
    public int Remaining { get; set; } = 1;
}
