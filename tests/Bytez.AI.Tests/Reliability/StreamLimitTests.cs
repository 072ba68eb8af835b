using Bytez.AI.Emulator;
using Bytez.AI.Tests.Reliability.Infrastructure;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Tests.Reliability;

/// <summary>
/// Once a stream has started, <see cref="BytezClientOptions.StreamIdleTimeout"/> bounds each wait for data (the request
/// timeout no longer applies), and disposing an adapter ends its streams in flight (issue 14 item 6). The tests pass no
/// cancellation token; the watchdog only keeps a regression from hanging the run.
/// </summary>
public sealed class StreamLimitTests
{
    private const string Model = TestModels.Chat;
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(60);
    private static readonly BytezInput Question = BytezInput.FromMessages([new BytezChatMessage("user", "Tell me about the capital of France.")]);

    [Fact]
    public async Task A_stream_that_stops_sending_ends_at_the_idle_timeout_with_the_text_so_far_delivered()
    {
        await using var h = await Harness.StartAsync(
            configureClient: o => o.StreamIdleTimeout = TimeSpan.FromMilliseconds(300),
            requestTimeout: Timeout.InfiniteTimeSpan);
        var model = h.Client.GetModel(Model);
        await model.LoadAsync();
        h.Emulator.Script(Model).Fault(EmulatorFault.StreamStalls);
        var received = new List<string>();

        var ex = await Assert.ThrowsAsync<BytezException>(() => ReadAllAsync(model.RunStreamingAsync(Question), received).WaitAsync(Watchdog));

        Assert.NotEmpty(received);
        Assert.Contains("stalled after the stream began", ex.Message, StringComparison.Ordinal);
        Assert.Contains("StreamIdleTimeout", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, h.Log.RunCount(Model)); // a started stream is never retried
        Assert.Equal(0, h.Counter.Undisposed);
        await model.StopAsync();
    }

    [Fact]
    public async Task The_idle_timer_runs_only_while_waiting_for_the_server_not_while_the_caller_works()
    {
        await using var h = await Harness.StartAsync(configureClient: o => o.StreamIdleTimeout = TimeSpan.FromMilliseconds(200));
        var model = h.Client.GetModel(Model);
        await model.LoadAsync();
        h.Emulator.Script(Model).StreamChunks("The capital ", "of France ", "is Paris.");

        var text = new List<string>();
        await foreach (var piece in model.RunStreamingAsync(Question))
        {
            text.Add(piece);
            await Task.Delay(TimeSpan.FromMilliseconds(400)); // the caller is slower than the idle timeout
        }

        Assert.Equal("The capital of France is Paris.", string.Concat(text));
        await model.StopAsync();
    }

    [Fact]
    public async Task Limits_longer_than_a_timer_accepts_count_as_infinite()
    {
        await using var h = await Harness.StartAsync(configureClient: o =>
        {
            o.StreamIdleTimeout = TimeSpan.FromDays(100);
            o.LoadTimeout = TimeSpan.FromDays(100);
        });
        var model = h.Client.GetModel(Model);
        await model.LoadAsync();
        h.Emulator.Script(Model).StreamChunks("Paris.");

        Assert.Equal("Paris.", string.Concat(await model.RunStreamingAsync(Question).ToListAsync()));
        await model.StopAsync();
    }

    [Fact]
    public async Task A_JSON_answer_to_a_stream_request_is_read_within_the_idle_timeout_too()
    {
        await using var h = await Harness.StartAsync(
            configureClient: o =>
            {
                o.StreamIdleTimeout = TimeSpan.FromMilliseconds(300);
                o.MaxResponseSize = 64 * 1024;
            },
            requestTimeout: Timeout.InfiniteTimeSpan);
        var model = h.Client.GetModel(Model);
        await model.LoadAsync();
        h.Emulator.Script(Model).Fault(EmulatorFault.EndlessBody);

        var ex = await Assert.ThrowsAsync<BytezProtocolException>(() => model.RunStreamingAsync(Question).ToListAsync().AsTask().WaitAsync(Watchdog));

        Assert.Contains("MaxResponseSize", ex.Message, StringComparison.Ordinal);
        await model.StopAsync();
    }

    [Fact]
    public async Task Disposing_a_chat_client_ends_its_stream_in_flight_and_stops_its_instance()
    {
        await using var h = await Harness.StartAsync(requestTimeout: Timeout.InfiniteTimeSpan); // idle timeout: the 5 minute default
        var chat = h.Client.GetModel(Model).AsIChatClient();
        await chat.GetResponseAsync("Warm up: load the model."); // loads it on first use
        h.Emulator.Script(Model).Fault(EmulatorFault.StreamStalls);

        await using var updates = chat.GetStreamingResponseAsync("Tell me about Paris.").GetAsyncEnumerator();
        Assert.True(await updates.MoveNextAsync()); // the stream has begun
        var next = Task.Run(async () => await updates.MoveNextAsync());
        await Task.Delay(50); // let the reader wait on the stalled stream (the test holds either way)
        await ((IAsyncDisposable)chat).DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => next.WaitAsync(Watchdog));
        Assert.Equal(1, h.Log.InstancesStarted);
        Assert.Equal(1, h.Log.InstancesStopped);
    }

    private static async Task ReadAllAsync(IAsyncEnumerable<string> pieces, List<string> into)
    {
        await foreach (var piece in pieces)
        {
            into.Add(piece);
        }
    }
}
