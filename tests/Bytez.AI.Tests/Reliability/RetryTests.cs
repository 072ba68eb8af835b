using System.Net;
using System.Net.Http.Headers;
using Bytez.AI.Emulator;
using Bytez.AI.Tests.Reliability.Infrastructure;

namespace Bytez.AI.Tests.Reliability;

/// <summary>What the retry handler retries, what it never retries, and how long it waits.</summary>
public sealed class RetryTests
{
    private static readonly BytezInput Question = BytezInput.FromMessages([new BytezChatMessage("user", "What is the capital of France?")]);

    /// <summary>A chat model ready to run: loaded on v1; on the serverless v2 the load answers without a request.</summary>
    private static async Task<(Harness Harness, BytezModel Model)> LoadedAsync(BytezApiVersion apiVersion = BytezApiVersion.V1, BytezRetryOptions? retry = null)
    {
        var h = await Harness.StartAsync(retry, apiVersion: apiVersion);
        var model = h.Client.GetModel(TestModels.Chat);
        await model.LoadAsync();
        return (h, model);
    }

    /// <summary>Stops the instance a v1 load started (and fails if it cannot); v2 has no instances to stop.</summary>
    private static Task StopAsync(BytezModel model, BytezApiVersion apiVersion) =>
        apiVersion == BytezApiVersion.V1 ? model.StopAsync() : Task.CompletedTask;

    [Theory]
    [BothApiVersions(408)]
    [BothApiVersions(429)]
    [BothApiVersions(500)]
    [BothApiVersions(502)]
    [BothApiVersions(503)]
    [BothApiVersions(504)]
    public async Task A_transient_status_on_a_run_is_retried_until_the_run_succeeds(BytezApiVersion apiVersion, int status)
    {
        var (h, model) = await LoadedAsync(apiVersion);
        await using (h)
        {
            h.Emulator.Script(TestModels.Chat).Fail(status, "try again").Times(2);

            var result = await model.RunAsync(Question);

            Assert.False(string.IsNullOrEmpty(result.GetGeneratedText()));
            Assert.Equal(3, h.Log.RunCount(TestModels.Chat));
            await StopAsync(model, apiVersion);
            Assert.Equal(0, h.Counter.Undisposed);
        }
    }

    [Theory]
    [BothApiVersions(400)]
    [BothApiVersions(401)]
    [BothApiVersions(402)]
    [BothApiVersions(403)]
    [BothApiVersions(404)]
    [BothApiVersions(409)]
    [BothApiVersions(422)]
    public async Task Any_other_4xx_is_never_retried(BytezApiVersion apiVersion, int status)
    {
        var (h, model) = await LoadedAsync(apiVersion);
        await using (h)
        {
            h.Emulator.Script(TestModels.Chat).Fail(status, "rejected");

            var ex = await Assert.ThrowsAnyAsync<BytezException>(() => model.RunAsync(Question));

            Assert.Equal((HttpStatusCode)status, ex.StatusCode);
            Assert.Equal(1, h.Log.RunCount(TestModels.Chat));
            await StopAsync(model, apiVersion);
            Assert.Equal(0, h.Counter.Undisposed);
        }
    }

    [Theory]
    [BothApiVersions]
    public async Task Out_of_credits_is_never_retried(BytezApiVersion apiVersion)
    {
        var (h, model) = await LoadedAsync(apiVersion);
        await using (h)
        {
            h.Emulator.Script(TestModels.Chat).Fault(EmulatorFault.OutOfCredits);

            var ex = await Assert.ThrowsAsync<BytezOutOfCreditsException>(() => model.RunAsync(Question));

            // v1 says it with a 429 (that must not be retried as a rate limit), v2 with a 402.
            Assert.Equal(apiVersion == BytezApiVersion.V1 ? HttpStatusCode.TooManyRequests : HttpStatusCode.PaymentRequired, ex.StatusCode);
            Assert.Equal(1, h.Log.RunCount(TestModels.Chat));
            await StopAsync(model, apiVersion);
        }
    }

    [Theory]
    [BothApiVersions]
    public async Task Retries_give_up_after_MaxRetryAttempts_with_the_last_error(BytezApiVersion apiVersion)
    {
        var (h, model) = await LoadedAsync(apiVersion);
        await using (h)
        {
            h.Emulator.Script(TestModels.Chat).Fault(EmulatorFault.ServerErrorHtml, times: -1);

            var ex = await Assert.ThrowsAsync<BytezException>(() => model.RunAsync(Question));

            Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
            Assert.Equal(1 + 3, h.Log.RunCount(TestModels.Chat));
            Assert.Equal(0, h.Counter.Undisposed);
            h.Emulator.Script(TestModels.Chat).Clear();
            await StopAsync(model, apiVersion);
        }
    }

    [Theory]
    [BothApiVersions]
    public async Task A_stream_answered_with_an_error_status_is_retried_before_any_text(BytezApiVersion apiVersion)
    {
        var (h, model) = await LoadedAsync(apiVersion);
        await using (h)
        {
            h.Emulator.Script(TestModels.Chat).Fail(503, "busy");

            var text = string.Concat(await model.RunStreamingAsync(Question).ToListAsync());

            Assert.NotEmpty(text);
            Assert.Equal(2, h.Log.RunCount(TestModels.Chat));
            await StopAsync(model, apiVersion);
            Assert.Equal(0, h.Counter.Undisposed);
        }
    }

