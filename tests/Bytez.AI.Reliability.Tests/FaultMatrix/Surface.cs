namespace Bytez.AI.Reliability.Tests.FaultMatrix;

/// <summary>The ways a caller reaches Bytez that the fault matrix exercises.</summary>
public enum Surface
{
    /// <summary><c>BytezModel.LoadAsync</c>; faults hit <c>model/load</c>.</summary>
    Load,

    /// <summary><c>LoadAsync</c> then <c>BytezModel.RunAsync</c> with chat messages; run faults hit <c>model/run</c>.</summary>
    Run,

    /// <summary><c>LoadAsync</c> then <c>BytezModel.RunStreamingAsync</c>; run faults hit the streamed <c>model/run</c>.</summary>
    StreamingRun,
}
