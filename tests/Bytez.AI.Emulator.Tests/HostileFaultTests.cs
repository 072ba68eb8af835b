using System.Net;
using System.Text;

namespace Bytez.AI.Emulator.Tests;

/// <summary>The hostile-server faults (issue 14): what each puts on the wire, seen by a raw HttpClient.</summary>
public sealed class HostileFaultTests
{
    private const string Run = """{"model":"openai-community/gpt2","input":"Once upon a time there was","stream":false,"params":{}}""";
    private const string Stream = """{"model":"openai-community/gpt2","input":"Once upon a time there was","stream":true,"params":{}}""";
    private const string Key = "bz-emulator-SECRET-0123456789";
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(60);

    private static Task<Harness> LoadedAsync(Action<BytezEmulatorOptions>? configure = null) =>
        Harness.StartLoadedAsync(TestModels.TextGeneration, configure, authorization: "Key " + Key);

    [Fact]
    public async Task KeyEcho_puts_the_key_in_the_reason_phrase_and_across_the_200th_visible_character()
    {
        await using var h = await LoadedAsync();
        h.Emulator.Script(TestModels.TextGeneration).Fault(EmulatorFault.KeyEcho);

        using var response = await h.Http.PostAsync("model/run", new StringContent(Run));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Unknown key " + Key, response.ReasonPhrase);
        var text = html.Replace("<html><body><p>", string.Empty, StringComparison.Ordinal).Replace("</p></body></html>", string.Empty, StringComparison.Ordinal);
        var start = text.IndexOf(Key, StringComparison.Ordinal);
        Assert.InRange(200, start + 1, start + Key.Length - 1);
        Assert.Contains("a known key is needed", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceUnavailable_is_503_with_retry_after()
    {
        await using var h = await LoadedAsync(o => o.FaultRetryAfter = TimeSpan.FromSeconds(3600));
        h.Emulator.Script(TestModels.TextGeneration).Fault(EmulatorFault.ServiceUnavailable, 1, EmulatorOperation.Status);

        using var response = await h.Http.PostAsync("model/status", new StringContent("""{"model":"openai-community/gpt2"}"""));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromHours(1), response.Headers.RetryAfter!.Delta);
    }

    [Fact]
    public async Task StreamStalls_sends_some_text_then_nothing_until_the_caller_leaves()
    {
        await using var h = await LoadedAsync();
        h.Emulator.Script(TestModels.TextGeneration).Fault(EmulatorFault.StreamStalls);
        var (response, body) = await h.OpenAsync("model/run", Stream);
        using var disposeResponse = response;
        await using var disposeBody = body;
        var buffer = new byte[8192];

        var first = await body.ReadAsync(buffer).AsTask().WaitAsync(Watchdog);
        using var patience = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var more = body.ReadAsync(buffer, patience.Token).AsTask();

        Assert.True(first > 0);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => more.WaitAsync(Watchdog)); // nothing more came
    }

    [Fact]
    public async Task EndlessBody_keeps_sending_json_past_any_size()
    {
        await using var h = await LoadedAsync();
        h.Emulator.Script(TestModels.TextGeneration).Fault(EmulatorFault.EndlessBody);
        var (response, body) = await h.OpenAsync("model/run", Run);
        using var disposeResponse = response;
        await using var disposeBody = body;
        var buffer = new byte[64 * 1024];
        long total = 0;
        while (total < 4 * 1024 * 1024)
        {
            var read = await body.ReadAsync(buffer).AsTask().WaitAsync(Watchdog);
            Assert.NotEqual(0, read);
            total += read;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Null(response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task NeverAnswers_sends_no_status_line_until_the_caller_leaves()
    {
        await using var h = await LoadedAsync();
        h.Emulator.Script(TestModels.TextGeneration).Fault(EmulatorFault.NeverAnswers, 1, EmulatorOperation.Status);
        using var patience = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var send = h.Http.PostAsync("model/status", new StringContent("""{"model":"openai-community/gpt2"}"""), patience.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send.WaitAsync(Watchdog));
        Assert.Equal(HttpStatusCode.OK, (await h.PostAsync("model/status", """{"model":"openai-community/gpt2"}""")).Status); // once only
    }

    [Fact]
    public async Task RedirectToOtherHost_points_at_the_other_loopback_name_which_answers_without_a_key()
    {
        await using var h = await LoadedAsync();
        h.Emulator.Script(TestModels.TextGeneration).Fault(EmulatorFault.RedirectToOtherHost);
        using var noRedirects = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = h.Emulator.Endpoint };
        noRedirects.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Key " + Key);

        using var redirect = await noRedirects.PostAsync("model/run", new StringContent(Run));
        var location = redirect.Headers.Location!;
        using var follower = new HttpClient();
        using var other = await follower.PostAsync(location, new StringContent(Run, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirect.StatusCode);
        Assert.Equal("localhost", location.Host);
        Assert.Equal(h.Emulator.Endpoint.Port, location.Port);
        Assert.Equal("/other-host/model/run", location.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Contains("An answer from another host.", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var entry = Assert.Single(h.Emulator.RequestLog.Entries, e => e.Kind == EmulatorRequestKind.OtherHost);
        Assert.False(entry.HadAuthorization);
        Assert.True(h.Emulator.RequestLog.Entries.First(e => e.Kind == EmulatorRequestKind.Run).HadAuthorization);
    }

    [Fact]
    public async Task OverclaimedConcurrency_makes_a_status_claim_100000_parallel_runs()
    {
        await using var h = await LoadedAsync();
        h.Emulator.Script(TestModels.TextGeneration).Fault(EmulatorFault.OverclaimedConcurrency, 1, EmulatorOperation.Status);
        const string Status = """{"model":"openai-community/gpt2"}""";

        var (_, claimed) = await h.PostAsync("model/status", Status);
        var (_, real) = await h.PostAsync("model/status", Status);

        Assert.Equal(100_000, (int)claimed!["concurrency"]!);
        Assert.Equal(1, (int)real!["concurrency"]!);
        Assert.Equal(1, Assert.Single(h.Emulator.Instances).Concurrency);
    }

    [Fact]
    public async Task The_hostile_faults_hit_v2_runs_too()
    {
        await using var h = await Harness.StartAsync(authorization: "Key " + Key);
        const string Path = "models/v2/" + TestModels.TextGeneration;
        const string Body = """{"text":"Once upon a time there was"}""";
        h.Emulator.Script(TestModels.TextGeneration).Fault(EmulatorFault.KeyEcho).Fault(EmulatorFault.RedirectToOtherHost).Fault(EmulatorFault.ServiceUnavailable);
        using var noRedirects = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = h.Emulator.Endpoint };
        noRedirects.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Key " + Key);

        using var echo = await noRedirects.PostAsync(Path, new StringContent(Body));
        using var redirect = await noRedirects.PostAsync(Path, new StringContent(Body));
        using var unavailable = await noRedirects.PostAsync(Path, new StringContent(Body));

        Assert.Equal("Unknown key " + Key, echo.ReasonPhrase);
        Assert.Equal("/other-host/" + Path, redirect.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
        Assert.Contains("\"output\":null", await unavailable.Content.ReadAsStringAsync(), StringComparison.Ordinal); // the v2 envelope
    }
}
