using Bytez.AI.Emulator;
using Bytez.AI.Lifecycle;

namespace Bytez.AI.Tests.Lifecycle;

/// <summary>
/// On the serverless v2 API an adapter's lease manages no instance: whatever its options say, it never sends a load,
/// a status poll or a stop, and disposing it stops nothing. The emulator serves v2 only, so a v1 call would be a 404.
/// </summary>
public sealed class ServerlessLeaseTests
{
    private const string Model = TestModels.TextGeneration;

    [Fact]
    public async Task A_v2_lease_only_runs_streams_and_releases_without_lifecycle_requests()
    {
        await using var env = await EmulatorFixture.StartAsync(
            e => e.Api = BytezEmulatorApi.V2,
            c => c.ApiVersion = BytezApiVersion.V2);
        var progress = new RecordingProgress<BytezLoadProgress>();
        var lease = env.Client.InstanceRegistry.Acquire(
            env.Client.GetModel(Model),
            new BytezInstanceOptions { LoadOnFirstUse = true, StopOnDispose = true, LoadProgress = progress });

        await lease.EnsureRunningAsync(CancellationToken.None);
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            lease.ExecuteAsync((m, ct) => m.RunAsync("Once upon a time", null, ct), CancellationToken.None)));
        var streamed = await lease.ExecuteStreamingAsync((m, ct) => m.RunStreamingAsync("Once upon a time", null, ct), CancellationToken.None).ToListAsync();
        await lease.DisposeAsync();

        Assert.All(results, r => Assert.StartsWith("Once upon a time", r.GetGeneratedText(), StringComparison.Ordinal));
        Assert.NotEmpty(streamed);
        Assert.False(lease.LoadOnFirstUse);
        Assert.Empty(progress.Items);
        Assert.Equal(
            [EmulatorRequestKind.V2Run, EmulatorRequestKind.V2RunStream],
            env.Log.Entries.Select(e => e.Kind).Distinct().Order());
        Assert.Equal(11, env.Log.RunCount(Model));
        Assert.All(env.Log.Entries, e => Assert.Equal(200, e.StatusCode));
        Assert.Equal(0, env.Log.InstancesStarted);
    }
}
