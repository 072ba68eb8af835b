namespace Bytez.AI.Emulator.Lifecycle;

/// <summary>What a <c>model/load</c> did.</summary>
internal enum LoadOutcome
{
    /// <summary>A new instance started.</summary>
    Started,

    /// <summary>A RUNNING instance already exists (409).</summary>
    AlreadyLoaded,

    /// <summary>An instance is STARTING or INSTANTIATING (429).</summary>
    InProgress,
}
