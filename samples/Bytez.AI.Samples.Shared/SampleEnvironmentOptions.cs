namespace Bytez.AI.Samples;

/// <summary>
/// How <see cref="SampleEnvironment"/> picks its target. Samples use the defaults; smoke tests set
/// <see cref="SampleEnvironment.AmbientOptions"/> so a sample run in-process never inherits the machine's key.
/// </summary>
public sealed class SampleEnvironmentOptions
{
    /// <summary>Gets how environment variables are read (tests pass <c>_ =&gt; null</c>).</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Gets how long each emulated load stage (STARTING, INSTANTIATING) lasts, so progress is visible.</summary>
    public TimeSpan EmulatedLoadStageDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Gets the status poll interval used against the emulator (Bytez itself keeps the client default).</summary>
    public TimeSpan EmulatedLoadPollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Gets the API generation the sample's client speaks to the embedded emulator. For now <see cref="BytezApiVersion.V1"/>:
    /// the samples show the v1 instance lifecycle until the adapters' v2 behaviour lands (issue 11, phase 2), which makes
    /// v2 the default here too. Against Bytez itself the client default (<see cref="BytezApiVersion.V2"/>) is used.
    /// </summary>
    public BytezApiVersion EmulatedApiVersion { get; init; } = BytezApiVersion.V1;

    /// <summary>Gets a callback run just before the environment is disposed (tests read the instance list here).</summary>
    public Func<SampleEnvironment, Task>? BeforeDispose { get; init; }
}
