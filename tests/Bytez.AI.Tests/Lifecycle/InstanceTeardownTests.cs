using System.Net;
using Bytez.AI.Emulator;
using Bytez.AI.Lifecycle;
using Bytez.AI.Tests.Protocol;
using Microsoft.Extensions.Logging;

namespace Bytez.AI.Tests.Lifecycle;

/// <summary>
/// What releasing the last lease does, and what it tells the logs: who wins between leases that want the instance
/// stopped and leases that want it kept, a new load waiting for the previous stop, refusing use after teardown.
/// </summary>
public sealed class InstanceTeardownTests
{
    private const string Model = Leases.Model;

    [Fact]
    public async Task TwoLeasesThatBothTurnStopOnDisposeOff_LeaveTheInstanceRunning()
    {
        await using var env = await EmulatorFixture.StartAsync();
        var first = Leases.Acquire(env, new BytezInstanceOptions { StopOnDispose = false });
        var second = Leases.Acquire(env, new BytezInstanceOptions { StopOnDispose = false });
        await first.EnsureRunningAsync(CancellationToken.None);

        await first.DisposeAsync();
        await second.DisposeAsync();

        Assert.Equal(0, env.Log.StopCount(Model));
        Assert.Contains(env.Emulator.Instances, i => i.ModelId == Model);
    }

    [Fact]
    public async Task ALeaseThatKeepsStopOnDispose_DoesNotUndoOneThatTurnedItOff()
    {
        await using var env = await EmulatorFixture.StartAsync();
        var keeping = Leases.Acquire(env, new BytezInstanceOptions { StopOnDispose = false });
        var stopping = Leases.Acquire(env, new BytezInstanceOptions { StopOnDispose = true });
        await stopping.EnsureRunningAsync(CancellationToken.None);

        await stopping.DisposeAsync();
        await keeping.DisposeAsync();

        Assert.Equal(0, env.Log.StopCount(Model));
        Assert.Contains(env.Emulator.Instances, i => i.ModelId == Model);
    }

    [Fact]
    public async Task ANewLoadAfterTheLastRelease_WaitsForTheStopOfThePreviousInstance()
    {
        // The stop is slow to answer; a load sent meanwhile would start an instance the stop then kills.
        bool stopAnswered = false;
        var loadsSawStopAnswered = new List<bool>();
        var handler = new RecordingHandler(async (request, ct) =>
        {
            switch (request.Path)
            {
                case "model/delete":
                    await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
                    Volatile.Write(ref stopAnswered, true);
                    return RecordingHandler.Json(HttpStatusCode.OK, "{}");
                case "model/load":
                    lock (loadsSawStopAnswered)
                    {
                        loadsSawStopAnswered.Add(Volatile.Read(ref stopAnswered));
                    }

                    return RecordingHandler.Json(HttpStatusCode.OK, """{"status":"started"}""");
                default:
                    return RecordingHandler.Json(HttpStatusCode.OK, """{"status":"RUNNING","concurrency":1}""");
            }
        });
        using var client = TestClients.Create(handler);
        var first = Leases.Acquire(client);
        await first.EnsureRunningAsync(CancellationToken.None);

        Task release = first.DisposeAsync().AsTask();
        await using var second = Leases.Acquire(client);
        await second.EnsureRunningAsync(CancellationToken.None);
        await release;

        Assert.Equal([false, true], loadsSawStopAnswered);
        string[] paths = [.. handler.Requests.Select(r => r.Path).Where(p => p != "model/status")];
        Assert.Equal(["model/load", "model/delete", "model/load"], paths);
    }

