using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;

namespace Bytez.AI.Tests.Protocol;

/// <summary>Every documented error maps to its exception type, status and Bytez message, on both API generations (one mapping serves both).</summary>
public sealed class ErrorMappingTests
{
    private const string Model = "openai-community/gpt2";

    private static Task<BytezRunResult> Run(Func<HttpResponseMessage> respond, TimeProvider? timeProvider = null) =>
        TestClients.RunAnswered(Model, respond, timeProvider);

    private static Task<BytezRunResult> Run(BytezApiVersion api, Func<HttpResponseMessage> respond, TimeProvider? timeProvider = null) =>
        TestClients.Create(api, new RecordingHandler(_ => respond()), timeProvider).GetModel(Model).RunAsync("hi");

    [Theory]
    [BothApiVersions]
    public async Task Http401_is_unauthorized_with_the_exact_message_contract(BytezApiVersion api)
    {
        var ex = await Assert.ThrowsAsync<BytezUnauthorizedException>(
            () => TestClients.Create(api, new RecordingHandler(_ => RecordingHandler.Fixture(HttpStatusCode.Unauthorized, "v2-error-unauthorized.json")))
                .ListModelsAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal("Unauthorized", ex.BytezError);
        Assert.Equal(
            "Bytez list models failed with HTTP 401 (Unauthorized): Unauthorized. Check the API key (the BYTEZ_API_KEY environment variable or BytezClientOptions.ApiKey): it is missing, wrong or revoked.",
            ex.Message);
    }

    [Theory]
    [BothApiVersions]
    public async Task Http403_is_unauthorized(BytezApiVersion api)
    {
        var ex = await Assert.ThrowsAsync<BytezUnauthorizedException>(() => Run(api, () => RecordingHandler.Fixture(HttpStatusCode.Forbidden, "v2-error-unauthorized.json")));
        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Equal(Model, ex.ModelId);
        Assert.StartsWith("Bytez run of 'openai-community/gpt2' failed with HTTP 403 (Forbidden): Unauthorized.", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [BothApiVersions]
    public async Task Http402_payment_required_shape_is_out_of_credits_with_error_and_message(BytezApiVersion api)
    {
        var ex = await Assert.ThrowsAsync<BytezOutOfCreditsException>(() => Run(api, () => RecordingHandler.Fixture(HttpStatusCode.PaymentRequired, "v2-error-payment-required.json")));

        Assert.Equal(HttpStatusCode.PaymentRequired, ex.StatusCode);
        Assert.Equal("Payment Required: Insufficient credits. Please add credits to continue.", ex.BytezError);
        Assert.Contains("Add credits", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [BothApiVersions]
    public async Task Credits_text_on_429_is_out_of_credits_not_rate_limit(BytezApiVersion api)
    {
        var ex = await Assert.ThrowsAsync<BytezOutOfCreditsException>(() => Run(api, () => RecordingHandler.Fixture(HttpStatusCode.TooManyRequests, "v1-error-credits.json")));

        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.StartsWith("Out of free monthly credits", ex.BytezError, StringComparison.Ordinal);
    }

    [Theory]
    [BothApiVersions]
    public async Task Http404_is_not_found_and_names_the_model(BytezApiVersion api)
    {
        var ex = await Assert.ThrowsAsync<BytezNotFoundException>(() => Run(api, () => RecordingHandler.Json(HttpStatusCode.NotFound, """{"error":"Model not found"}""")));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal("Model not found", ex.BytezError);
        Assert.Contains("'openai-community/gpt2'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ListModelsAsync", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [BothApiVersions]
    public async Task Not_running_error_is_model_not_running(BytezApiVersion api)
    {
        var ex = await Assert.ThrowsAsync<BytezModelNotRunningException>(() => Run(api, () => RecordingHandler.Json(
            HttpStatusCode.BadRequest, """{"error":"Model openai-community/gpt2 is not running. Load it first with model/load."}""")));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Contains("LoadAsync", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [BothApiVersions]
    public async Task Http429_with_delta_Retry_After_is_rate_limit_with_the_delay(BytezApiVersion api)
    {
        var ex = await Assert.ThrowsAsync<BytezRateLimitException>(() => Run(api, () =>
        {
            var response = RecordingHandler.Fixture(HttpStatusCode.TooManyRequests, "v2-error-rate-limit.json");
            response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
            return response;
        }));

        Assert.Equal(TimeSpan.FromSeconds(7), ex.RetryAfter);
        Assert.Equal("Rate limit exceeded", ex.BytezError);
        Assert.Contains("Retry after 7 seconds", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [BothApiVersions]
    public async Task Http429_with_date_Retry_After_is_measured_against_the_time_provider(BytezApiVersion api)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var ex = await Assert.ThrowsAsync<BytezRateLimitException>(() => Run(
            api,
            () =>
            {
                var response = RecordingHandler.Fixture(HttpStatusCode.TooManyRequests, "v2-error-rate-limit.json");
                response.Headers.RetryAfter = new RetryConditionHeaderValue(time.GetUtcNow().AddSeconds(30));
                return response;
            },
            time));

        Assert.Equal(TimeSpan.FromSeconds(30), ex.RetryAfter);
    }

    [Theory]
    [BothApiVersions]
    public async Task Http429_without_Retry_After_has_no_delay(BytezApiVersion api)
    {
        var ex = await Assert.ThrowsAsync<BytezRateLimitException>(() => Run(api, () => RecordingHandler.Fixture(HttpStatusCode.TooManyRequests, "v2-error-rate-limit.json")));
        Assert.Null(ex.RetryAfter);
    }

    [Theory]
    [BothApiVersions]
    public async Task Http422_container_error_is_a_plain_BytezException_with_status_and_error(BytezApiVersion api)
    {
        var ex = await Assert.ThrowsAsync<BytezException>(() => Run(api, () => RecordingHandler.Fixture(HttpStatusCode.UnprocessableEntity, "container-error-422.json")));

        Assert.Equal(typeof(BytezException), ex.GetType());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, ex.StatusCode);
        Assert.Equal("'text'", ex.BytezError);
        Assert.Equal(
            "Bytez run of 'openai-community/gpt2' failed with HTTP 422 (Unprocessable Entity): 'text'. The model's container rejected the request: check that the input and parameters suit the model's task.",
            ex.Message);
    }

    [Theory]
    [BothApiVersions]
    public async Task Http500_html_page_uses_reason_phrase_and_a_trimmed_excerpt(BytezApiVersion api)
    {
        var html = "<html>\n  <head><title>500</title></head>\n  <body><h1>Something   broke</h1>" + new string('x', 1000) + "</body></html>";
        var ex = await Assert.ThrowsAsync<BytezException>(() => Run(api, () => RecordingHandler.Text(HttpStatusCode.InternalServerError, html, "text/html")));

        Assert.Equal(typeof(BytezException), ex.GetType());
        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Null(ex.BytezError);
        Assert.StartsWith("Bytez run of 'openai-community/gpt2' failed with HTTP 500 (Internal Server Error): the body was not a Bytez error: \"500 Something broke xxx", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("<", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Message.Length < 500, ex.Message);
        Assert.Contains("retry later", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [BothApiVersions]
    public async Task Http400_generic_error_keeps_Bytez_message(BytezApiVersion api)
    {
        var ex = await Assert.ThrowsAsync<BytezException>(() => Run(api, () => RecordingHandler.Json(HttpStatusCode.BadRequest, """{"error":"bad params"}""")));

        Assert.Equal(typeof(BytezException), ex.GetType());
        Assert.Equal("bad params", ex.BytezError);
        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
    }

    [Theory]
    [BothApiVersions]
    public async Task Success_status_with_an_error_member_is_a_failure(BytezApiVersion api)
    {
        var ex = await Assert.ThrowsAsync<BytezException>(() => Run(api, () => RecordingHandler.Json(HttpStatusCode.OK, """{"error":"model exploded","output":null}""")));

        Assert.Equal("model exploded", ex.BytezError);
        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
    }

    [Theory]
    [BothApiVersions]
    public async Task Success_with_null_or_empty_error_member_is_a_success(BytezApiVersion api)
    {
        var result = await Run(api, () => RecordingHandler.Fixture(HttpStatusCode.OK, "v2-run-text-generation.json"));
        Assert.StartsWith("Once upon a time", result.GetGeneratedText(), StringComparison.Ordinal);

        var empty = await Run(api, () => RecordingHandler.Json(HttpStatusCode.OK, """{"error":"","output":"x"}"""));
        Assert.Equal("x", empty.GetGeneratedText());
    }

    [Theory]
    [BothApiVersions]
    public async Task Malformed_json_on_success_is_a_protocol_error(BytezApiVersion api)
    {
        var ex = await Assert.ThrowsAsync<BytezProtocolException>(() => Run(api, () => RecordingHandler.Json(HttpStatusCode.OK, """{"output": [""")));

        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Contains("not valid JSON", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(ex.InnerException);
    }

    [Theory]
    [BothApiVersions]
    public async Task Empty_body_on_success_where_json_is_expected_is_a_protocol_error(BytezApiVersion api)
    {
        var ex = await Assert.ThrowsAsync<BytezProtocolException>(() => Run(api, () => new HttpResponseMessage(HttpStatusCode.OK)));
        Assert.Contains("empty body", ex.Message, StringComparison.Ordinal);

        var listEx = await Assert.ThrowsAsync<BytezProtocolException>(
            () => TestClients.Create(api, new RecordingHandler(_ => RecordingHandler.Json(HttpStatusCode.OK, "  "))).ListModelsAsync());
        Assert.StartsWith("Bytez list models returned HTTP 200 with an empty body", listEx.Message, StringComparison.Ordinal);
    }

    [Theory]
    [BothApiVersions]
    public async Task List_of_the_wrong_shape_is_a_protocol_error(BytezApiVersion api)
    {
        var ex = await Assert.ThrowsAsync<BytezProtocolException>(
            () => TestClients.Create(api, new RecordingHandler(_ => RecordingHandler.Json(HttpStatusCode.OK, """{"models":1}"""))).ListModelsAsync());
        Assert.Contains("expected an array of models", ex.Message, StringComparison.Ordinal);
        Assert.Contains("members models", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "Your CREDITS are exhausted")]
    [InlineData(HttpStatusCode.Unauthorized, "no credits left")]
    [InlineData(HttpStatusCode.NotFound, "credits: 0")]
    [InlineData(HttpStatusCode.InternalServerError, "Credits exhausted")]
    public async Task Credits_text_wins_over_every_status(HttpStatusCode status, string error)
    {
        var ex = await Assert.ThrowsAsync<BytezOutOfCreditsException>(() => Run(() => RecordingHandler.Json(status, $$"""{"error":"{{error}}"}""")));

        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(error, ex.BytezError);
        Assert.EndsWith("Add credits to your Bytez account (https://bytez.com/settings) or wait for the monthly refill of free credits.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http402_without_a_body_is_out_of_credits()
    {
        var ex = await Assert.ThrowsAsync<BytezOutOfCreditsException>(() => Run(() => new HttpResponseMessage(HttpStatusCode.PaymentRequired)));

        Assert.Null(ex.BytezError);
    }

    [Fact]
    public async Task Http404_saying_not_running_is_not_found_and_http401_saying_not_running_is_unauthorized()
    {
        var notFound = await Assert.ThrowsAsync<BytezNotFoundException>(() => Run(() => RecordingHandler.Json(HttpStatusCode.NotFound, """{"error":"Model is not running"}""")));
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);

        var unauthorized = await Assert.ThrowsAsync<BytezUnauthorizedException>(() => Run(() => RecordingHandler.Json(HttpStatusCode.Unauthorized, """{"error":"Model is not running"}""")));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
    }

    [Fact]
    public async Task Not_running_text_wins_over_429_and_5xx_in_any_case()
    {
        var busy = await Assert.ThrowsAsync<BytezModelNotRunningException>(() => Run(() => RecordingHandler.Json(HttpStatusCode.TooManyRequests, """{"error":"Model NOT RUNNING"}""")));
        Assert.Equal(HttpStatusCode.TooManyRequests, busy.StatusCode);
        Assert.Equal(
            "Bytez run of 'openai-community/gpt2' failed with HTTP 429 (Too Many Requests): Model NOT RUNNING. Load the model first with BytezModel.LoadAsync; an instance stops after its idle timeout or BytezModel.StopAsync.",
            busy.Message);

        var failed = await Assert.ThrowsAsync<BytezModelNotRunningException>(() => Run(() => RecordingHandler.Json(HttpStatusCode.BadGateway, """{"error":"instance not running"}""")));
        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
    }

    [Fact]
    public async Task Http404_without_a_model_points_at_the_endpoint()
    {
        var ex = await Assert.ThrowsAsync<BytezNotFoundException>(
            () => TestClients.Create(new RecordingHandler(_ => RecordingHandler.Json(HttpStatusCode.NotFound, """{"error":"Cannot GET /model/list"}"""))).ListModelsAsync());

        Assert.Null(ex.ModelId);
        Assert.Equal(
            "Bytez list models failed with HTTP 404 (Not Found): Cannot GET /model/list. Check BytezClientOptions.Endpoint: it should be the Bytez API base address."
            + " If the server answers 404 to every call, it may speak the other API generation: check BytezClientOptions.ApiVersion (V2, the default, calls models/v2/*; V1 calls model/*).",
            ex.Message);
    }

    [Fact]
    public async Task Http429_without_Retry_After_says_to_wait()
    {
        var ex = await Assert.ThrowsAsync<BytezRateLimitException>(() => Run(() => RecordingHandler.Json(HttpStatusCode.TooManyRequests, """{"error":"Rate limit exceeded."}""")));

        Assert.Equal(
            "Bytez run of 'openai-community/gpt2' failed with HTTP 429 (Too Many Requests): Rate limit exceeded. Wait and retry, or lower the number of concurrent requests (the free plan allows one at a time).",
            ex.Message);
        Assert.Equal(Model, ex.ModelId);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "Check that the input and parameters suit the model's task.")]
    [InlineData(HttpStatusCode.Conflict, "Check that the input and parameters suit the model's task.")]
    [InlineData(HttpStatusCode.UnprocessableEntity, "The model's container rejected the request: check that the input and parameters suit the model's task.")]
    [InlineData((HttpStatusCode)499, "Check that the input and parameters suit the model's task.")]
    [InlineData(HttpStatusCode.InternalServerError, "Bytez or the model's instance failed; retry later, and if it persists check BytezModel.GetStatusAsync.")]
    [InlineData(HttpStatusCode.GatewayTimeout, "Bytez or the model's instance failed; retry later, and if it persists check BytezModel.GetStatusAsync.")]
    public async Task Other_failures_advise_by_status(HttpStatusCode status, string advice)
    {
        var ex = await Assert.ThrowsAsync<BytezException>(() => Run(() => RecordingHandler.Json(status, """{"error":"it failed."}""")));

        Assert.Equal(typeof(BytezException), ex.GetType());
        Assert.Equal(status, ex.StatusCode);
        Assert.EndsWith($"it failed. {advice}", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.UnprocessableEntity, "Unprocessable Entity")]
    [InlineData(HttpStatusCode.TooManyRequests, "Too Many Requests")]
    [InlineData(HttpStatusCode.PaymentRequired, "Payment Required")]
    [InlineData(HttpStatusCode.InternalServerError, "Internal Server Error")]
    [InlineData(HttpStatusCode.BadGateway, "Bad Gateway")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "Service Unavailable")]
    [InlineData(HttpStatusCode.GatewayTimeout, "Gateway Timeout")]
    [InlineData(HttpStatusCode.BadRequest, "Bad Request")]
    [InlineData(HttpStatusCode.NotFound, "Not Found")]
    [InlineData(HttpStatusCode.Forbidden, "Forbidden")]
    [InlineData(HttpStatusCode.Unauthorized, "Unauthorized")]
    [InlineData(HttpStatusCode.Conflict, "Conflict")]
    [InlineData(HttpStatusCode.Gone, "Gone")]
    [InlineData((HttpStatusCode)599, "Unknown")]
    public async Task A_blank_reason_phrase_is_replaced_by_the_status_name(HttpStatusCode status, string reason)
    {
        var ex = await Assert.ThrowsAnyAsync<BytezException>(() => Run(() => new HttpResponseMessage(status) { ReasonPhrase = "  " }));

        Assert.StartsWith($"Bytez run of 'openai-community/gpt2' failed with HTTP {(int)status} ({reason}): ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_servers_reason_phrase_is_used_trimmed()
    {
        var ex = await Assert.ThrowsAnyAsync<BytezException>(() => Run(() => new HttpResponseMessage(HttpStatusCode.BadGateway) { ReasonPhrase = " Upstream Gone Away " }));

        Assert.StartsWith("Bytez run of 'openai-community/gpt2' failed with HTTP 502 (Upstream Gone Away): the response carried no error message.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Protocol_errors_name_the_operation_the_status_and_the_model()
    {
        var invalid = await Assert.ThrowsAsync<BytezProtocolException>(() => Run(() => RecordingHandler.Text(HttpStatusCode.Created, "<b>hello</b>")));
        Assert.Equal(HttpStatusCode.Created, invalid.StatusCode);
        Assert.Equal(Model, invalid.ModelId);
        Assert.Equal(
            "Bytez run of 'openai-community/gpt2' returned HTTP 201 with a body that is not valid JSON: \"hello\". Check that BytezClientOptions.Endpoint points at the Bytez API.",
            invalid.Message);

        var empty = await Assert.ThrowsAsync<BytezProtocolException>(() => Run(() => new HttpResponseMessage(HttpStatusCode.Accepted)));
        Assert.Equal(HttpStatusCode.Accepted, empty.StatusCode);
        Assert.Equal(Model, empty.ModelId);
        Assert.Equal(
            "Bytez run of 'openai-community/gpt2' returned HTTP 202 with an empty body where JSON was expected. Check that BytezClientOptions.Endpoint points at the Bytez API.",
            empty.Message);
    }

    [Theory]
    [BothApiVersions]
    public async Task Connection_failure_is_wrapped_with_the_endpoint_and_the_cause(BytezApiVersion api)
    {
        var handler = new RecordingHandler((RecordedRequest _) => throw new HttpRequestException("Connection refused (api.bytez.test:443)"));

        var ex = await Assert.ThrowsAsync<BytezException>(() => TestClients.Create(api, handler).GetModel(Model).RunAsync("hi"));

        Assert.Equal(typeof(BytezException), ex.GetType());
        Assert.IsType<HttpRequestException>(ex.InnerException);
        Assert.Equal(
            "Bytez run of 'openai-community/gpt2' could not reach https://api.bytez.test/ (Connection refused (api.bytez.test:443)). Check the network connection and BytezClientOptions.Endpoint.",
            ex.Message);
    }

    [Theory]
    [BothApiVersions]
    public async Task Real_refused_loopback_connection_is_wrapped(BytezApiVersion api)
    {
        using var client = new BytezClient(new BytezClientOptions { ApiKey = TestClients.ApiKey, ApiVersion = api, Endpoint = new Uri("http://127.0.0.1:1/") });

        var ex = await Assert.ThrowsAsync<BytezException>(() => client.ListModelsAsync());

        Assert.Contains("could not reach http://127.0.0.1:1/", ex.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(ex.InnerException);
    }

    [Theory]
    [BothApiVersions]
    public async Task HttpClient_timeout_is_reported_with_how_to_raise_it(BytezApiVersion api)
    {
        var handler = new RecordingHandler((RecordedRequest _) => throw new TaskCanceledException("timeout", new TimeoutException()));

        var ex = await Assert.ThrowsAsync<BytezException>(() => TestClients.Create(api, handler).GetModel(Model).RunAsync("hi"));

        Assert.Equal(typeof(BytezException), ex.GetType());
        Assert.Contains("timed out after 100 seconds", ex.Message, StringComparison.Ordinal);
        Assert.Contains("RequestTimeout", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [BothApiVersions]
    public async Task Caller_cancellation_is_not_wrapped(BytezApiVersion api)
    {
        var handler = new RecordingHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var cts = new CancellationTokenSource();
        var run = TestClients.Create(api, handler).GetModel(Model).RunAsync("hi", cancellationToken: cts.Token);

        await cts.CancelAsync();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(cts.Token, ex.CancellationToken);
    }
}
