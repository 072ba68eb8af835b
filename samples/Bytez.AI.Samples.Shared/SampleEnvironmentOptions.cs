namespace Bytez.AI.Samples;

/// <summary>
/// How <see cref="SampleEnvironment"/> picks its target. Samples use the defaults; smoke tests set
/// <see cref="SampleEnvironment.AmbientOptions"/> so a sample run in-process never inherits the machine's key.
/// </summary>
public sealed class SampleEnvironmentOptions
{
    /// <summary>Gets how environment variables are read (tests pass <c>_ =&gt; null</c>).</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Gets how long each emulated load stage (STARTING, INSTANTIATING) lasts, so progress is visible (v1).</summary>
    public TimeSpan EmulatedLoadStageDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Gets the status poll interval used against the emulator (Bytez itself keeps the client default).</summary>
    public TimeSpan EmulatedLoadPollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Gets the API generation the embedded emulator serves (that one only) and the sample's client speaks. Defaults to
    /// <see cref="BytezApiVersion.V2"/>, Bytez's current serverless API; smoke tests run every sample on
    /// <see cref="BytezApiVersion.V1"/> too. Against Bytez itself the client default (V2) is used.
    /// </summary>
    public BytezApiVersion EmulatedApiVersion { get; init; } = BytezApiVersion.V2;

    /// <summary>Gets a callback run just before the environment is disposed (tests read the instance list here).</summary>
    public Func<SampleEnvironment, Task>? BeforeDispose { get; init; }
}
