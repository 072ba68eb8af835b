namespace Bytez.AI.Tests.Reliability.FaultMatrix;

/// <summary>The ways a caller reaches Bytez that the fault matrix exercises.</summary>
public enum Surface
{
    /// <summary><c>BytezModel.LoadAsync</c> (the caller stops the instance); faults hit <c>model/load</c>.</summary>
    Load,

    /// <summary>An M.E.AI embedding generator's load on first use (its disposal stops the instance); faults hit <c>model/load</c>.</summary>
    LoadOnFirstUse,

    /// <summary><c>LoadAsync</c> then <c>BytezModel.RunAsync</c> with chat messages; faults hit <c>model/run</c>.</summary>
    Run,

    /// <summary><c>LoadAsync</c> then <c>BytezModel.RunStreamingAsync</c>; faults hit the streamed <c>model/run</c>.</summary>
    StreamingRun,

    /// <summary><c>IChatClient.GetResponseAsync</c>; faults hit <c>model/run</c>.</summary>
    Chat,

    /// <summary><c>IChatClient.GetStreamingResponseAsync</c>; faults hit the streamed <c>model/run</c>.</summary>
    StreamingChat,

    /// <summary><c>IEmbeddingGenerator.GenerateAsync</c> (one input, one run); faults hit <c>model/run</c>.</summary>
    Embeddings,

    /// <summary><c>IImageGenerator.GenerateAsync</c> (one image, one run); faults hit <c>model/run</c>.</summary>
    Image,
}
