namespace Bytez.AI.Emulator;

/// <summary>Which generations of the Bytez API an emulator serves (<see cref="BytezEmulatorOptions.Api"/>, <c>--api</c>).</summary>
/// <remarks>
/// A single-generation emulator answers 404 on the other generation's paths, as a server that only speaks one does:
/// a v2-only emulator refuses <c>/model/*</c>, a v1-only one refuses <c>/models/v2/*</c> (the OpenAI-compatible
/// endpoint included, which lives there).
/// </remarks>
[Flags]
public enum BytezEmulatorApi
{
    /// <summary>The legacy <c>/model/*</c> API.</summary>
    V1 = 1,

    /// <summary>The current <c>/models/v2/*</c> API and its OpenAI-compatible endpoint.</summary>
    V2 = 2,

    /// <summary>Both generations (the default).</summary>
    Both = V1 | V2,
}
