using Bytez.AI.Emulator;
using Bytez.AI.Tests.Reliability.Infrastructure;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Tests.Reliability;

/// <summary>
/// No instance this process started is left running (issue 14 item 4): not when dispose cancels a load whose start
/// answer is in flight, not when dispose races the first call, not when every status poll fails until the deadline.
/// </summary>
public sealed class InstanceCleanupTests
{
    private const string Model = TestModels.SentenceSimilarity;

    [Fact]
    public async Task Dispose_while_the_start_answer_is_in_flight_stops_the_instance_the_server_started()
    {
        // The emulator starts the instance, then holds the answer to model/load back.
        await using var h = await Harness.StartAsync(configureEmulator: e => e.SlowFirstByteDelay = TimeSpan.FromMilliseconds(300));
        h.Emulator.Script(Model).Fault(EmulatorFault.SlowFirstByte, 1, EmulatorOperation.Load);
        var generator = h.Client.GetModel(Model).AsIEmbeddingGenerator();

        var call = generator.GenerateAsync(["The quick brown fox"]);
        await WaitUntilAsync(() => h.Log.InstancesStarted == 1);
        await ((IAsyncDisposable)generator).DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => call);
        Assert.Equal(1, h.Log.InstancesStarted);
        Assert.Equal(1, h.Log.InstancesStopped);
        Assert.Equal(0, h.Log.RunCount(Model));
    }

    [Fact]
    public async Task Cancelling_LoadAsync_while_the_start_answer_is_in_flight_stops_the_instance_it_started()
    {
        await using var h = await Harness.StartAsync(configureEmulator: e => e.SlowFirstByteDelay = TimeSpan.FromMilliseconds(300));
        h.Emulator.Script(Model).Fault(EmulatorFault.SlowFirstByte, 1, EmulatorOperation.Load);
        using var cts = new CancellationTokenSource();

        var load = h.Client.GetModel(Model).LoadAsync(cancellationToken: cts.Token);
        await WaitUntilAsync(() => h.Log.InstancesStarted == 1);
        await cts.CancelAsync();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => load);
        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Equal(1, h.Log.InstancesStopped);
        Assert.Equal(1, h.Log.StopCount(Model));
    }

    [Fact]
    public async Task Cancelling_an_adapter_s_first_call_reports_the_caller_s_token_and_dispose_leaves_nothing_running()
    {
        await using var h = await Harness.StartAsync(configureEmulator: e => e.SlowFirstByteDelay = TimeSpan.FromMilliseconds(300));
        h.Emulator.Script(Model).Fault(EmulatorFault.SlowFirstByte, 1, EmulatorOperation.Load);
        var generator = h.Client.GetModel(Model).AsIEmbeddingGenerator();
        using var cts = new CancellationTokenSource();

        var call = generator.GenerateAsync(["The quick brown fox"], cancellationToken: cts.Token);
        await WaitUntilAsync(() => h.Log.InstancesStarted == 1);
        await cts.CancelAsync();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(cts.Token, ex.CancellationToken);
        await ((IAsyncDisposable)generator).DisposeAsync(); // the shared load went on; dispose stops what it started
        Assert.Equal(1, h.Log.InstancesStarted);
        Assert.Equal(1, h.Log.InstancesStopped);
    }

    [Fact]
    public async Task Dispose_racing_the_first_call_never_leaves_an_instance_running()
    {
        await using var h = await Harness.StartAsync();
        var random = new Random(14);
        for (var round = 0; round < 40; round++)
        {
            var generator = h.Client.GetModel(Model).AsIEmbeddingGenerator();
            var call = generator.GenerateAsync(["The quick brown fox"]);
            await Task.Delay(random.Next(0, 12));
            await ((IAsyncDisposable)generator).DisposeAsync();

            try
            {
                await call;
            }
            catch (ObjectDisposedException)
            {
                // The dispose won the race: the call ended without a result.
            }

            // DisposeAsync returns once the teardown (and any stop) is done, so the count is final here.
            Assert.True(h.Log.InstancesStarted == h.Log.InstancesStopped, $"round {round}: {h.Log.InstancesStarted} started, {h.Log.InstancesStopped} stopped");
        }

        Assert.Empty(h.Emulator.Instances);
    }

    [Fact]
    public async Task A_load_whose_status_polls_all_fail_until_the_deadline_stops_the_instance_it_started()
    {
        await using var h = await Harness.StartAsync(configureClient: o => o.LoadTimeout = TimeSpan.FromSeconds(2));
        h.Emulator.Script(Model).Fault(EmulatorFault.ServerErrorHtml, times: -1, EmulatorOperation.Status);

        await Assert.ThrowsAsync<BytezLoadTimeoutException>(() => h.Client.GetModel(Model).LoadAsync());

        // The caller stopped nothing: the load did, before it threw.
        Assert.Equal(1, h.Log.InstancesStarted);
        Assert.Equal(1, h.Log.InstancesStopped);
        Assert.Empty(h.Emulator.Instances);
    }

    [Fact]
    public async Task An_adapter_whose_load_times_out_on_failing_status_polls_leaves_nothing_running()
    {
        await using var h = await Harness.StartAsync(configureClient: o => o.LoadTimeout = TimeSpan.FromSeconds(2));
        h.Emulator.Script(Model).Fault(EmulatorFault.ServerErrorHtml, times: -1, EmulatorOperation.Status);
        var generator = h.Client.GetModel(Model).AsIEmbeddingGenerator();

        await Assert.ThrowsAsync<BytezLoadTimeoutException>(() => generator.GenerateAsync(["The quick brown fox"]));
        await ((IAsyncDisposable)generator).DisposeAsync();

        Assert.Equal(1, h.Log.InstancesStarted);
        Assert.Equal(1, h.Log.InstancesStopped);
    }

    [Fact]
    public async Task A_load_that_found_the_instance_already_loaded_never_stops_it()
    {
        await using var h = await Harness.StartAsync();
        var model = h.Client.GetModel(Model);
        await model.LoadAsync(); // someone else's instance, as far as the next load knows
        h.Emulator.Script(Model).Fault(EmulatorFault.ServerErrorHtml, times: -1, EmulatorOperation.Status);

        // Only this load gets a deadline: the first one, cold on a busy machine, may need longer than any short one.
        var again = await model.LoadAsync(new BytezLoadOptions { LoadTimeout = TimeSpan.FromSeconds(2) });

        Assert.Equal(BytezLoadOutcome.AlreadyLoaded, again.Outcome);
        Assert.Equal(0, h.Log.StopCount(Model));
        await model.StopAsync();
    }

    [Fact]
    public async Task Dispose_while_waiting_for_an_instance_another_process_started_ends_the_call_with_ObjectDisposedException()
    {
        // Another process started the instance, so this client's load only polls it (and would not stop it). Disposing
        // cancels that polling, and the cancellation reaches the waiting call at once, on the disposing thread, before the
        // lease has ended its calls in flight: the call must still be told "disposed", not just "cancelled".
        await using var h = await Harness.StartAsync(configureEmulator: e => e.StartingDelay = TimeSpan.FromSeconds(30));
        using var otherProcess = new BytezClient(new BytezClientOptions
        {
            Endpoint = h.Emulator.Endpoint,
            ApiKey = Harness.ApiKey,
            ApiVersion = BytezApiVersion.V1,
            LoadPollInterval = TimeSpan.FromMilliseconds(5),
        });
        using var stopOther = new CancellationTokenSource();
        Task otherLoad = otherProcess.GetModel(Model).LoadAsync(cancellationToken: stopOther.Token);
        await WaitUntilAsync(() => h.Emulator.Instances.Count == 1);

        var polling = new RecordingProgress<BytezLoadProgress>();
        var generator = h.Client.GetModel(Model).AsIEmbeddingGenerator(new BytezEmbeddingGeneratorOptions { LoadProgress = polling });
        var call = generator.GenerateAsync(["The quick brown fox"]);
        await polling.FirstReport.WaitAsync(TimeSpan.FromSeconds(30));
        await ((IAsyncDisposable)generator).DisposeAsync();

        var ended = await Assert.ThrowsAsync<ObjectDisposedException>(() => call);
        Assert.IsAssignableFrom<OperationCanceledException>(ended.InnerException);
        Assert.Equal(0, h.Log.RunCount(Model));
        Assert.Equal(0, h.Log.StopCount(Model)); // not this client's instance

        await stopOther.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => otherLoad);
    }

    /// <summary>Waits for a condition the emulator reaches on its own (never asserting how long it takes).</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var watchdog = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(5, watchdog.Token);
        }
    }
}