    [Fact]
    public async Task ATornDownInstanceState_RefusesToLoadAgain()
    {
        await using var env = await EmulatorFixture.StartAsync();
        var lease = Leases.Acquire(env);
        await lease.EnsureRunningAsync(CancellationToken.None);
        ModelInstanceState state = Assert.IsType<ModelInstanceState>(env.Client.InstanceRegistry.Find(Model));
        Task<BytezLoadResult> load = state.EnsureLoad(new BytezInstanceOptions());

        await lease.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => { _ = state.EnsureLoad(new BytezInstanceOptions()); });
        Assert.Throws<ObjectDisposedException>(() => { _ = state.Reload(load, new BytezInstanceOptions()); });
        Assert.Equal(1, env.Log.LoadCount(Model));
        Assert.Null(env.Client.InstanceRegistry.Find(Model));
    }

    [Fact]
    public async Task AnInstanceAlreadyRunningWithMoreConcurrency_IsReportedWithItsOwnConcurrency_AndLeftRunning()
    {
        await using var env = await EmulatorFixture.StartAsync();
        using (BytezClient other = env.CreateClient())
        {
            _ = await other.GetModel(Model).LoadAsync(new BytezLoadOptions { Concurrency = 2 });
        }

        var lease = Leases.Acquire(env);
        Assert.Equal(1, lease.Concurrency);
        await lease.EnsureRunningAsync(CancellationToken.None);

        Assert.Equal(2, lease.Concurrency);
        Assert.False(env.Client.InstanceRegistry.Find(Model)!.StartedByThisClient);
        await lease.DisposeAsync();
        Assert.Equal(0, env.Log.StopCount(Model));
    }

    [Fact]
    public async Task TheLog_TellsTheLoad_AndTheStopOfAnInstanceThisClientStarted()
    {
        await using var env = await EmulatorFixture.StartAsync();
        var logs = new CapturingLoggerFactory();
        using BytezClient client = env.CreateClient(logs);
        var lease = Leases.Acquire(client);
        await lease.EnsureRunningAsync(CancellationToken.None);
        Assert.True(client.InstanceRegistry.Find(Model)!.StartedByThisClient);

        await lease.DisposeAsync();

        Assert.Equal(
            [
                $"Information[1100] Loading model {Model} on first use.",
                $"Information[1101] Model {Model} is ready (Started, concurrency 1).",
                $"Information[1104] Stopping the instance of model {Model}, which this client started.",
            ],
            LifecycleLines(logs));
    }

    [Fact]
    public async Task TheLog_SaysWhyAnInstanceIsLeftRunning()
    {
        await using var env = await EmulatorFixture.StartAsync();
        var logs = new CapturingLoggerFactory();
        using BytezClient client = env.CreateClient(logs);

        // Never loaded.
        await Leases.Acquire(client).DisposeAsync();

        // StopOnDispose off.
        var keeping = Leases.Acquire(client, new BytezInstanceOptions { StopOnDispose = false });
        await keeping.EnsureRunningAsync(CancellationToken.None);
        await keeping.DisposeAsync();

        // Started by someone else (the instance kept running above).
        var borrowing = Leases.Acquire(client);
        await borrowing.EnsureRunningAsync(CancellationToken.None);
        await borrowing.DisposeAsync();

        Assert.Equal(
            [
                $"Leaving the instance of model {Model} running: it was never loaded.",
                $"Leaving the instance of model {Model} running: StopOnDispose is off.",
                $"Leaving the instance of model {Model} running: this client did not start it.",
            ],
            logs.Entries.Where(e => e.Id.Id == 1106).Select(e => e.Message));
        Assert.All(logs.Entries.Where(e => e.Id.Id == 1106), e => Assert.Equal(LogLevel.Debug, e.Level));
        Assert.Equal(0, env.Log.StopCount(Model));
    }

    [Fact]
    public async Task TheLog_ReportsAFailedLoad_AsAWarningWithItsCause()
    {
        await using var env = await EmulatorFixture.StartAsync();
        env.Emulator.Script(Model).LoadFails("CUDA out of memory");
        var logs = new CapturingLoggerFactory();
        using BytezClient client = env.CreateClient(logs);
        await using var lease = Leases.Acquire(client);

        var failure = await Assert.ThrowsAsync<BytezModelFailedException>(() => lease.EnsureRunningAsync(CancellationToken.None));

        CapturedLogEntry warning = Assert.Single(logs.Entries, e => e.Id.Id == 1102);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Same(failure, warning.Exception);
        Assert.Equal($"Loading model {Model} failed; the next call will try again.", warning.Message);
    }

    [Fact]
    public async Task TheLog_ReportsALoadCancelledByDispose_AsCancelled_NotAsAFailure()
    {
        await using var env = await EmulatorFixture.StartAsync();
        env.Emulator.Script(Model).NeverRuns();
        var logs = new CapturingLoggerFactory();
        using BytezClient client = env.CreateClient(logs);
        var progress = new RecordingProgress<BytezLoadProgress>();
        var lease = Leases.Acquire(client, new BytezInstanceOptions { LoadProgress = progress });
        Task running = lease.EnsureRunningAsync(CancellationToken.None);
        await progress.FirstReport;

        await lease.DisposeAsync();

        // The call in flight ends with ObjectDisposedException (the disposal, not the caller, cancelled it).
        var ended = await Assert.ThrowsAsync<ObjectDisposedException>(() => running);
        Assert.IsAssignableFrom<OperationCanceledException>(ended.InnerException);
        Assert.Contains($"Information[1107] Cancelling the load of model {Model}: its last user was disposed.", LifecycleLines(logs));
        Assert.DoesNotContain(logs.Entries, e => e.Id.Id == 1102);
        Assert.Equal(1, env.Log.StopCount(Model)); // the start request was accepted: the instance may be ours
    }

    [Fact]
    public async Task AStopAnsweredWithAnError_OnDispose_IsLoggedAndNotThrown()
    {
        await using var env = await EmulatorFixture.StartAsync();
        env.Emulator.Script(Model).Fault(EmulatorFault.ServerErrorHtml, operation: EmulatorOperation.Stop);
        var logs = new CapturingLoggerFactory();
        using BytezClient client = env.CreateClient(logs);
        var lease = Leases.Acquire(client);
        await lease.EnsureRunningAsync(CancellationToken.None);

        await lease.DisposeAsync();

        Assert.True(lease.IsDisposed);
        CapturedLogEntry warning = Assert.Single(logs.Entries, e => e.Id.Id == 1105);
        Assert.Equal(LogLevel.Warning, warning.Level);
        var cause = Assert.IsType<BytezException>(warning.Exception);
        Assert.Equal(HttpStatusCode.BadGateway, cause.StatusCode);
        Assert.Equal(1, env.Log.StopCount(Model));
    }

    /// <summary>The lifecycle entries (event ids 1100 to 1108) as <c>Level[Id] Message</c>.</summary>
    private static List<string> LifecycleLines(CapturingLoggerFactory logs) =>
        [.. logs.Entries.Where(e => e.Id.Id is >= 1100 and <= 1108).Select(e => $"{e.Level}[{e.Id.Id}] {e.Message}")];
}