    [Fact] // status exists on v1 only (v2 is serverless)
    public async Task Status_reads_are_retried()
    {
        var (h, model) = await LoadedAsync();
        await using (h)
        {
            h.Emulator.Script(TestModels.Chat).Fault(EmulatorFault.ServerErrorHtml, 1, EmulatorOperation.Status);
            var before = h.Log.Count(EmulatorRequestKind.Status, TestModels.Chat);

            var status = await model.GetStatusAsync();

            Assert.True(status.IsRunning);
            Assert.Equal(before + 2, h.Log.Count(EmulatorRequestKind.Status, TestModels.Chat));
            await model.StopAsync();
        }
    }

    [Fact] // stop exists on v1 only (v2 is serverless)
    public async Task A_stop_is_never_retried()
    {
        var (h, model) = await LoadedAsync();
        await using (h)
        {
            h.Emulator.Script(TestModels.Chat).Fault(EmulatorFault.ServerErrorHtml, 1, EmulatorOperation.Stop);

            await Assert.ThrowsAsync<BytezException>(() => model.StopAsync());

            Assert.Equal(1, h.Log.StopCount(TestModels.Chat));
            await model.StopAsync();
        }
    }

    [Theory]
    [InlineData("list models")]
    [InlineData("list instances")]
    public async Task Lists_are_retried_after_a_5xx_and_after_a_network_failure(string call)
    {
        var stub = new StubHandler((_, attempt) => attempt switch
        {
            1 => throw new HttpRequestException("Connection refused"),
            2 => StubHandler.Json(HttpStatusCode.ServiceUnavailable, """{"error":"busy"}"""),
            _ => StubHandler.Json(HttpStatusCode.OK, "[]"),
        });
        using var client = stub.Client();

        var items = call == "list models" ? (await client.ListModelsAsync()).Count : (await client.ListInstancesAsync()).Count;

        Assert.Equal(0, items);
        Assert.Equal(3, stub.Requests.Count);
    }

