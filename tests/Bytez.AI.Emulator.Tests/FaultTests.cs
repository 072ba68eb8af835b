using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Bytez.AI.Emulator.Tests;

public sealed class FaultTests
{
    private const string Run = """{"model":"openai-community/gpt2","input":"Once upon a time there was","stream":false,"params":{}}""";
    private const string Stream = """{"model":"openai-community/gpt2","input":"Once upon a time there was","stream":true,"params":{}}""";

    private static Task<Harness> LoadedAsync(Action<BytezEmulatorOptions>? configure = null) =>
        Harness.StartLoadedAsync(TestModels.TextGeneration, configure);

    [Fact]
    public async Task ServerErrorHtml_is_502_with_an_html_body()
    {
        await using var h = await LoadedAsync();
        h.Emulator.Script(TestModels.TextGeneration).Fault(EmulatorFault.ServerErrorHtml);
        using var response = await h.Http.PostAsync("model/run", new StringContent(Run));
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("<html>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RateLimited_sends_retry_after_and_the_other_variant_does_not()
    {
        await using var h = await LoadedAsync(o => o.FaultRetryAfter = TimeSpan.FromSeconds(2));
        h.Emulator.Script(TestModels.TextGeneration).Fault(EmulatorFault.RateLimited).Fault(EmulatorFault.RateLimitedWithoutRetryAfter);

        using var first = await h.Http.PostAsync("model/run", new StringContent(Run));
        using var second = await h.Http.PostAsync("model/run", new StringContent(Run));
        using var third = await h.Http.PostAsync("model/run", new StringContent(Run));

        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), first.Headers.RetryAfter!.Delta);
        Assert.Equal("""{"error":"Rate limit exceeded"}""", await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Null(second.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Theory]
    [InlineData(EmulatorFault.Unauthorized, 401, "Unauthorized")]
    [InlineData(EmulatorFault.ModelNotFound, 404, "Model not found: openai-community/gpt2")]
    [InlineData(EmulatorFault.OutOfCredits, 429, "Out of free monthly credits. Wait until next month for more free credits, or upgrade to premium for immediate access")]
    public async Task Json_error_faults_answer_status_and_message(EmulatorFault fault, int status, string error)
    {
        await using var h = await LoadedAsync();
        h.Emulator.Script(TestModels.TextGeneration).Fault(fault);
        var (code, body) = await h.PostAsync("model/run", Run);
        Assert.Equal((HttpStatusCode)status, code);
        Assert.Equal(error, (string?)body!["error"]);
    }

    [Fact]
    public async Task MalformedJson_is_200_json_that_does_not_parse()
    {
        await using var h = await LoadedAsync();
        h.Emulator.Script(TestModels.TextGeneration).Fault(EmulatorFault.MalformedJson);
        using var response = await h.Http.PostAsync("model/run", new StringContent(Run));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.ThrowsAny<JsonException>(() => JsonNode.Parse(text));
    }

    [Fact]
    public async Task EmptyBody_is_200_with_nothing()
    {
        await using var h = await LoadedAsync();
        h.Emulator.Script(TestModels.TextGeneration).Fault(EmulatorFault.EmptyBody);
        using var response = await h.Http.PostAsync("model/run", new StringContent(Run));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task StreamTruncatedMidCharacter_ends_inside_a_utf8_sequence()
    {
        await using var h = await LoadedAsync();
        h.Emulator.Script(TestModels.TextGeneration).Fault(EmulatorFault.StreamTruncatedMidCharacter);
        var (response, chunks) = await h.StreamAsync("model/run", Stream);
        response.Dispose();

        var bytes = chunks.SelectMany(c => c).ToArray();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new byte[] { 0xE2, 0x80 }, bytes[^2..]);
        Assert.ThrowsAny<ArgumentException>(() => new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));
    }

    [Fact]
    public async Task ConnectionResetMidStream_breaks_the_stream_after_some_text()
    {
        await using var h = await LoadedAsync();
        h.Emulator.Script(TestModels.TextGeneration).Fault(EmulatorFault.ConnectionResetMidStream);

        var request = new HttpRequestMessage(HttpMethod.Post, "model/run") { Content = new StringContent(Stream) };
        using var response = await h.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var body = await response.Content.ReadAsStreamAsync();
        var received = 0;
        var buffer = new byte[1024];
        var error = await Record.ExceptionAsync(async () =>
        {
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                received += read;
            }
        });
        Assert.True(error is IOException or HttpRequestException, error?.GetType().FullName ?? "no error");
        Assert.True(received > 0);
    }

    [Fact]
    public async Task ConnectionReset_on_a_non_streaming_run_fails_the_read()
    {
        await using var h = await LoadedAsync();
        h.Emulator.Script(TestModels.TextGeneration).Fault(EmulatorFault.ConnectionResetMidStream);
        var error = await Record.ExceptionAsync(async () =>
        {
            using var response = await h.Http.PostAsync("model/run", new StringContent(Run));
            await response.Content.ReadAsStringAsync();
        });
        Assert.True(error is IOException or HttpRequestException, error?.GetType().FullName ?? "no error");
    }

    [Fact]
    public async Task SlowFirstByte_holds_the_answer_for_the_configured_delay()
    {
        var time = new FakeTimeProvider();
        await using var h = await Harness.StartAsync(o =>
        {
            o.TimeProvider = time;
            o.SlowFirstByteDelay = TimeSpan.FromSeconds(30);
        });
        await h.LoadAsync(TestModels.TextGeneration);
        h.Emulator.Script(TestModels.TextGeneration).Fault(EmulatorFault.SlowFirstByte);
        var start = time.GetUtcNow();

        var pending = h.PostAsync("model/run", Run);
        while (!pending.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5);
        }

