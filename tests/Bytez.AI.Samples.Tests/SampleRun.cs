using Bytez.AI.Emulator;
using Bytez.AI.Samples;

namespace Bytez.AI.Samples.Tests;

/// <summary>The outcome of one in-process sample run.</summary>
/// <param name="ApiVersion">The API generation the emulator served (that one only) and the sample spoke.</param>
/// <param name="ExitCode">What RunAsync returned.</param>
/// <param name="Output">Everything the sample printed.</param>
/// <param name="InstancesLeftRunning">The instances listed just before the sample disposed the emulator (null if never read).</param>
/// <param name="Loads">The instances the emulator started for the sample.</param>
/// <param name="Stops">The stop requests (<c>model/delete</c>) the sample sent.</param>
/// <param name="RunBodies">The bodies of the runs (streamed or not, either generation) the sample sent, oldest first.</param>
internal sealed record SampleRun(BytezApiVersion ApiVersion, int ExitCode, string Output, int? InstancesLeftRunning, int Loads, int Stops, IReadOnlyList<string> RunBodies)
{
    /// <summary>Runs a sample against a fresh embedded emulator serving one generation, never with the machine's BYTEZ_API_KEY.</summary>
    public static async Task<SampleRun> StartAsync(BytezApiVersion api, Func<string[], TextWriter, CancellationToken, Task<int>> sample, params string[] args)
    {
        using var text = new StringWriter();
        var output = TextWriter.Synchronized(text);
        int? running = null;
        int loads = 0, stops = 0;
        IReadOnlyList<string> runBodies = [];
        SampleEnvironment.AmbientOptions = new SampleEnvironmentOptions
        {
            // The test must not reach Bytez even where a developer has a key set, nor follow their BYTEZ_API_VERSION.
            GetEnvironmentVariable = _ => null,
            EmulatedApiVersion = api,
            EmulatedLoadStageDelay = TimeSpan.FromMilliseconds(5),
            EmulatedLoadPollInterval = TimeSpan.FromMilliseconds(5),
            BeforeDispose = async environment =>
            {
                Assert.True(environment.IsEmulated);
                Assert.Equal(api, environment.Client.ApiVersion);
                running = api == BytezApiVersion.V1 ? (await environment.Client.ListInstancesAsync()).Count : null;
                loads = environment.Emulator!.RequestLog.InstancesStarted;
                stops = environment.Emulator.RequestLog.StopCount();
                runBodies = [.. environment.Emulator.RequestLog.Entries
                    .Where(e => e.Kind is EmulatorRequestKind.Run or EmulatorRequestKind.RunStream or EmulatorRequestKind.V2Run or EmulatorRequestKind.V2RunStream)
                    .Select(e => e.Body)];
            },
        };

        // A safety net so a hung sample fails the test instead of the CI run; not an assertion on speed.
        using var hang = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var exitCode = await sample(args, output, hang.Token);
        SampleEnvironment.AmbientOptions = null;
        return new SampleRun(api, exitCode, text.ToString(), running, loads, stops, runBodies);
    }

    /// <summary>
    /// Asserts success, that the sample said which generation it speaks, and its lifecycle: on v1 every instance it
    /// started was stopped; on the serverless v2 it loaded and stopped nothing.
    /// </summary>
    public void AssertSucceededAndStoppedEverything()
    {
        Assert.True(ExitCode == 0, $"Exit code {ExitCode}. Output:\n{Output}");
        Assert.Contains($"Using the embedded Bytez emulator at http://127.0.0.1:", Output, StringComparison.Ordinal);
        Assert.Contains($"(API {ApiVersion}; set BYTEZ_API_KEY to use Bytez)", Output, StringComparison.Ordinal);
        if (ApiVersion == BytezApiVersion.V1)
        {
            Assert.Equal(0, InstancesLeftRunning);
            Assert.True(Loads > 0, "The sample loaded nothing.");
            Assert.Equal(Loads, Stops);
        }
        else
        {
            Assert.Equal((0, 0), (Loads, Stops));
        }
    }

    /// <summary>Gets the text printed after a marker, up to the end of its line.</summary>
    public string LineAfter(string marker)
    {
        var start = Output.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{marker}' not found in:\n{Output}");
        start += marker.Length;
        var end = Output.IndexOf('\n', start);
        return (end < 0 ? Output[start..] : Output[start..end]).Trim();
    }
}