    [Theory]
    [InlineData("load")]
    [InlineData("stop")]
    [InlineData("model request")]
    public async Task Loads_stops_and_model_requests_are_sent_once_whatever_the_answer(string call)
    {
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.ServiceUnavailable, """{"error":"busy"}"""));
        using var client = stub.Client();
        var model = client.GetModel(TestModels.TextGeneration);

        await Assert.ThrowsAsync<BytezException>(() => call switch
        {
            "load" => model.StartAsync(),
            "stop" => model.StopAsync(),
            _ => client.RequestModelAsync(TestModels.TextGeneration),
        });

        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Retry_After_is_used_as_the_delay_capped_by_MaxDelay_and_the_back_off_applies_without_it()
    {
        var logs = new CapturingLoggerFactory();
        var stub = new StubHandler((_, attempt) =>
        {
            var response = StubHandler.Json(attempt == 3 ? HttpStatusCode.ServiceUnavailable : attempt < 3 ? HttpStatusCode.TooManyRequests : HttpStatusCode.OK, attempt < 4 ? """{"error":"Rate limit exceeded"}""" : "[]");
            response.Headers.RetryAfter = attempt switch
            {
                1 => new RetryConditionHeaderValue(TimeSpan.Zero),
                2 => new RetryConditionHeaderValue(TimeSpan.FromHours(1)),
                _ => null,
            };
            return response;
        });
        var retry = new BytezRetryOptions { MaxRetryAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(200), UseJitter = false };
        using var client = stub.Client(retry, logs);

        await client.ListModelsAsync();

        var retries = logs.Lines.Where(l => l.Contains("[1300]", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, retries.Count);
        Assert.Contains("(HTTP 429); retry 1 in 0 ms", retries[0], StringComparison.Ordinal);   // the server's Retry-After: 0
        Assert.Contains("(HTTP 429); retry 2 in 200 ms", retries[1], StringComparison.Ordinal); // one hour, capped by MaxDelay
        Assert.Contains("(HTTP 503); retry 3 in 20 ms", retries[2], StringComparison.Ordinal);  // back-off: 5 ms × 2²
        Assert.All(retries, l => Assert.Contains("GET /model/list", l, StringComparison.Ordinal));
        Assert.DoesNotContain(Harness.ApiKey, logs.AllText, StringComparison.Ordinal);
    }

    [Theory]
    [BothApiVersions(false, 3)]
    [BothApiVersions(true, 0)]
    public async Task Retries_can_be_turned_off(BytezApiVersion apiVersion, bool enabled, int attempts)
    {
        var (h, model) = await LoadedAsync(apiVersion, new BytezRetryOptions { Enabled = enabled, MaxRetryAttempts = attempts });
        await using (h)
        {
            h.Emulator.Script(TestModels.Chat).Fault(EmulatorFault.ServerErrorHtml);

            await Assert.ThrowsAsync<BytezException>(() => model.RunAsync(Question));

            Assert.Equal(1, h.Log.RunCount(TestModels.Chat));
            await StopAsync(model, apiVersion);
        }
    }

    [Theory]
    [BothApiVersions(true)]
    [BothApiVersions(false)]
    public async Task The_HttpClient_the_client_creates_retries_as_its_options_say(BytezApiVersion apiVersion, bool enabled)
    {
        var emulatorOptions = Harness.EmulatorOptions();
        emulatorOptions.Api = EmulatorFixture.ServedApi(apiVersion);
        await using var emulator = await BytezEmulator.StartAsync(emulatorOptions);
        var retry = Harness.FastRetries();
        retry.Enabled = enabled;
        using var client = new BytezClient(new BytezClientOptions { ApiKey = Harness.ApiKey, ApiVersion = apiVersion, Endpoint = emulator.Endpoint, LoadPollInterval = TimeSpan.FromMilliseconds(5), Retry = retry });
        var model = client.GetModel(TestModels.Chat);
        await model.LoadAsync();
        emulator.Script(TestModels.Chat).Fault(EmulatorFault.ServerErrorHtml);

        var run = model.RunAsync(Question);

        if (enabled)
        {
            await run;
            Assert.Equal(2, emulator.RequestLog.RunCount(TestModels.Chat));
        }
        else
        {
            await Assert.ThrowsAsync<BytezException>(() => run);
            Assert.Equal(1, emulator.RequestLog.RunCount(TestModels.Chat));
        }

        await StopAsync(model, apiVersion);
    }

    [Fact]
    public async Task A_request_the_client_did_not_mark_passes_through_untouched()
    {
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.ServiceUnavailable, "{}"));
        using var http = new HttpClient(new BytezRetryHandler(Harness.FastRetries()) { InnerHandler = stub });

        using var response = await http.GetAsync(new Uri("https://example.test/"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Cancelling_while_waiting_to_retry_throws_OperationCanceledException()
    {
        using var cts = new CancellationTokenSource();
        var stub = new StubHandler((_, _) =>
        {
            cts.Cancel();
            var response = StubHandler.Json(HttpStatusCode.TooManyRequests, """{"error":"Rate limit exceeded"}""");
            response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(30));
            return response;
        });
        using var client = stub.Client(new BytezRetryOptions { MaxDelay = TimeSpan.FromMinutes(1) });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ListModelsAsync(cancellationToken: cts.Token));

        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task A_transient_first_answer_the_retry_never_uses_after_a_cancellation_is_disposed()
    {
        // The first attempt runs before the retry pipeline; when the caller cancels during it, the pipeline gives up
        // without replaying the 503, which must still be disposed.
        using var cts = new CancellationTokenSource();
        var content = new TrackedContent();
        var stub = new StubHandler((_, _) =>
        {
            cts.Cancel();
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = content };
        });
        using var client = stub.Client();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ListModelsAsync(cancellationToken: cts.Token));

        Assert.Single(stub.Requests);
        Assert.True(content.Disposed);
    }

    [Fact]
    public async Task A_first_attempt_that_throws_something_other_than_a_network_failure_is_not_retried()
    {
        var stub = new StubHandler((_, _) => throw new InvalidOperationException("not a network failure"));
        using var client = stub.Client();

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => client.ListModelsAsync());

        Assert.Single(stub.Requests);
        Assert.Contains("not a network failure", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_network_failure_on_the_first_attempt_is_retried_and_logged_as_retry_1()
    {
        using var logs = new CapturingLoggerFactory();
        var stub = new StubHandler((_, attempt) => attempt == 1
            ? throw new HttpRequestException("connection reset")
            : StubHandler.Json(HttpStatusCode.OK, """[{"modelId":"org/model","task":"chat"}]"""));
        using var client = stub.Client(logs: logs);

        var models = await client.ListModelsAsync();

        Assert.Equal("org/model", Assert.Single(models).ModelId);
        Assert.Equal(2, stub.Requests.Count);
        var retry = Assert.Single(logs.Lines, l => l.Contains("[1300]", StringComparison.Ordinal));
        Assert.Contains("(HttpRequestException); retry 1 in 1 ms", retry, StringComparison.Ordinal);
    }

    private sealed class TrackedContent : ByteArrayContent
    {
        public TrackedContent()
            : base("{}"u8.ToArray()) => Headers.ContentType = new MediaTypeHeaderValue("application/json");

        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }

    public static TheoryData<BytezRetryOptions> InvalidOptions() =>
    [
        new() { MaxRetryAttempts = -1 },
        new() { MaxRetryAttempts = BytezRetryOptions.MaxRetryAttemptsLimit + 1 },
        new() { BaseDelay = TimeSpan.FromMilliseconds(-1) },
        new() { MaxDelay = TimeSpan.Zero },
        new() { MaxDelay = TimeSpan.FromDays(2) },
    ];

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Out_of_range_retry_options_are_refused(BytezRetryOptions retry)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new BytezClient(new BytezClientOptions { ApiKey = Harness.ApiKey, Retry = retry }));
        Assert.Contains("BytezRetryOptions.", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new BytezRetryHandler(retry));
    }
}