        var (status, _) = await pending;
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(time.GetUtcNow() - start >= TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task FirstByteDelay_and_Delay_hold_the_answer_by_the_emulator_clock()
    {
        var time = new FakeTimeProvider();
        await using var h = await Harness.StartAsync(o => o.TimeProvider = time);
        await h.LoadAsync(TestModels.TextGeneration);
        h.Emulator.Script(TestModels.TextGeneration).Delay(TimeSpan.FromSeconds(10)).FirstByteDelay(TimeSpan.FromSeconds(5));
        var start = time.GetUtcNow();

        var pending = h.PostAsync("model/run", Run);
        while (!pending.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5);
        }

        Assert.Equal(HttpStatusCode.OK, (await pending).Status);
        Assert.True(time.GetUtcNow() - start >= TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task LoadFailed_and_NeverRunning_faults_hit_the_next_load()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Script(TestModels.TextGeneration).Fault(EmulatorFault.LoadFailed);
        h.Emulator.Script(TestModels.Chat).Fault(EmulatorFault.NeverRunning);

        await h.PostAsync("model/load", """{"model":"openai-community/gpt2"}""");
        await h.PostAsync("model/load", """{"model":"microsoft/Phi-3-mini-4k-instruct"}""");
        var (_, failed) = await h.PostAsync("model/status", """{"model":"openai-community/gpt2"}""");
        var (_, stuck) = await h.PostAsync("model/status", """{"model":"microsoft/Phi-3-mini-4k-instruct"}""");

        Assert.Equal("FAILED", (string?)failed!["status"]);
        Assert.Equal("Model failed to load: CUDA out of memory", (string?)failed["error"]);
        Assert.Equal("INSTANTIATING", (string?)stuck!["status"]);
    }

    [Fact]
    public async Task InBandStreamError_sends_text_then_the_container_error()
    {
        await using var h = await LoadedAsync();
        h.Emulator.Script(TestModels.TextGeneration).Fault(EmulatorFault.InBandStreamError);
        var (response, chunks) = await h.StreamAsync("model/run", Stream);
        response.Dispose();

        var text = Encoding.UTF8.GetString([.. chunks.SelectMany(c => c)]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Once", text, StringComparison.Ordinal);
        Assert.EndsWith("INTERNAL_BYTEZ_ERROR: arg \"stream\" was likely passed to a model that does not support streaming.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InBandStreamError_on_openai_streams_an_error_event_without_done()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Script(TestModels.ToolChat).Fault(EmulatorFault.InBandStreamError);
        var (response, chunks) = await h.StreamAsync("models/v2/openai/v1/chat/completions", """{"model":"Qwen/Qwen3-4B","stream":true,"messages":[{"role":"user","content":"a b c d e f"}]}""");
        response.Dispose();

        var text = Encoding.UTF8.GetString([.. chunks.SelectMany(c => c)]);
        Assert.Contains("\"error\":", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[DONE]", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstanceExpiresBeforeRun_makes_the_next_run_not_running()
    {
        await using var h = await LoadedAsync();
        h.Emulator.Script(TestModels.TextGeneration).Fault(EmulatorFault.InstanceExpiresBeforeRun);

        var (status, body) = await h.PostAsync("model/run", Run);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("not running", (string?)body!["error"], StringComparison.Ordinal);
        Assert.Equal(1, h.Emulator.RequestLog.InstancesStopped);

        await h.LoadAsync(TestModels.TextGeneration);
        Assert.Equal(HttpStatusCode.OK, (await h.PostAsync("model/run", Run)).Status);
    }

    [Fact]
    public async Task Faults_can_target_status_polls_and_repeat()
    {
        await using var h = await LoadedAsync();
        h.Emulator.Script(TestModels.TextGeneration).Fault(EmulatorFault.ServerErrorHtml, times: 2, operation: EmulatorOperation.Status);

        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await h.Http.PostAsync("model/status", new StringContent("""{"model":"openai-community/gpt2"}"""));
            codes.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.BadGateway, HttpStatusCode.BadGateway, HttpStatusCode.OK], codes);
        Assert.Equal(HttpStatusCode.OK, (await h.PostAsync("model/run", Run)).Status);
    }

    [Fact]
    public async Task Load_side_http_faults_hit_the_load()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Script(TestModels.TextGeneration).Fault(EmulatorFault.RateLimited, operation: EmulatorOperation.Load);
        var (status, _) = await h.PostAsync("model/load", """{"model":"openai-community/gpt2"}""");
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Empty(h.Emulator.Instances);
    }

    [Fact]
    public async Task Faults_apply_to_v2_and_openai_runs()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Script(TestModels.ToolChat).Fault(EmulatorFault.Unauthorized).Fault(EmulatorFault.MalformedJson);

        var (s401, body) = await h.PostAsync("models/v2/Qwen/Qwen3-4B", """{"messages":[{"role":"user","content":"x"}]}""");
        Assert.Equal(HttpStatusCode.Unauthorized, s401);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"error":"Unauthorized","output":null}"""), body));

        using var response = await h.Http.PostAsync("models/v2/openai/v1/chat/completions", new StringContent("""{"model":"Qwen/Qwen3-4B","messages":[{"role":"user","content":"x"}]}"""));
        Assert.ThrowsAny<JsonException>(() => JsonNode.Parse(response.Content.ReadAsStringAsync().Result));
    }

    [Fact]
    public async Task Clear_removes_queued_faults()
    {
        await using var h = await LoadedAsync();
        h.Emulator.Script(TestModels.TextGeneration).Fault(EmulatorFault.ServerErrorHtml, times: -1).Clear();
        Assert.Equal(HttpStatusCode.OK, (await h.PostAsync("model/run", Run)).Status);
    }
}
