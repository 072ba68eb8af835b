using Bytez.AI.Emulator;
using Bytez.AI.Tests.Reliability.Infrastructure;

namespace Bytez.AI.Tests.Reliability;

/// <summary>
/// <see cref="BytezClientOptions.LoadTimeout"/> is a real deadline (issue 14 item 5): it ends a hung status request and
/// a retry waiting out a long <c>Retry-After</c>, not just the loop between polls. Each test runs with no request
/// timeout at all, so only the load deadline can end it; the watchdog only keeps a regression from hanging the run.
/// The deadline is 2 s: a cold first request on a loaded 2-core CI machine can take longer than a few hundred
/// milliseconds, and a deadline that ends the start request instead of the faulted one tests something else.
/// </summary>
public sealed class LoadDeadlineTests
{
    private const string Model = TestModels.TextGeneration;
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_status_request_that_is_never_answered_ends_at_the_load_deadline()
    {
        await using var h = await Harness.StartAsync(
            configureClient: o => o.LoadTimeout = TimeSpan.FromSeconds(2),
            requestTimeout: Timeout.InfiniteTimeSpan);
        h.Emulator.Script(Model).Fault(EmulatorFault.NeverAnswers, times: -1, EmulatorOperation.Status);

        var ex = await Assert.ThrowsAsync<BytezLoadTimeoutException>(() => h.Client.GetModel(Model).LoadAsync().WaitAsync(Watchdog));

        Assert.Contains("timed out after 2 seconds", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<OperationCanceledException>(ex.InnerException); // the hung request was abandoned
        Assert.Equal(1, h.Log.InstancesStopped); // and the instance the load started was stopped
    }

    [Fact]
    public async Task A_retry_waiting_out_a_long_Retry_After_ends_at_the_load_deadline()
    {
        var patientRetries = new BytezRetryOptions { MaxRetryAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromDays(1), UseJitter = false };
        await using var h = await Harness.StartAsync(
            patientRetries,
            e => e.FaultRetryAfter = TimeSpan.FromHours(1),
            o => o.LoadTimeout = TimeSpan.FromSeconds(2),
            requestTimeout: Timeout.InfiniteTimeSpan);
        h.Emulator.Script(Model).Fault(EmulatorFault.ServiceUnavailable, times: -1, EmulatorOperation.Status);

        await Assert.ThrowsAsync<BytezLoadTimeoutException>(() => h.Client.GetModel(Model).LoadAsync().WaitAsync(Watchdog));

        // One status request, answered 503 "retry after an hour": the retry was waiting when the deadline ended it.
        Assert.Equal(1, h.Log.Count(EmulatorRequestKind.Status, Model));
        Assert.Equal(0, h.Counter.Undisposed);
        Assert.Equal(1, h.Log.InstancesStopped);
    }

    [Fact]
    public async Task A_start_request_that_is_never_answered_ends_at_the_load_deadline()
    {
        await using var h = await Harness.StartAsync(
            configureClient: o => o.LoadTimeout = TimeSpan.FromSeconds(2),
            requestTimeout: Timeout.InfiniteTimeSpan);
        h.Emulator.Script(Model).Fault(EmulatorFault.NeverAnswers, 1, EmulatorOperation.Load);

        await Assert.ThrowsAsync<BytezLoadTimeoutException>(() => h.Client.GetModel(Model).LoadAsync().WaitAsync(Watchdog));

        // Its answer never came, so the load assumed it had started an instance and tried to stop it (there was none).
        Assert.Equal(1, h.Log.StopCount(Model));
        Assert.Equal(0, h.Log.InstancesStarted);
    }
}
