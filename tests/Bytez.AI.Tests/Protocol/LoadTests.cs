using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Bytez.AI.Tests.Protocol;

/// <summary>The load algorithm: start, then poll status until RUNNING, FAILED or the deadline.</summary>
public sealed class LoadTests
{
    private const string Model = "openai-community/gpt2";

    /// <summary>A scripted server: answers model/load once, then model/status from a list (the last repeats).</summary>
    private sealed class LoadServer
    {
        private readonly Func<HttpResponseMessage> _load;
        private readonly Func<HttpResponseMessage>[] _statuses;
        private int _statusIndex;

        public LoadServer(Func<HttpResponseMessage> load, params Func<HttpResponseMessage>[] statuses)
        {
            _load = load;
            _statuses = statuses;
            Handler = new RecordingHandler(Respond);
        }

        public RecordingHandler Handler { get; }

        public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2024, 11, 5, 18, 0, 0, TimeSpan.Zero));

        /// <summary>Gets or sets how far fake time moves on every status request.</summary>
        public TimeSpan StatusLatency { get; set; } = TimeSpan.FromSeconds(5);

        public Action<int>? OnStatus { get; set; }

        public CapturingLoggerFactory Logs { get; } = new();

        public int StatusRequests => Handler.Requests.Count(r => r.RelativePath == "model/status");

        public BytezClient CreateClient(Action<BytezClientOptions>? configure = null) =>
            TestClients.Create(Handler, Logs, Time, configure);

        private HttpResponseMessage Respond(RecordedRequest request)
        {
            if (request.RelativePath == "model/load")
            {
                return _load();
            }

            Time.Advance(StatusLatency);
            var index = _statusIndex++;
            OnStatus?.Invoke(index);
            return _statuses[Math.Min(index, _statuses.Length - 1)]();
        }
    }

    private static Func<HttpResponseMessage> Fixture(string name, HttpStatusCode status = HttpStatusCode.OK) =>
        () => RecordingHandler.Fixture(status, name);

    [Fact]
    public async Task Load_polls_through_STARTING_INSTANTIATING_to_RUNNING_reporting_each_change_once()
    {
        var server = new LoadServer(
            Fixture("v1-load-started.json"),
            Fixture("v1-status-starting.json"),
            Fixture("v1-status-starting.json"),
            Fixture("v1-status-instantiating.json"),
            Fixture("v1-status-instantiating.json"),
            Fixture("v1-status-running.json"));
        var progress = new RecordingProgress<BytezLoadProgress>();

        var result = await server.CreateClient().GetModel(Model).LoadAsync(progress: progress);

        Assert.Equal(BytezLoadOutcome.Started, result.Outcome);
        Assert.True(result.StartedByThisRequest);
        Assert.True(result.Status!.IsRunning);
        Assert.Equal(5, server.StatusRequests);
        Assert.Equal(
            [
                new BytezLoadProgress(Model, "STARTING", TimeSpan.FromSeconds(5)),
                new BytezLoadProgress(Model, "INSTANTIATING", TimeSpan.FromSeconds(15)),
                new BytezLoadProgress(Model, "RUNNING", TimeSpan.FromSeconds(25)),
            ],
            progress.Items);

        var statusLogs = server.Logs.Entries.Where(e => e.Id.Id == 5).ToList();
        Assert.Equal(3, statusLogs.Count);
        Assert.All(statusLogs, e => Assert.Equal(LogLevel.Information, e.Level));
        Assert.Contains("Bytez model openai-community/gpt2 status INSTANTIATING after 15.0 s", statusLogs[1].Line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_waits_the_poll_interval_on_the_time_provider_between_polls()
    {
        var server = new LoadServer(Fixture("v1-load-started.json"), Fixture("v1-status-starting.json"), Fixture("v1-status-running.json"))
        {
            StatusLatency = TimeSpan.Zero,
        };
        var client = server.CreateClient(o => o.LoadPollInterval = TimeSpan.FromSeconds(5));
        var polledAt = new List<DateTimeOffset>();
        server.OnStatus = _ => polledAt.Add(server.Time.GetUtcNow());

        var load = client.GetModel(Model).LoadAsync();
        for (var i = 0; i < 10_000 && !load.IsCompleted; i++)
        {
            // Fake time only moves here; the load can only finish once its 5 s timer has fired on the fake clock.
            server.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(1);
        }

        var result = await load;
        Assert.True(result.Status!.IsRunning);
        Assert.Equal(2, polledAt.Count);
        Assert.True(polledAt[1] - polledAt[0] >= TimeSpan.FromSeconds(5), $"polled {polledAt[1] - polledAt[0]} apart");
    }

    [Fact]
    public async Task Http409_is_already_loaded_with_one_status_read_and_no_polling()
    {
        var server = new LoadServer(Fixture("v1-load-error-already-loaded.json", HttpStatusCode.Conflict), Fixture("v1-status-running.json"));
        var progress = new RecordingProgress<BytezLoadProgress>();

        var result = await server.CreateClient().GetModel(Model).LoadAsync(progress: progress);

        Assert.Equal(BytezLoadOutcome.AlreadyLoaded, result.Outcome);
        Assert.False(result.StartedByThisRequest);
        Assert.Equal("RUNNING", result.Status?.Status);
        Assert.Equal(1, server.StatusRequests);
        Assert.Equal("RUNNING", Assert.Single(progress.Items).Status);
    }

    [Fact]
    public async Task Http409_followed_by_a_failed_status_read_is_still_already_loaded_without_a_status()
    {
        var server = new LoadServer(
            Fixture("v1-load-error-already-loaded.json", HttpStatusCode.Conflict),
            () => RecordingHandler.Json(HttpStatusCode.InternalServerError, """{"error":"status store unavailable"}"""));
        var progress = new RecordingProgress<BytezLoadProgress>();

        var result = await server.CreateClient().GetModel(Model).LoadAsync(progress: progress);

        Assert.Equal(BytezLoadOutcome.AlreadyLoaded, result.Outcome);
        Assert.Null(result.Status);
        Assert.Empty(progress.Items);
        Assert.Equal(1, server.StatusRequests);
        CapturedLogEntry warning = Assert.Single(server.Logs.Entries, e => e.Id.Id == 7);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("status store unavailable", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http409_followed_by_an_auth_error_on_the_status_read_throws_it()
    {
        var server = new LoadServer(
            Fixture("v1-load-error-already-loaded.json", HttpStatusCode.Conflict),
            () => RecordingHandler.Fixture(HttpStatusCode.Unauthorized, "v2-error-unauthorized.json"));

        var ex = await Assert.ThrowsAsync<BytezUnauthorizedException>(() => server.CreateClient().GetModel(Model).LoadAsync());

        Assert.StartsWith("Bytez status check of 'openai-community/gpt2' failed with HTTP 401", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_alone_reports_409_and_429_without_polling()
    {
        var conflict = new LoadServer(Fixture("v1-load-error-already-loaded.json", HttpStatusCode.Conflict));
        var busy = new LoadServer(Fixture("v1-load-error-in-progress.json", HttpStatusCode.TooManyRequests));
        var started = new LoadServer(Fixture("v1-load-started.json"));

        Assert.Equal(BytezLoadOutcome.AlreadyLoaded, (await conflict.CreateClient().GetModel(Model).StartAsync()).Outcome);
        Assert.Equal(BytezLoadOutcome.LoadInProgress, (await busy.CreateClient().GetModel(Model).StartAsync()).Outcome);
        var result = await started.CreateClient().GetModel(Model).StartAsync();
        Assert.Equal(BytezLoadOutcome.Started, result.Outcome);
        Assert.Null(result.Status);
        Assert.Equal(0, conflict.StatusRequests + busy.StatusRequests + started.StatusRequests);
    }

    [Fact]
    public async Task Http429_in_progress_polls_until_running()
    {
        var server = new LoadServer(
            Fixture("v1-load-error-in-progress.json", HttpStatusCode.TooManyRequests),
            Fixture("v1-status-instantiating.json"),
            Fixture("v1-status-running.json"));

        var result = await server.CreateClient().GetModel(Model).LoadAsync();

        Assert.Equal(BytezLoadOutcome.LoadInProgress, result.Outcome);
        Assert.True(result.Status!.IsRunning);
        Assert.Equal(2, server.StatusRequests);
    }

    [Fact]
    public async Task Credits_error_on_load_throws_without_polling()
    {
        var server = new LoadServer(Fixture("v1-error-credits.json", HttpStatusCode.TooManyRequests), Fixture("v1-status-running.json"));

        var ex = await Assert.ThrowsAsync<BytezOutOfCreditsException>(() => server.CreateClient().GetModel(Model).LoadAsync());

        Assert.Equal(0, server.StatusRequests);
        Assert.StartsWith("Bytez load of 'openai-community/gpt2' failed with HTTP 429", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_start_errors_throw_mapped_exceptions()
    {
        var server = new LoadServer(() => RecordingHandler.Json(HttpStatusCode.InternalServerError, """{"error":"boom"}"""));

        var ex = await Assert.ThrowsAsync<BytezException>(() => server.CreateClient().GetModel(Model).LoadAsync());

        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Equal(0, server.StatusRequests);
    }

    [Fact]
    public async Task FAILED_status_throws_model_failed_with_the_server_reason()
    {
        var server = new LoadServer(Fixture("v1-load-started.json"), Fixture("v1-status-starting.json"), Fixture("v1-status-failed.json"));

        var ex = await Assert.ThrowsAsync<BytezModelFailedException>(() => server.CreateClient().GetModel(Model).LoadAsync());

        Assert.Equal("Model failed to load: CUDA out of memory", ex.BytezError);
        Assert.Equal(Model, ex.ModelId);
        Assert.StartsWith(
            "Bytez load of 'openai-community/gpt2' failed: the instance status is FAILED: Model failed to load: CUDA out of memory. ",
            ex.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deadline_throws_load_timeout_with_the_real_figure()
    {
        var server = new LoadServer(Fixture("v1-load-started.json"), Fixture("v1-status-starting.json")) { StatusLatency = TimeSpan.FromMinutes(4) };

        var ex = await Assert.ThrowsAsync<BytezLoadTimeoutException>(() => server.CreateClient().GetModel(Model).LoadAsync());

        Assert.StartsWith("Model loading timed out after 15 minutes: 'openai-community/gpt2' was still STARTING.", ex.Message, StringComparison.Ordinal);
        Assert.Equal(4, server.StatusRequests);
    }

    [Fact]
    public async Task Deadline_from_load_options_overrides_the_client_default()
    {
        var server = new LoadServer(Fixture("v1-load-started.json"), Fixture("v1-status-instantiating.json")) { StatusLatency = TimeSpan.FromSeconds(30) };

        var ex = await Assert.ThrowsAsync<BytezLoadTimeoutException>(
            () => server.CreateClient().GetModel(Model).LoadAsync(new BytezLoadOptions { LoadTimeout = TimeSpan.FromSeconds(90) }));

        Assert.StartsWith("Model loading timed out after 90 seconds", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_statuses_and_failed_polls_keep_polling()
    {
        var server = new LoadServer(
            Fixture("v1-load-started.json"),
            () => RecordingHandler.Json(HttpStatusCode.OK, """{"model":"openai-community/gpt2","status":"WARMING_UP"}"""),
            () => RecordingHandler.Json(HttpStatusCode.InternalServerError, """{"error":"gateway hiccup"}"""),
            () => RecordingHandler.Text(HttpStatusCode.BadGateway, "<html>Bad gateway</html>", "text/html"),
            () => RecordingHandler.Json(HttpStatusCode.OK, "not json"),
            () => RecordingHandler.Json(HttpStatusCode.TooManyRequests, """{"error":"Rate limit exceeded"}"""),
            Fixture("v1-status-running.json"));
        var progress = new RecordingProgress<BytezLoadProgress>();

        var result = await server.CreateClient().GetModel(Model).LoadAsync(progress: progress);

        Assert.True(result.Status!.IsRunning);
        Assert.Equal(6, server.StatusRequests);
        Assert.Equal(["WARMING_UP", "RUNNING"], progress.Items.Select(p => p.Status));
        Assert.Equal(4, server.Logs.Entries.Count(e => e.Id.Id == 6 && e.Level == LogLevel.Warning));
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, typeof(BytezUnauthorizedException))]
    [InlineData(HttpStatusCode.Forbidden, typeof(BytezUnauthorizedException))]
    [InlineData(HttpStatusCode.NotFound, typeof(BytezNotFoundException))]
    [InlineData(HttpStatusCode.PaymentRequired, typeof(BytezOutOfCreditsException))]
    public async Task Auth_not_found_and_credit_errors_during_polling_throw_at_once(HttpStatusCode status, Type expected)
    {
        var server = new LoadServer(
            Fixture("v1-load-started.json"),
            () => RecordingHandler.Json(status, """{"error":"nope"}"""),
            Fixture("v1-status-running.json"));

        var ex = await Assert.ThrowsAnyAsync<BytezException>(() => server.CreateClient().GetModel(Model).LoadAsync());

        Assert.IsType(expected, ex);
        Assert.Equal(1, server.StatusRequests);
    }

    [Fact]
    public async Task Cancellation_while_polling_throws_OperationCanceledException()
    {
        using var cts = new CancellationTokenSource();
        var server = new LoadServer(Fixture("v1-load-started.json"), Fixture("v1-status-starting.json"));
        server.OnStatus = index =>
        {
            if (index == 2)
            {
                cts.Cancel();
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => server.CreateClient().GetModel(Model).LoadAsync(cancellationToken: cts.Token));

        Assert.Equal(3, server.StatusRequests);
    }

    [Fact]
    public async Task Cancellation_during_a_poll_delay_throws_OperationCanceledException()
    {
        using var cts = new CancellationTokenSource();
        var server = new LoadServer(Fixture("v1-load-started.json"), Fixture("v1-status-starting.json"));
        var client = server.CreateClient(o => o.LoadPollInterval = TimeSpan.FromMinutes(1));
        server.OnStatus = _ => cts.CancelAfter(TimeSpan.FromMilliseconds(20));

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetModel(Model).LoadAsync(cancellationToken: cts.Token));

        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Equal(1, server.StatusRequests);
    }

    [Fact]
    public async Task Status_read_returns_the_FAILED_reason_instead_of_throwing()
    {
        var server = new LoadServer(Fixture("v1-load-started.json"), Fixture("v1-status-failed.json"));

        var status = await server.CreateClient().GetModel(Model).GetStatusAsync();

        Assert.Equal(BytezModelStatuses.Failed, status.Status);
        Assert.Equal("Model failed to load: CUDA out of memory", status.Error);
        Assert.False(status.IsRunning);
    }

    [Fact]
    public async Task Status_fields_are_read_from_the_fixture()
    {
        var server = new LoadServer(Fixture("v1-load-started.json"), Fixture("v1-status-running.json"));

        var status = await server.CreateClient().GetModel(Model).GetStatusAsync();

        Assert.Equal(Model, status.Model);
        Assert.Equal("RUNNING", status.Status);
        Assert.True(status.IsRunning);
        Assert.Equal(1, status.Concurrency);
        Assert.Equal(0, status.Inferences);
        Assert.Equal(300, status.ExpirationPeriodSeconds);
        Assert.Equal(new DateTimeOffset(2024, 11, 5, 18, 10, 0, TimeSpan.Zero), status.ExpiresAt);
        Assert.Equal(new DateTimeOffset(2024, 11, 5, 18, 0, 0, TimeSpan.Zero), status.Created);
        Assert.Equal(new DateTimeOffset(2024, 11, 5, 18, 0, 5, TimeSpan.Zero), status.Modified);
        Assert.Null(status.Error);
        Assert.Equal("RUNNING", status.RawRepresentation.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Invalid_load_options_are_rejected_before_any_request()
    {
        var server = new LoadServer(Fixture("v1-load-started.json"));
        var model = server.CreateClient().GetModel(Model);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => model.LoadAsync(new BytezLoadOptions { Concurrency = 0 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => model.StartAsync(new BytezLoadOptions { IdleTimeout = TimeSpan.Zero }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => model.LoadAsync(new BytezLoadOptions { PollInterval = TimeSpan.FromSeconds(-1) }));
        Assert.Empty(server.Handler.Requests);
    }
}
