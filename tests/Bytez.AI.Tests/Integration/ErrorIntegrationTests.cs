using System.Net;
using System.Text.Json.Nodes;
using Bytez.AI.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace Bytez.AI.Tests.Integration;

/// <summary>
/// Every documented error, produced by the emulator over HTTP and mapped by the client to its exception type
/// (wire reference §2.4, §2.6, §2.7, §3.7), on each API generation where it exists (the emulator serving that
/// generation only). Each test scripts a fresh emulator.
/// </summary>
public sealed class ErrorIntegrationTests
{
    private const string Gpt2 = "openai-community/gpt2";

    [Theory]
    [BothApiVersions]
    public async Task Wrong_key_is_BytezUnauthorizedException_without_the_key(BytezApiVersion api)
    {
        const string WrongKey = "bz-WRONG-secret-key-987654321";
        await using var session = await EmulatorFixture.StartAsync(
            api,
            e => e.AcceptedApiKeys = ["bz-the-right-key"],
            c => c.ApiKey = WrongKey);

        var list = await Assert.ThrowsAsync<BytezUnauthorizedException>(() => session.Client.ListModelsAsync());

        // v1 fails on the load; v2 has nothing to load, so the run is the first call for the model.
        var first = api == BytezApiVersion.V1
            ? await Assert.ThrowsAsync<BytezUnauthorizedException>(() => session.Model(Gpt2).LoadAsync())
            : await Assert.ThrowsAsync<BytezUnauthorizedException>(() => session.Model(Gpt2).RunAsync("hi"));

        foreach (var ex in new BytezException[] { list, first })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
            Assert.DoesNotContain(WrongKey, ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(WrongKey, ex.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(WrongKey, ex.BytezError ?? "", StringComparison.Ordinal);
        }

        Assert.Equal(0, session.Emulator.RequestLog.Count(EmulatorRequestKind.Status)); // a 401 on load is not polled
    }

    [Theory]
    [BothApiVersions]
    public async Task Unknown_model_is_BytezNotFoundException(BytezApiVersion api)
    {
        await using var session = await EmulatorFixture.StartAsync(api);
        var model = session.Model("nobody/no-such-model");

        var run = await Assert.ThrowsAsync<BytezNotFoundException>(() => model.RunAsync("hi"));
        var streamed = await Assert.ThrowsAsync<BytezNotFoundException>(async () => await model.RunStreamingAsync("hi").ToListAsync());
        List<BytezNotFoundException> errors = [run, streamed];
        if (api == BytezApiVersion.V1)
        {
            errors.Add(await Assert.ThrowsAsync<BytezNotFoundException>(() => model.LoadAsync()));
            errors.Add(await Assert.ThrowsAsync<BytezNotFoundException>(() => model.GetStatusAsync()));
        }

        Assert.All(errors, ex =>
        {
            Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
            Assert.Equal("nobody/no-such-model", ex.ModelId);
            Assert.Contains("Model not found: nobody/no-such-model", ex.Message, StringComparison.Ordinal);
            Assert.Contains("ApiVersion", ex.Message, StringComparison.Ordinal);
        });
    }

    [Theory]
    [BothApiVersions]
    public async Task A_client_of_the_other_generation_gets_404_naming_ApiVersion(BytezApiVersion api)
    {
        // The emulator speaks one generation; the client the other, as a new user with the wrong setting would.
        var other = api == BytezApiVersion.V1 ? BytezApiVersion.V2 : BytezApiVersion.V1;
        await using var session = await EmulatorFixture.StartAsync(api, configureClient: c => c.ApiVersion = other);

        var list = await Assert.ThrowsAsync<BytezNotFoundException>(() => session.Client.ListModelsAsync());
        var run = await Assert.ThrowsAsync<BytezNotFoundException>(() => session.Model(Gpt2).RunAsync("hi"));

        Assert.All([list, run], ex => Assert.Contains("check BytezClientOptions.ApiVersion", ex.Message, StringComparison.Ordinal));
        Assert.All(session.Emulator.RequestLog.Entries, e => Assert.Equal(404, e.StatusCode));
    }

    [Fact]
    public async Task Run_before_load_is_BytezModelNotRunningException()
    {
        await using var session = await EmulatorFixture.StartAsync(BytezApiVersion.V1);
        var ex = await Assert.ThrowsAsync<BytezModelNotRunningException>(() => session.Model(Gpt2).RunAsync("Once upon a time"));
        var streamed = await Assert.ThrowsAsync<BytezModelNotRunningException>(async () => await session.Model(Gpt2).RunStreamingAsync("Jack").ToListAsync());

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Contains("is not running", ex.BytezError, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, streamed.StatusCode);
    }

    [Fact]
    public async Task Out_of_credits_on_load_throws_at_once_without_polling()
    {
        await using var session = await EmulatorFixture.StartAsync(BytezApiVersion.V1);
        session.Emulator.Script(Gpt2).OutOfCredits();

        var ex = await Assert.ThrowsAsync<BytezOutOfCreditsException>(() => session.Model(Gpt2).LoadAsync());

        Assert.Equal((HttpStatusCode)429, ex.StatusCode);
        Assert.Contains("Out of free monthly credits", ex.BytezError, StringComparison.Ordinal);
        Assert.Equal(1, session.Emulator.RequestLog.LoadCount(Gpt2));
        Assert.Equal(0, session.Emulator.RequestLog.Count(EmulatorRequestKind.Status, Gpt2));
        Assert.Equal(0, session.Emulator.RequestLog.InstancesStarted);
    }

    [Fact]
    public async Task Load_FAILED_is_BytezModelFailedException_with_the_servers_reason()
    {
        await using var session = await EmulatorFixture.StartAsync(BytezApiVersion.V1);
        const string Reason = "Model failed to load: CUDA out of memory (tried to allocate 20 GiB)";
        session.Emulator.Script(Gpt2).LoadFails(Reason);

        var ex = await Assert.ThrowsAsync<BytezModelFailedException>(() => session.Model(Gpt2).LoadAsync());

        Assert.Equal(Reason, ex.BytezError);
        Assert.Contains("CUDA out of memory (tried to allocate 20 GiB)", ex.Message, StringComparison.Ordinal);
        Assert.Equal(Gpt2, ex.ModelId);

        // The load started that instance, so it stopped it before throwing: nothing it started is left behind.
        Assert.Equal("STOPPED", (await session.Model(Gpt2).GetStatusAsync()).Status);
        Assert.Equal(1, session.Emulator.RequestLog.StopCount(Gpt2));
    }

    [Fact]
    public async Task Never_RUNNING_with_a_short_deadline_is_BytezLoadTimeoutException()
    {
        await using var session = await EmulatorFixture.StartAsync(BytezApiVersion.V1);
        session.Emulator.Script(Gpt2).NeverRuns();

        var ex = await Assert.ThrowsAsync<BytezLoadTimeoutException>(
            () => session.Model(Gpt2).LoadAsync(new BytezLoadOptions { LoadTimeout = TimeSpan.FromMilliseconds(150) }));

        Assert.Equal(Gpt2, ex.ModelId);
        Assert.Contains("timed out", ex.Message, StringComparison.Ordinal);
        Assert.True(session.Emulator.RequestLog.Count(EmulatorRequestKind.Status, Gpt2) >= 1);
    }

    [Fact]
    public async Task Second_load_answered_409_is_AlreadyLoaded()
    {
        await using var session = await EmulatorFixture.StartAsync(BytezApiVersion.V1);
        var model = await session.LoadAsync(Gpt2);

        var again = await model.LoadAsync();

        Assert.Equal(BytezLoadOutcome.AlreadyLoaded, again.Outcome);
        Assert.False(again.StartedByThisRequest);
        Assert.True(again.Status!.IsRunning);
        Assert.Equal(409, session.Log.LastRequest(EmulatorRequestKind.Load, Gpt2).StatusCode);
        Assert.Equal(1, session.Emulator.RequestLog.InstancesStarted);
    }

    [Fact]
    public async Task Load_while_another_load_is_in_progress_polls_to_RUNNING()
    {
        var clock = new FakeTimeProvider();
        await using var session = await EmulatorFixture.StartAsync(BytezApiVersion.V1, o =>
        {
            o.TimeProvider = clock;
            o.StartingDelay = TimeSpan.FromMinutes(1);
            o.InstantiatingDelay = TimeSpan.FromMinutes(1);
        });
        var model = session.Model(Gpt2);
        var first = await model.StartAsync();

        // The instance stays STARTING until the test moves the emulator's clock past both phases.
        var progress = new RecordingProgress<BytezLoadProgress>(_ => clock.Advance(TimeSpan.FromMinutes(3)));
        var second = await model.LoadAsync(progress: progress);

        Assert.Equal(BytezLoadOutcome.Started, first.Outcome);
        Assert.Equal(BytezLoadOutcome.LoadInProgress, second.Outcome);
        Assert.True(second.Status!.IsRunning);
        Assert.Equal(["STARTING", "RUNNING"], progress.Items.Select(p => p.Status));
        Assert.Equal([200, 429], session.Emulator.RequestLog.Entries.Where(e => e.Kind == EmulatorRequestKind.Load).Select(e => e.StatusCode));
        Assert.Equal(1, session.Emulator.RequestLog.InstancesStarted);
    }

    [Theory]
    [BothApiVersions]
    public async Task Rate_limit_429_is_BytezRateLimitException_with_RetryAfter(BytezApiVersion api)
    {
        await using var session = await EmulatorFixture.StartAsync(api, o => o.FaultRetryAfter = TimeSpan.FromSeconds(7));
        var model = await session.LoadAsync(Gpt2);
        session.Emulator.Script(Gpt2).Fault(EmulatorFault.RateLimited);

        var ex = await Assert.ThrowsAsync<BytezRateLimitException>(() => model.RunAsync("hi"));

        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), ex.RetryAfter);
        Assert.Equal("Rate limit exceeded", ex.BytezError);
        Assert.Equal(1, session.Emulator.RequestLog.RunCount(Gpt2)); // no hidden retry
    }

    [Fact]
    public async Task V2_payment_required_402_is_BytezOutOfCreditsException_with_its_message()
    {
        await using var session = await EmulatorFixture.StartAsync(BytezApiVersion.V2);
        session.Emulator.Script(Gpt2).Fault(EmulatorFault.OutOfCredits);

        var ex = await Assert.ThrowsAsync<BytezOutOfCreditsException>(() => session.Model(Gpt2).RunAsync("hi"));

        // The 402 body is {status, error, message}, not the envelope: both texts are kept.
        Assert.Equal(HttpStatusCode.PaymentRequired, ex.StatusCode);
        Assert.Equal("Payment Required: Insufficient credits. Please add credits to continue.", ex.BytezError);
        Assert.Contains("Add credits", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task V2_success_status_with_an_error_member_is_a_BytezException()
    {
        await using var session = await EmulatorFixture.StartAsync(BytezApiVersion.V2);
        session.Emulator.Script(Gpt2).ReplyJson(new JsonObject { ["error"] = "Model is cold-booting, try again", ["output"] = null });

        var ex = await Assert.ThrowsAsync<BytezException>(() => session.Model(Gpt2).RunAsync("hi"));

        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Equal("Model is cold-booting, try again", ex.BytezError);
    }

    [Fact]
    public async Task V2_closed_source_model_without_its_required_provider_key_names_ProviderKeys()
    {
        await using var session = await EmulatorFixture.StartAsync(BytezApiVersion.V2);

        var ex = await Assert.ThrowsAsync<BytezUnauthorizedException>(
            () => session.Model("cohere/command-r").RunAsync(BytezInput.FromMessages([new("user", "hi")])));

        Assert.Contains("provider-key", ex.BytezError, StringComparison.Ordinal);
        Assert.Contains("BytezClientOptions.ProviderKeys", ex.Message, StringComparison.Ordinal);
        Assert.Null(session.Log.LastRequest(EmulatorRequestKind.V2Run).ProviderKey);
    }

    [Theory]
    [BothApiVersions]
    public async Task Html_502_is_a_BytezException_with_the_status(BytezApiVersion api)
    {
        await using var session = await EmulatorFixture.StartAsync(api);
        var model = await ReadyWithFaultAsync(session, EmulatorFault.ServerErrorHtml);

        var ex = await Assert.ThrowsAsync<BytezException>(() => model.RunAsync("hi"));

        Assert.Equal(typeof(BytezException), ex.GetType());
        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.Contains("502 Bad Gateway", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [BothApiVersions(EmulatorFault.MalformedJson)]
    [BothApiVersions(EmulatorFault.EmptyBody)]
    public async Task Malformed_or_empty_success_body_is_BytezProtocolException(BytezApiVersion api, EmulatorFault fault)
    {
        await using var session = await EmulatorFixture.StartAsync(api);
        var model = await ReadyWithFaultAsync(session, fault);

        var ex = await Assert.ThrowsAsync<BytezProtocolException>(() => model.RunAsync("hi"));

        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Equal(Gpt2, ex.ModelId);
    }

    [Theory]
    [BothApiVersions]
    public async Task In_band_stream_error_is_BytezStreamErrorException_after_the_text_before_it(BytezApiVersion api)
    {
        await using var session = await EmulatorFixture.StartAsync(api);
        var model = await ReadyWithFaultAsync(session, EmulatorFault.InBandStreamError);
        var received = new List<string>();

        var ex = await Assert.ThrowsAsync<BytezStreamErrorException>(async () =>
        {
            await foreach (var piece in model.RunStreamingAsync("Jack and Jill"))
            {
                received.Add(piece);
            }
        });

        Assert.StartsWith("Jack", string.Concat(received), StringComparison.Ordinal);
        Assert.Contains("INTERNAL_BYTEZ_ERROR", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [BothApiVersions(EmulatorFault.StreamTruncatedMidCharacter)]
    [BothApiVersions(EmulatorFault.ConnectionResetMidStream)]
    public async Task Stream_cut_short_is_a_BytezException_not_a_silent_end(BytezApiVersion api, EmulatorFault fault)
    {
        await using var session = await EmulatorFixture.StartAsync(api);
        var model = await ReadyWithFaultAsync(session, fault);
        var received = new List<string>();

        var ex = await Assert.ThrowsAnyAsync<BytezException>(async () =>
        {
            await foreach (var piece in model.RunStreamingAsync("Jack and Jill"))
            {
                received.Add(piece);
            }
        });

        Assert.Equal(Gpt2, ex.ModelId);
        Assert.DoesNotContain('\uFFFD', string.Concat(received));
    }

    [Theory]
    [BothApiVersions(EmulatorFault.StreamTruncatedMidCharacter)]
    [BothApiVersions(EmulatorFault.ConnectionResetMidStream)]
    public async Task Json_body_cut_short_is_a_BytezException(BytezApiVersion api, EmulatorFault fault)
    {
        await using var session = await EmulatorFixture.StartAsync(api);
        var model = await ReadyWithFaultAsync(session, fault);

        var ex = await Assert.ThrowsAnyAsync<BytezException>(() => model.RunAsync("Jack and Jill"));

        Assert.Equal(Gpt2, ex.ModelId);
    }

    [Theory]
    [BothApiVersions]
    public async Task Container_422_input_error_keeps_the_status_and_the_message(BytezApiVersion api)
    {
        await using var session = await EmulatorFixture.StartAsync(api);
        var model = await session.LoadAsync("deepset/roberta-base-squad2");

        var ex = await Assert.ThrowsAsync<BytezException>(() => model.RunAsync(BytezInput.FromObject(new JsonObject { ["question"] = "Where does Holly live?" })));
        Assert.Equal(422, session.Log.LastRequest(session.RunKind, model.ModelId).StatusCode);

        Assert.Equal(typeof(BytezException), ex.GetType());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, ex.StatusCode);
        Assert.Equal("Missing required input 'context' for question-answering.", ex.BytezError);
        Assert.Contains("Missing required input 'context'", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>Gets gpt2 ready to run (loaded on v1) and scripts its next run to fail with <paramref name="fault"/>.</summary>
    private static async Task<BytezModel> ReadyWithFaultAsync(EmulatorFixture session, EmulatorFault fault)
    {
        var model = await session.LoadAsync(Gpt2);
        session.Emulator.Script(Gpt2).Fault(fault);
        return model;
    }
}
