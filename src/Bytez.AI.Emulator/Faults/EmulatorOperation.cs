namespace Bytez.AI.Emulator;

/// <summary>The kind of call a scripted fault applies to.</summary>
public enum EmulatorOperation
{
    /// <summary>Runs: v1 <c>model/run</c>, v2 <c>models/v2/{id}</c> and the OpenAI-compatible chat endpoint.</summary>
    Run,

    /// <summary><c>model/load</c>.</summary>
    Load,

    /// <summary><c>model/status</c>.</summary>
    Status,

    /// <summary><c>model/delete</c>.</summary>
    Stop,
}
