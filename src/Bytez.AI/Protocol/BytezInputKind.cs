namespace Bytez.AI;

/// <summary>How a <see cref="BytezInput"/> is put into the run body.</summary>
internal enum BytezInputKind
{
    /// <summary>No input member (parameters only).</summary>
    None,

    /// <summary><c>"input": "&lt;text&gt;"</c>.</summary>
    Text,

    /// <summary><c>"input": [{"role", "content"}, ...]</c>.</summary>
    Messages,

    /// <summary>Members merged into the top level of the body.</summary>
    Object,

    /// <summary>Any other JSON value sent as <c>input</c>.</summary>
    Value,
}
