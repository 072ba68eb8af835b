using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Bytez.AI.Tests.Protocol;

/// <summary>
/// How one HTTP exchange becomes a result or an error: which text of an error body the user is shown, what an answer
/// that is not a Bytez error reads like, Retry-After, failures before the headers, and the request log line.
/// </summary>
public sealed class TransportTests
{
    private const string Model = "openai-community/gpt2";

    private static Task<BytezRunResult> Run(Func<HttpResponseMessage> respond, TimeProvider? timeProvider = null) =>
        TestClients.RunAnswered(Model, respond, timeProvider);

    private static Task<BytezException> RunFailing(HttpStatusCode status, string json) =>
        Assert.ThrowsAnyAsync<BytezException>(() => Run(() => RecordingHandler.Json(status, json)));

    [Fact]
    public async Task An_error_body_with_only_a_message_reports_the_message()
    {
        var ex = await RunFailing(HttpStatusCode.BadRequest, """{"message":"input is too long"}""");

        Assert.Equal("input is too long", ex.BytezError);
        Assert.Contains("(Bad Request): input is too long.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_body_with_only_an_error_reports_the_error()
    {
        var ex = await RunFailing(HttpStatusCode.BadRequest, """{"error":"bad params","message":null}""");

        Assert.Equal("bad params", ex.BytezError);
    }

    [Fact]
    public async Task An_error_and_a_message_that_say_the_same_are_reported_once()
    {
        var ex = await RunFailing(HttpStatusCode.BadRequest, """{"error":"bad params","message":"bad params"}""");

        Assert.Equal("bad params", ex.BytezError);
    }

    [Fact]
    public async Task An_error_and_a_different_message_are_both_reported()
    {
        var ex = await RunFailing(HttpStatusCode.BadRequest, """{"error":"Bad Request.","message":"max_new_tokens must be positive"}""");

        Assert.Equal("Bad Request: max_new_tokens must be positive", ex.BytezError);
    }

    [Fact]
    public async Task Error_text_is_trimmed_and_blank_or_false_members_count_as_absent()
    {
        var trimmed = await RunFailing(HttpStatusCode.BadRequest, """{"error":"  bad params \n"}""");
        Assert.Equal("bad params", trimmed.BytezError);

        var blank = await RunFailing(HttpStatusCode.BadRequest, """{"error":"   ","message":"from the message"}""");
        Assert.Equal("from the message", blank.BytezError);

        var no = await RunFailing(HttpStatusCode.BadRequest, """{"error":false,"message":"from the message"}""");
        Assert.Equal("from the message", no.BytezError);
    }

    [Fact]
    public async Task A_structured_error_member_is_shown_as_its_JSON_text()
    {
        var ex = await RunFailing(HttpStatusCode.BadRequest, """{"error":{"code":7,"detail":"bad"}}""");

        Assert.Equal("""{"code":7,"detail":"bad"}""", ex.BytezError);
    }

    [Fact]
    public async Task A_message_member_on_a_success_is_not_an_error()
    {
        var result = await Run(() => RecordingHandler.Json(HttpStatusCode.OK, """{"output":"fine","message":"served from cache"}"""));

        Assert.Equal("fine", result.GetGeneratedText());
    }

    [Fact]
    public async Task A_failure_whose_JSON_carries_no_error_text_shows_the_body()
    {
        var array = await RunFailing(HttpStatusCode.InternalServerError, """["upstream", "down"]""");
        Assert.Null(array.BytezError);
        Assert.Contains("""the body was not a Bytez error: "["upstream", "down"]".""", array.Message, StringComparison.Ordinal);

        var quiet = await RunFailing(HttpStatusCode.BadRequest, """{"detail":"missing input"}""");
        Assert.Null(quiet.BytezError);
        Assert.Contains("""the body was not a Bytez error: "{"detail":"missing input"}".""", quiet.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_with_an_empty_body_says_it_carried_no_message_and_falls_back_to_the_status_name()
    {
        var ex = await Assert.ThrowsAnyAsync<BytezException>(() => Run(() => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { ReasonPhrase = " " }));

        Assert.Equal(
            "Bytez run of 'openai-community/gpt2' failed with HTTP 503 (Service Unavailable): the response carried no error message. Bytez or the model's instance failed; retry later, and if it persists check BytezModel.GetStatusAsync.",
            ex.Message);
    }

    [Fact]
    public async Task The_api_key_is_redacted_from_error_text_and_from_body_excerpts()
    {
        var inError = await RunFailing(HttpStatusCode.BadRequest, $$"""{"error":"bad key {{TestClients.ApiKey}}"}""");
        Assert.DoesNotContain(TestClients.ApiKey, inError.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestClients.ApiKey, inError.BytezError, StringComparison.Ordinal);

        var inPage = await Assert.ThrowsAnyAsync<BytezException>(
            () => Run(() => RecordingHandler.Text(HttpStatusCode.BadGateway, $"<p>key {TestClients.ApiKey} refused</p>", "text/html")));
        Assert.DoesNotContain(TestClients.ApiKey, inPage.Message, StringComparison.Ordinal);
        Assert.Contains("the body was not a Bytez error", inPage.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Retry_After_date_in_the_past_means_retry_now()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var ex = await Assert.ThrowsAsync<BytezRateLimitException>(() => Run(
            () =>
            {
                var response = RecordingHandler.Fixture(HttpStatusCode.TooManyRequests, "v2-error-rate-limit.json");
                response.Headers.RetryAfter = new RetryConditionHeaderValue(time.GetUtcNow().AddSeconds(-30));
                return response;
            },
            time));

        Assert.Equal(TimeSpan.Zero, ex.RetryAfter);
    }

    [Fact]
    public async Task A_connection_failure_before_the_headers_of_a_stream_names_the_endpoint()
    {
        var handler = new RecordingHandler((RecordedRequest _) => throw new HttpRequestException("Connection refused (api.bytez.test:443)"));
        var received = new List<string>();

        var ex = await Assert.ThrowsAsync<BytezException>(async () =>
        {
            await foreach (var piece in TestClients.Create(handler).GetModel(Model).RunStreamingAsync("hi"))
            {
                received.Add(piece);
            }
        });

        Assert.Empty(received);
        Assert.IsType<HttpRequestException>(ex.InnerException);
        Assert.Equal(
            "Bytez streaming run of 'openai-community/gpt2' could not reach https://api.bytez.test/ (Connection refused (api.bytez.test:443)). Check the network connection and BytezClientOptions.Endpoint.",
            ex.Message);
    }

    [Fact]
    public async Task A_timeout_before_the_headers_of_a_stream_says_how_to_raise_it()
    {
        var handler = new RecordingHandler((RecordedRequest _) => throw new TaskCanceledException("timeout", new TimeoutException()));

        var ex = await Assert.ThrowsAsync<BytezException>(() => TestClients.Create(handler).GetModel(Model).RunStreamingAsync("hi").ToListAsync().AsTask());

        Assert.IsType<TaskCanceledException>(ex.InnerException);
        Assert.StartsWith("Bytez streaming run of 'openai-community/gpt2' timed out after 100 seconds", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>Failures of a read that are not the caller's cancellation: a broken connection, and a cancellation from elsewhere.</summary>
    public static TheoryData<Exception> BrokenReads() =>
    [
        new IOException("The response ended prematurely."),
        new TaskCanceledException("The operation was canceled."),
    ];

    [Theory]
    [MemberData(nameof(BrokenReads))]
    public async Task A_JSON_answer_to_a_stream_broken_while_it_is_read_is_an_interrupted_stream(Exception failure)
    {
        var body = new ChunkedStream();
        body.Write("""{"output":"Once upon""");
        body.Fail(failure);
        var handler = new RecordingHandler(_ => JsonStream(body));

        var ex = await Assert.ThrowsAsync<BytezException>(() => TestClients.Create(handler).GetModel(Model).RunStreamingAsync("hi").ToListAsync().AsTask());

        Assert.Equal(typeof(BytezException), ex.GetType());
        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Same(failure, ex.InnerException);
        Assert.Equal(
            $"Bytez streaming run of 'openai-community/gpt2' was interrupted after the stream began ({failure.Message.TrimEnd('.')}). Retry the run; the text received so far is incomplete.",
            ex.Message);
    }

    [Fact]
    public async Task A_stream_refused_with_an_error_status_releases_the_response()
    {
        var body = ChunkedStream.FromText("""{"error":"Rate limit exceeded"}""");
        var handler = new RecordingHandler(_ => JsonStream(body, HttpStatusCode.TooManyRequests));

        var ex = await Assert.ThrowsAsync<BytezRateLimitException>(() => TestClients.Create(handler).GetModel(Model).RunStreamingAsync("hi").ToListAsync().AsTask());

        Assert.Equal("Rate limit exceeded", ex.BytezError);
        Assert.True(body.IsDisposed);
    }

    [Fact]
    public async Task Every_answer_is_logged_with_method_path_and_status_and_never_the_key()
    {
        var logs = new CapturingLoggerFactory();
        var handler = new RecordingHandler(request => request.Path == "model/list"
            ? RecordingHandler.Json(HttpStatusCode.OK, "[]")
            : RecordingHandler.Text(HttpStatusCode.OK, "streamed"));
        using var client = TestClients.Create(handler, logs);

        _ = await client.ListModelsAsync();
        _ = await client.GetModel(Model).RunStreamingAsync("hi").ToListAsync();

        Assert.Equal(
            ["Bytez GET model/list answered HTTP 200", "Bytez POST model/run answered HTTP 200"],
            logs.Entries.Where(e => e.Id.Id == 1).Select(e => e.Message));
        Assert.All(logs.Entries.Where(e => e.Id.Id == 1), e => Assert.Equal(LogLevel.Debug, e.Level));
        Assert.DoesNotContain(TestClients.ApiKey, logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_carry_the_key_the_library_version_and_json_headers()
    {
        var handler = new RecordingHandler(request => request.Path == "model/list"
            ? RecordingHandler.Json(HttpStatusCode.OK, "[]")
            : RecordingHandler.Text(HttpStatusCode.OK, "streamed"));
        using var client = TestClients.Create(handler);

        _ = await client.ListModelsAsync();
        _ = await client.GetModel(Model).RunStreamingAsync("hi").ToListAsync();

        RecordedRequest list = handler.Requests[0];
        Assert.Equal($"Key {TestClients.ApiKey}", list.Authorization);
        // The package version (major.minor.patch, a pre-release label at most): not the four-part assembly version, and
        // without the "+commit" of the informational version.
        Assert.Matches(@"^Bytez\.AI/\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$", list.UserAgent);
        Assert.Null(list.ContentType);
        Assert.Equal("application/json", list.Accept);
        RecordedRequest stream = handler.Requests[1];
        Assert.Equal("application/json", stream.ContentType);
        Assert.Null(stream.Accept); // a stream answers text, whatever its content type says
        Assert.Equal(list.UserAgent, stream.UserAgent);
    }

    [Fact]
    public async Task Every_call_that_expects_JSON_asks_for_it_and_a_media_run_does_not()
    {
        var v1 = new RecordingHandler(request => request.Path == "model/run"
            ? RecordingHandler.Fixture(HttpStatusCode.OK, "v1-run-chat.json")
            : RecordingHandler.Fixture(HttpStatusCode.OK, "v1-status-running.json"));
        using var client = TestClients.Create(v1);
        var model = client.GetModel(Model);

        _ = await model.RunAsync("hi");
        _ = await model.GetStatusAsync();
        await model.StopAsync();

        Assert.Equal(["model/run", "model/status", "model/delete"], v1.Requests.Select(r => r.Path));
        Assert.All(v1.Requests, r => Assert.Equal("application/json", r.Accept));

        // A v2 media run may be answered with the image itself: it does not ask for JSON.
        var v2 = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([1, 2, 3]) });
        _ = await TestClients.CreateV2(v2).GetModel(Model).RunMediaAsync("a cat");
        Assert.Null(Assert.Single(v2.Requests).Accept);
    }

    [Theory]
    [InlineData(201)]
    [InlineData(299)]
    public async Task Any_2xx_status_with_a_result_is_a_success(int status)
    {
        // A "message" member is an error's text only on a failure status: on any 2xx it is part of the answer.
        var result = await Run(() => RecordingHandler.Json((HttpStatusCode)status, """{"error":null,"output":"Paris","message":"served from cache"}"""));

        Assert.Equal("Paris", result.GetText());
    }

    [Fact]
    public async Task A_success_with_an_error_reports_the_error_alone_not_its_message()
    {
        // On a 2xx only "error" makes the answer a failure; a "message" beside it is part of the answer, not the error.
        var ex = await Assert.ThrowsAnyAsync<BytezException>(() => Run(() => RecordingHandler.Json(HttpStatusCode.OK, """{"error":"model crashed","message":"see logs"}""")));

        Assert.Equal("model crashed", ex.BytezError);
    }

    [Fact]
    public async Task An_OpenAI_shaped_error_reports_its_message()
    {
        var ex = await RunFailing(HttpStatusCode.BadRequest, """{"error":{"message":"max_tokens is too large","type":"invalid_request_error"}}""");

        Assert.Equal("max_tokens is too large", ex.BytezError);
    }

    [Fact]
    public async Task An_error_object_whose_message_is_not_text_is_shown_as_its_JSON()
    {
        var ex = await RunFailing(HttpStatusCode.BadRequest, """{"error":{"message":42}}""");

        Assert.Equal("""{"message":42}""", ex.BytezError);
    }

    [Theory]
    [InlineData(300)]
    [InlineData(302)]
    [InlineData(399)]
    public async Task Every_3xx_is_a_refused_redirect_named_by_its_target(int status)
    {
        var ex = await Assert.ThrowsAnyAsync<BytezException>(() => Run(() =>
        {
            var response = new HttpResponseMessage((HttpStatusCode)status);
            response.Headers.Location = new Uri("https://elsewhere.test/model/run");
            return response;
        }));

        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Contains($"HTTP {status}, a redirect to https://elsewhere.test, which the client does not follow", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_without_a_Location_is_refused_without_naming_a_target()
    {
        var ex = await Assert.ThrowsAnyAsync<BytezException>(() => Run(() => new HttpResponseMessage(HttpStatusCode.TemporaryRedirect)));

        Assert.Contains("HTTP 307, a redirect, which the client does not follow", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relative_redirect_is_named_by_the_origin_it_points_to()
    {
        var ex = await Assert.ThrowsAnyAsync<BytezException>(() => Run(() =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.Found);
            response.Headers.Location = new Uri("/login", UriKind.Relative);
            return response;
        }));

        Assert.Contains("a redirect to https://api.bytez.test, which the client does not follow", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_stalls_after_the_headers_fails_at_the_HttpClient_timeout()
    {
        // The HttpClient's own timeout stops applying when the headers arrive; the library applies what is left of it
        // to the body, so a body that never ends fails instead of hanging.
        var body = new ChunkedStream("""{"output":"Once upon"""u8.ToArray());
        var handler = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body) });
        using var client = TestClients.Create(handler, configure: o => o.HttpClient = new HttpClient(handler) { Timeout = TimeSpan.FromMilliseconds(300) });

        var ex = await Assert.ThrowsAsync<BytezException>(() => client.GetModel(Model).RunAsync("hi").WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.IsAssignableFrom<OperationCanceledException>(ex.InnerException);
        Assert.StartsWith("Bytez run of 'openai-community/gpt2' timed out after 0.3 seconds without a complete response.", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100_000)]
    [InlineData(-1)] // Timeout.InfiniteTimeSpan
    public async Task A_body_that_arrives_in_parts_is_read_whole_within_the_timeout_or_without_one(int timeoutMilliseconds)
    {
        var body = new ChunkedStream("""{"output":"Once upon"""u8.ToArray());
        var handler = new RecordingHandler(request =>
        {
            // The rest comes later, while the body is being read (a wrong deadline would cancel that read).
            _ = Task.Delay(300).ContinueWith(_ => { body.Write(""" a time"}"""); body.Complete(); }, TaskScheduler.Default);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body) };
        });
        using var client = TestClients.Create(handler, configure: o => o.HttpClient = new HttpClient(handler) { Timeout = TimeSpan.FromMilliseconds(timeoutMilliseconds) });

        var result = await client.GetModel(Model).RunAsync("hi").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("Once upon a time", result.GetText());
    }

    [Fact]
    public async Task A_stream_refused_with_an_error_body_over_the_size_limit_says_so()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Text(HttpStatusCode.InternalServerError, new string('x', 4096)));
        using var client = TestClients.Create(handler, configure: o => o.MaxResponseSize = 1024);

        var ex = await Assert.ThrowsAsync<BytezProtocolException>(() => client.GetModel(Model).RunStreamingAsync("hi").ToListAsync().AsTask());

        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Contains("answered HTTP 500 with a body of 4 KiB (announced by Content-Length, so nothing was read)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_JSON_answer_to_a_stream_that_stalls_is_a_stalled_stream()
    {
        var body = new ChunkedStream("""{"output":"Once upon"""u8.ToArray()); // and nothing more, ever
        var handler = new RecordingHandler(_ => JsonStream(body));
        using var client = TestClients.Create(handler, configure: o => o.StreamIdleTimeout = TimeSpan.FromMilliseconds(200));

        var ex = await Assert.ThrowsAsync<BytezException>(() => client.GetModel(Model).RunStreamingAsync("hi").ToListAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.StartsWith("Bytez streaming run of 'openai-community/gpt2' stalled after the stream began: no data arrived for 0.2 seconds", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_while_the_JSON_answer_to_a_stream_is_read_throws_OperationCanceledException()
    {
        using var cancellation = new CancellationTokenSource();
        var body = new ChunkedStream("""{"output":"Once upon"""u8.ToArray()); // the rest never comes
        var handler = new RecordingHandler(_ =>
        {
            cancellation.Cancel(); // the caller cancels once the headers are in, while the answer is being read
            return JsonStream(body);
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => TestClients.Create(handler).GetModel(Model).RunStreamingAsync("hi", cancellationToken: cancellation.Token).ToListAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
    }

    /// <summary>An answer whose JSON body is read from <paramref name="body"/> as it arrives (no Content-Length).</summary>
    private static HttpResponseMessage JsonStream(ChunkedStream body, HttpStatusCode status = HttpStatusCode.OK)
    {
        var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(status) { Content = content };
    }
}
