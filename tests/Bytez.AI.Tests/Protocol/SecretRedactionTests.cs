using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace Bytez.AI.Tests.Protocol;

/// <summary>The API key never appears in an exception message, a ToString() or a log line.</summary>
public sealed class SecretRedactionTests
{
    private const string Key = TestClients.ApiKey;

    public static TheoryData<string> Scenarios() =>
    [
        "401", "403", "402", "credits", "404", "429", "422", "500-html", "malformed", "empty", "not-running",
        "echoed-key", "echoed-key-html", "network", "timeout", "failed", "deadline", "stream-inband", "stream-echo", "stream-status",
    ];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Key_is_absent_from_exceptions_and_logs(string scenario)
    {
        var logs = new CapturingLoggerFactory();
        var time = new FakeTimeProvider();
        var handler = new RecordingHandler(request => Respond(scenario, request, time));
        var client = TestClients.Create(handler, logs, time);
        var model = client.GetModel("openai-community/gpt2");

        var ex = await Assert.ThrowsAnyAsync<BytezException>(() => scenario switch
        {
            "failed" or "deadline" => model.LoadAsync(),
            _ when scenario.StartsWith("stream", StringComparison.Ordinal) => model.RunStreamingAsync("x").ToListAsync().AsTask(),
            _ => model.RunAsync("x"),
        });

        Assert.DoesNotContain(Key, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Key, ex.BytezError ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, logs.AllText, StringComparison.Ordinal);
        Assert.NotEmpty(handler.Requests);
        Assert.All(handler.Requests, r => Assert.Equal($"Key {Key}", r.Authorization));
    }

    [Fact]
    public async Task A_key_inside_a_network_error_is_redacted_from_our_message()
    {
        var handler = new RecordingHandler((RecordedRequest request) => throw new HttpRequestException($"refused while sending {request.Authorization}"));

        var ex = await Assert.ThrowsAsync<BytezException>(() => TestClients.Create(handler).ListModelsAsync());

        Assert.DoesNotContain(Key, ex.Message, StringComparison.Ordinal);
        Assert.Contains("refused while sending Key ***", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_ToString_redacts_the_key()
    {
        var options = new BytezClientOptions { ApiKey = Key };

        Assert.DoesNotContain(Key, options.ToString(), StringComparison.Ordinal);
        Assert.Contains("***", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Model_ToString_has_no_key()
    {
        using var client = TestClients.Create(new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)));
        var text = client.GetModel("openai-community/gpt2").ToString() + client;

        Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Successful_load_logs_have_no_key()
    {
        var logs = new CapturingLoggerFactory();
        var statuses = new Queue<string>(["v1-load-started.json", "v1-status-starting.json", "v1-status-running.json"]);
        var client = TestClients.Create(new RecordingHandler(_ => RecordingHandler.Fixture(HttpStatusCode.OK, statuses.Count > 1 ? statuses.Dequeue() : statuses.Peek())), logs);

        await client.GetModel("openai-community/gpt2").LoadAsync();

        Assert.NotEmpty(logs.Entries);
        Assert.DoesNotContain(Key, logs.AllText, StringComparison.Ordinal);
    }

    private static HttpResponseMessage Respond(string scenario, RecordedRequest request, FakeTimeProvider time)
    {
        switch (scenario)
        {
            case "401": return RecordingHandler.Fixture(HttpStatusCode.Unauthorized, "v2-error-unauthorized.json");
            case "403": return RecordingHandler.Fixture(HttpStatusCode.Forbidden, "v2-error-unauthorized.json");
            case "402": return RecordingHandler.Fixture(HttpStatusCode.PaymentRequired, "v2-error-payment-required.json");
            case "credits": return RecordingHandler.Fixture(HttpStatusCode.TooManyRequests, "v1-error-credits.json");
            case "404": return RecordingHandler.Json(HttpStatusCode.NotFound, """{"error":"not found"}""");
            case "429": return RecordingHandler.Fixture(HttpStatusCode.TooManyRequests, "v2-error-rate-limit.json");
            case "422": return RecordingHandler.Fixture(HttpStatusCode.UnprocessableEntity, "container-error-422.json");
            case "500-html": return RecordingHandler.Text(HttpStatusCode.InternalServerError, "<html>oops</html>", "text/html");
            case "malformed": return RecordingHandler.Json(HttpStatusCode.OK, "{");
            case "empty": return new HttpResponseMessage(HttpStatusCode.OK);
            case "not-running": return RecordingHandler.Json(HttpStatusCode.BadRequest, """{"error":"Model x is not running."}""");
            case "echoed-key": return RecordingHandler.Json(HttpStatusCode.Unauthorized, $$"""{"error":"Invalid key {{request.Authorization}}"}""");
            case "echoed-key-html": return RecordingHandler.Text(HttpStatusCode.BadGateway, $"<p>{request.Authorization}</p>", "text/html");
            case "network": throw new HttpRequestException("Connection refused (api.bytez.test:443)");
            case "timeout": throw new TaskCanceledException("timeout", new TimeoutException());
            case "failed":
                return request.RelativePath == "model/load"
                    ? RecordingHandler.Fixture(HttpStatusCode.OK, "v1-load-started.json")
                    : RecordingHandler.Json(HttpStatusCode.OK, $$"""{"status":"FAILED","error":"bad key {{Key}}"}""");
            case "deadline":
                time.Advance(TimeSpan.FromMinutes(10));
                return request.RelativePath == "model/load"
                    ? RecordingHandler.Fixture(HttpStatusCode.OK, "v1-load-started.json")
                    : RecordingHandler.Json(HttpStatusCode.InternalServerError, $$"""{"error":"status down for {{Key}}"}""");
            case "stream-inband":
                return RecordingHandler.Text(HttpStatusCode.OK, "INTERNAL_BYTEZ_ERROR: failed", "text/event-stream");
            case "stream-echo":
                return new HttpResponseMessage(HttpStatusCode.OK)
                {
                    Content = new ByteArrayContent(Encoding.UTF8.GetBytes($"Error: the key {Key} is wrong")),
                };
            case "stream-status":
                return RecordingHandler.Json(HttpStatusCode.Unauthorized, $$"""{"error":"{{Key}}"}""");
            default:
                throw new InvalidOperationException(scenario);
        }
    }
}
