using System.Runtime.CompilerServices;
using Bytez.AI.Emulator;
using Bytez.AI.Lifecycle;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Bytez.AI.Tests.Lifecycle;

/// <summary>The instance lifecycle (issue 3 item 5) against the emulator over loopback HTTP.</summary>
public sealed class ModelInstanceLeaseTests
{
    private const string Model = Leases.Model;

    [Fact]
    public async Task HundredConcurrentFirstCalls_MakeOneLoadRequest_AndOnePollingLoop()
    {
        await using var env = await EmulatorFixture.StartAsync();
        var progress = new RecordingProgress<BytezLoadProgress>();
        await using var lease = Leases.Acquire(env, new BytezInstanceOptions { LoadProgress = progress });

        string[] results = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => RunAsync(lease))));

        Assert.All(results, r => Assert.False(string.IsNullOrEmpty(r)));
        Assert.Equal(1, env.Log.LoadCount(Model));
        Assert.Equal(100, env.Log.RunCount(Model));

        // One polling loop reports each status change once; N loops would report RUNNING N times.
        IReadOnlyList<BytezLoadProgress> reports = progress.Items;
        Assert.Equal(reports.Count, reports.Select(r => r.Status).Distinct().Count());
        Assert.Equal(BytezModelStatuses.Running, reports[^1].Status);
    }

    [Fact]
    public async Task ConcurrentFirstCalls_FromSeveralAdapters_OfOneClient_ShareOneLoad()
    {
        await using var env = await EmulatorFixture.StartAsync();
        await using var first = Leases.Acquire(env);
        await using var second = Leases.Acquire(env);
        await using var third = Leases.Acquire(env);

        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() => RunAsync((i % 3) switch { 0 => first, 1 => second, _ => third }))));

        Assert.Equal(1, env.Log.LoadCount(Model));
        Assert.Equal(30, env.Log.RunCount(Model));
    }

    [Fact]
    public async Task LaterCalls_LoadNothing()
    {
        await using var env = await EmulatorFixture.StartAsync();
        await using var lease = Leases.Acquire(env);

        await RunAsync(lease);
        int statusAfterFirst = env.Log.Count(EmulatorRequestKind.Status, Model);
        for (int i = 0; i < 5; i++)
        {
            await RunAsync(lease);
        }

        await lease.EnsureRunningAsync(CancellationToken.None);
        Assert.Equal(1, env.Log.LoadCount(Model));
        Assert.Equal(statusAfterFirst, env.Log.Count(EmulatorRequestKind.Status, Model));
        Assert.Equal(6, env.Log.RunCount(Model));
    }

    [Fact]
    public async Task FailedLoad_IsNotCached_TheNextCallLoadsAgain()
    {
        await using var env = await EmulatorFixture.StartAsync();
        env.Emulator.Script(Model).LoadFails("CUDA out of memory");
        await using var lease = Leases.Acquire(env);

        var failure = await Assert.ThrowsAsync<BytezModelFailedException>(() => RunAsync(lease));
        Assert.Contains("CUDA out of memory", failure.Message, StringComparison.Ordinal);

        Assert.False(string.IsNullOrEmpty(await RunAsync(lease)));
        Assert.Equal(2, env.Log.LoadCount(Model));
    }

    [Fact]
    public async Task ExpiredInstance_IsReloadedOnce_AndTheCallSucceeds()
    {
        await using var env = await EmulatorFixture.StartAsync();
        await using var lease = Leases.Acquire(env);
        await RunAsync(lease);

        Assert.True(env.Emulator.ExpireInstance(Model));
        Assert.False(string.IsNullOrEmpty(await RunAsync(lease)));

        Assert.Equal(2, env.Log.LoadCount(Model));
        Assert.Equal(3, env.Log.RunCount(Model)); // first, the one that found no instance, the retry
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_reload_is_logged_once_with_the_model_and_the_cause(bool streaming)
    {
        await using var env = await EmulatorFixture.StartAsync();
        var collector = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(collector)));
        using BytezClient client = env.CreateClient(loggerFactory);
        await using var lease = client.InstanceRegistry.Acquire(client.GetModel(Model), new BytezInstanceOptions());
        await RunAsync(lease);
        Assert.True(env.Emulator.ExpireInstance(Model));

        if (streaming)
        {
            Assert.NotEmpty(await lease.ExecuteStreamingAsync((m, ct) => m.RunStreamingAsync(BytezInput.FromText("Once upon a time"), null, ct), CancellationToken.None).ToListAsync());
        }
        else
        {
            Assert.False(string.IsNullOrEmpty(await RunAsync(lease)));
        }

        FakeLogRecord reloading = Assert.Single(collector.GetSnapshot(), r => r.Id.Id == 1103);
        Assert.Equal(LogLevel.Information, reloading.Level);
        Assert.Contains(Model, reloading.Message, StringComparison.Ordinal);
        Assert.IsType<BytezModelNotRunningException>(reloading.Exception);
    }

    [Theory]
    [InlineData(BytezApiVersion.V1)]
    [InlineData(BytezApiVersion.V2)]
    public async Task A_cancellation_the_operation_raises_itself_passes_through_unchanged(BytezApiVersion apiVersion)
    {
        // Neither the caller's token nor the lease's disposal cancelled it: it is not reported as either.
        await using var env = await EmulatorFixture.StartAsync(apiVersion);
        await using var lease = Leases.Acquire(env);
        var own = new OperationCanceledException("the operation's own");

        var thrown = await Assert.ThrowsAsync<OperationCanceledException>(() => lease.ExecuteAsync<BytezRunResult>((_, _) => throw own, CancellationToken.None));
        using var caller = new CancellationTokenSource();
        var thrownWithToken = await Assert.ThrowsAsync<OperationCanceledException>(() => lease.ExecuteAsync<BytezRunResult>((_, _) => throw own, caller.Token));

        Assert.Same(own, thrown);
        Assert.Same(own, thrownWithToken);
    }

    [Fact]
    public async Task A_null_operation_is_refused_by_name()
    {
        await using var env = await EmulatorFixture.StartAsync();
        await using var lease = Leases.Acquire(env);

        await Assert.ThrowsAsync<ArgumentNullException>("operation", () => lease.ExecuteAsync<BytezRunResult>(null!, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentNullException>("operation", () => lease.ExecuteAsync<int, BytezRunResult>(0, null!, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentNullException>("then", () => lease.ExecuteAsync<int, BytezRunResult, int>(0, static (m, _, ct) => m.RunAsync("a", null, ct), null!, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentNullException>("operation", async () => await lease.ExecuteStreamingAsync<string>(null!, CancellationToken.None).ToListAsync());
        Assert.Empty(env.Log.Entries);
    }

    [Fact]
    public async Task ExternallyStoppedInstance_IsReloadedOnce_AndTheCallSucceeds()
    {
        await using var env = await EmulatorFixture.StartAsync();
        await using var lease = Leases.Acquire(env);
        await RunAsync(lease);

        Assert.True(env.Emulator.StopInstanceExternally(Model));
        Assert.False(string.IsNullOrEmpty(await RunAsync(lease)));
        Assert.Equal(2, env.Log.LoadCount(Model));
    }

    [Fact]
    public async Task InstanceExpiringRightBeforeARun_IsReloaded_AndStoppedOnDisposeBecauseThisClientStartedIt()
    {
        await using var env = await EmulatorFixture.StartAsync();
        var lease = Leases.Acquire(env);
        await RunAsync(lease);

        env.Emulator.Script(Model).Fault(EmulatorFault.InstanceExpiresBeforeRun);
        Assert.False(string.IsNullOrEmpty(await RunAsync(lease)));
        Assert.Equal(2, env.Log.LoadCount(Model));

        await lease.DisposeAsync();
        Assert.Equal(1, env.Log.StopCount(Model));
    }

    [Fact]
    public async Task Then_maps_the_result_of_the_retried_call_once_with_the_state()
    {
        await using var env = await EmulatorFixture.StartAsync();
        await using var lease = Leases.Acquire(env);
        await RunAsync(lease);
        env.Emulator.ExpireInstance(Model);
        var seen = new List<(string Text, string State)>();

        string mapped = await lease.ExecuteAsync(
            "the state",
            static (m, _, ct) => m.RunAsync(BytezInput.FromText("Once upon a time"), null, ct),
            (result, state) =>
            {
                seen.Add((result.GetGeneratedText(), state));
                return "mapped";
            },
            CancellationToken.None);

        Assert.Equal("mapped", mapped);
        var (text, state) = Assert.Single(seen); // the failed first attempt is not mapped; the retried call is, once
        Assert.False(string.IsNullOrEmpty(text));
        Assert.Equal("the state", state);
        Assert.Equal(2, env.Log.LoadCount(Model));
    }

    [Theory]
    [InlineData(BytezApiVersion.V1)]
    [InlineData(BytezApiVersion.V2)]
    public async Task Then_is_not_run_on_a_failed_call_and_its_own_exception_reaches_the_caller(BytezApiVersion apiVersion)
    {
        await using var env = await EmulatorFixture.StartAsync(apiVersion);
        await using var lease = Leases.Acquire(env);
        int mapped = 0;
        env.Emulator.Script(Model).Fail(400, "The input is not valid.");

        await Assert.ThrowsAnyAsync<BytezException>(() => lease.ExecuteAsync(
            0, static (m, _, ct) => m.RunAsync(BytezInput.FromText("Once upon a time"), null, ct), (_, _) => ++mapped, CancellationToken.None));
        var own = new FormatException("the mapping's own");
        var thrown = await Assert.ThrowsAsync<FormatException>(() => lease.ExecuteAsync<int, BytezRunResult, int>(
            0, static (m, _, ct) => m.RunAsync(BytezInput.FromText("Once upon a time"), null, ct), (_, _) => throw own, CancellationToken.None));

        Assert.Equal(0, mapped);
        Assert.Same(own, thrown);
    }

    [Fact]
    public async Task ConcurrentCallsThatFindTheInstanceGone_ShareOneReload()
    {
        await using var env = await EmulatorFixture.StartAsync();
        await using var lease = Leases.Acquire(env);
        await RunAsync(lease);

        env.Emulator.ExpireInstance(Model);
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => RunAsync(lease))));

        Assert.Equal(2, env.Log.LoadCount(Model));
    }

    [Fact]
    public async Task RunStillNotRunningAfterTheReload_Throws_WithoutASecondReload()
    {
        await using var env = await EmulatorFixture.StartAsync();
        await using var lease = Leases.Acquire(env);
        await RunAsync(lease);

        env.Emulator.Script(Model).Fail(400, $"Model {Model} is not running. Load it first with model/load.").Times(2);
        await Assert.ThrowsAsync<BytezModelNotRunningException>(() => RunAsync(lease));

        Assert.Equal(2, env.Log.LoadCount(Model)); // the first load and exactly one reload
    }

    [Fact]
    public async Task Streaming_ReloadsAndRetries_WhenTheInstanceIsGoneBeforeAnythingWasYielded()
    {
        await using var env = await EmulatorFixture.StartAsync();
        await using var lease = Leases.Acquire(env);
        await RunAsync(lease);
        env.Emulator.ExpireInstance(Model);

        var pieces = new List<string>();
        await foreach (string piece in lease.ExecuteStreamingAsync((m, ct) => m.RunStreamingAsync(BytezInput.FromText("Once upon a time"), null, ct), CancellationToken.None))
        {
            pieces.Add(piece);
        }

        Assert.NotEmpty(pieces);
        Assert.Equal(2, env.Log.LoadCount(Model));
    }

    [Theory]
    [InlineData(false, 2)] // nothing yielded yet: one reload, one retry, and a second "not running" is the caller's
    [InlineData(true, 1)] // something was yielded: no retry (the caller already has part of the answer)
    public async Task Streaming_that_finds_the_instance_gone_retries_at_most_once_and_only_before_anything_was_yielded(bool yieldFirst, int expectedAttempts)
    {
        await using var env = await EmulatorFixture.StartAsync();
        await using var lease = Leases.Acquire(env);
        int attempts = 0;

        async IAsyncEnumerable<string> Gone([EnumeratorCancellation] CancellationToken ct)
        {
            attempts++;
            await Task.Yield();
            if (yieldFirst)
            {
                yield return "partial";
            }

            ct.ThrowIfCancellationRequested();
            throw new BytezModelNotRunningException("Model is not running.");
        }

        var pieces = new List<string>();
        await Assert.ThrowsAsync<BytezModelNotRunningException>(async () =>
        {
            await foreach (string piece in lease.ExecuteStreamingAsync((_, ct) => Gone(ct), CancellationToken.None))
            {
                pieces.Add(piece);
            }
        });

        Assert.Equal(yieldFirst ? ["partial"] : [], pieces);
        Assert.Equal(expectedAttempts, attempts);
        Assert.Equal(expectedAttempts, env.Log.LoadCount(Model)); // the first load, and the one reload when retried
    }

    [Fact]
    public async Task Dispose_StopsAnInstanceThisClientStarted()
    {
        await using var env = await EmulatorFixture.StartAsync();
        var lease = Leases.Acquire(env);
        await RunAsync(lease);

        await lease.DisposeAsync();

        Assert.Equal(1, env.Log.StopCount(Model));
        Assert.DoesNotContain(env.Emulator.Instances, i => i.ModelId == Model);
    }

    [Fact]
    public async Task Dispose_LeavesAnInstanceThatWasAlreadyRunning()
    {
        await using var env = await EmulatorFixture.StartAsync();
        using (BytezClient other = env.CreateClient())
        {
            BytezLoadResult preload = await other.GetModel(Model).LoadAsync();
            Assert.True(preload.StartedByThisRequest);
        }

        var lease = Leases.Acquire(env);
        await RunAsync(lease);
        await lease.DisposeAsync();

        Assert.Equal(2, env.Log.LoadCount(Model)); // the other client's and ours (answered 409)
        Assert.Equal(0, env.Log.StopCount(Model));
        Assert.Contains(env.Emulator.Instances, i => i.ModelId == Model);
    }

    [Fact]
    public async Task Dispose_WithStopOnDisposeOff_LeavesTheInstanceRunning()
    {
        await using var env = await EmulatorFixture.StartAsync();
        var lease = Leases.Acquire(env, new BytezInstanceOptions { StopOnDispose = false });
        await RunAsync(lease);

        await lease.DisposeAsync();

        Assert.Equal(0, env.Log.StopCount(Model));
        Assert.Contains(env.Emulator.Instances, i => i.ModelId == Model);
    }

    [Fact]
    public async Task OnlyTheLastLease_StopsTheInstance()
    {
        await using var env = await EmulatorFixture.StartAsync();
        var first = Leases.Acquire(env);
        var second = Leases.Acquire(env);
        await RunAsync(first);

        await first.DisposeAsync();
        Assert.Equal(0, env.Log.StopCount(Model));
        Assert.False(string.IsNullOrEmpty(await RunAsync(second)));

        await second.DisposeAsync();
        Assert.Equal(1, env.Log.StopCount(Model));
        Assert.Equal(1, env.Log.LoadCount(Model));
    }

    [Fact]
    public async Task LoadOnFirstUseOff_NeverLoads_CallsJustRun()
    {
        await using var env = await EmulatorFixture.StartAsync();
        await using var lease = Leases.Acquire(env, new BytezInstanceOptions { LoadOnFirstUse = false });

        await lease.EnsureRunningAsync(CancellationToken.None);
        await Assert.ThrowsAsync<BytezModelNotRunningException>(() => RunAsync(lease));
        Assert.Equal(0, env.Log.LoadCount(Model));

        using (BytezClient other = env.CreateClient())
        {
            _ = await other.GetModel(Model).LoadAsync();
        }

        Assert.False(string.IsNullOrEmpty(await RunAsync(lease)));
        Assert.Equal(1, env.Log.LoadCount(Model));

        await lease.DisposeAsync();
        Assert.Equal(0, env.Log.StopCount(Model));
    }

    [Fact]
    public async Task Dispose_NeverThrows_WhenTheServerIsDown_AndLogsTheFailedStop()
    {
        var env = await EmulatorFixture.StartAsync();
        var collector = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(collector)));
        using BytezClient client = env.CreateClient(loggerFactory);
        var lease = client.InstanceRegistry.Acquire(client.GetModel(Model), new BytezInstanceOptions());
        await RunAsync(lease);
        await env.DisposeAsync(); // the server is gone; the stop will fail to connect

        await lease.DisposeAsync();
        lease.Dispose();

        Assert.True(lease.IsDisposed);
        FakeLogRecord warning = Assert.Single(collector.GetSnapshot(), r => r.Id.Id == 1105);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(Model, warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(EmulatorFixture.ApiKey, string.Join("\n", collector.GetSnapshot().Select(r => r.Message + r.Exception)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispose_NeverThrows_WhenTheClientWasDisposedFirst()
    {
        await using var env = await EmulatorFixture.StartAsync();
        var lease = Leases.Acquire(env);
        await RunAsync(lease);
        env.Client.Dispose();

        await lease.DisposeAsync();

        Assert.True(lease.IsDisposed);
    }

    [Fact]
    public async Task DisposeDuringLoad_CancelsTheLoad_AndStopsWhatItStarted()
    {
        await using var env = await EmulatorFixture.StartAsync();
        env.Emulator.Script(Model).NeverRuns();
        var progress = new RecordingProgress<BytezLoadProgress>();
        var lease = Leases.Acquire(env, new BytezInstanceOptions { LoadProgress = progress });

        Task<string> call = RunAsync(lease);
        await progress.FirstReport; // the start request was accepted and polling has begun

        await lease.DisposeAsync();

        // Disposing ends the calls in flight: the caller learns why (the lease is gone), not just that it was cancelled.
        var ended = await Assert.ThrowsAsync<ObjectDisposedException>(() => call);
        Assert.IsAssignableFrom<OperationCanceledException>(ended.InnerException);
        Assert.Equal(1, env.Log.LoadCount(Model));
        Assert.Equal(1, env.Log.StopCount(Model));
        Assert.Equal(0, env.Log.RunCount(Model));
    }

    [Fact]
    public async Task Dispose_IsIdempotent()
    {
        await using var env = await EmulatorFixture.StartAsync();
        var lease = Leases.Acquire(env);
        await RunAsync(lease);

        await lease.DisposeAsync();
        await lease.DisposeAsync();
        lease.Dispose();

        Assert.Equal(1, env.Log.StopCount(Model));
    }

    [Fact]
    public async Task CallsAfterDispose_ThrowObjectDisposedException_EvenWhileAnotherLeaseKeepsTheInstanceRunning()
    {
        // The instance outlives this lease (another adapter holds it, loaded): only the lease itself can refuse the call.
        await using var env = await EmulatorFixture.StartAsync();
        await using var other = Leases.Acquire(env);
        var lease = Leases.Acquire(env);
        await RunAsync(lease);
        await lease.DisposeAsync();
        int runs = env.Log.RunCount(Model);

        await Assert.ThrowsAsync<ObjectDisposedException>(() => lease.EnsureRunningAsync(CancellationToken.None));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => RunAsync(lease));
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await lease.ExecuteStreamingAsync((m, ct) => m.RunStreamingAsync("x", null, ct), CancellationToken.None).ToListAsync());
        Assert.Equal(runs, env.Log.RunCount(Model));
        Assert.False(string.IsNullOrEmpty(await RunAsync(other)));
    }

    [Fact]
    public async Task CallsAfterDispose_ThrowObjectDisposedException()
    {
        await using var env = await EmulatorFixture.StartAsync();
        var lease = Leases.Acquire(env);
        await lease.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => RunAsync(lease));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => lease.EnsureRunningAsync(CancellationToken.None));
        await Assert.ThrowsAsync<ObjectDisposedException>(async () =>
        {
            await foreach (string _ in lease.ExecuteStreamingAsync((m, ct) => m.RunStreamingAsync("x", null, ct), CancellationToken.None))
            {
            }
        });
        Assert.Equal(0, env.Log.LoadCount(Model));
    }

    [Fact]
    public async Task CancellingOneCaller_DoesNotCancelTheSharedLoad()
    {
        await using var env = await EmulatorFixture.StartAsync(o => o.StartingDelay = TimeSpan.FromMilliseconds(150));
        var progress = new RecordingProgress<BytezLoadProgress>();
        await using var lease = Leases.Acquire(env, new BytezInstanceOptions { LoadProgress = progress });
        using var cts = new CancellationTokenSource();

        Task<BytezRunResult> cancelled = lease.ExecuteAsync((m, ct) => m.RunAsync("a", null, ct), cts.Token);
        Task<string> patient = RunAsync(lease);
        await progress.FirstReport;
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.False(string.IsNullOrEmpty(await patient));
        Assert.Equal(1, env.Log.LoadCount(Model));
    }

    [Fact]
    public async Task Concurrency_IsTheConfiguredValueBeforeLoading_AndTheLoadedValueAfter()
    {
        await using var env = await EmulatorFixture.StartAsync();
        await using var lease = Leases.Acquire(env, new BytezInstanceOptions { LoadOptions = new BytezLoadOptions { Concurrency = 3 } });

        Assert.Equal(3, lease.Concurrency);
        await lease.EnsureRunningAsync(CancellationToken.None);

        Assert.Equal(3, lease.Concurrency);
        Assert.Contains("\"concurrency\":3", env.Log.Entries.Single(e => e.Kind == EmulatorRequestKind.Load).Body.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherClient_HasItsOwnRegistry()
    {
        await using var env = await EmulatorFixture.StartAsync();
        using BytezClient other = env.CreateClient();

        Assert.NotSame(env.Client.InstanceRegistry, other.InstanceRegistry);
        Assert.Same(env.Client.InstanceRegistry, env.Client.InstanceRegistry);
    }

    [Fact]
    public async Task Acquire_RejectsNullArguments()
    {
        await using var env = await EmulatorFixture.StartAsync();
        Assert.Throws<ArgumentNullException>(() => env.Client.InstanceRegistry.Acquire(null!, new BytezInstanceOptions()));
        Assert.Throws<ArgumentNullException>(() => env.Client.InstanceRegistry.Acquire(env.Client.GetModel(Model), null!));
    }

    private static async Task<string> RunAsync(ModelInstanceLease lease)
    {
        BytezRunResult result = await lease.ExecuteAsync((m, ct) => m.RunAsync(BytezInput.FromText("Once upon a time"), null, ct), CancellationToken.None);
        return result.GetGeneratedText();
    }
}
