using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Bytez.AI.Emulator.Tests;

public sealed class V1LifecycleTests
{
    private static JsonObject Model(string id) => new() { ["model"] = id };

    private static Task<Harness> StartWithClock(FakeTimeProvider time) => Harness.StartAsync(o =>
    {
        o.TimeProvider = time;
        o.StartingDelay = TimeSpan.FromSeconds(10);
        o.InstantiatingDelay = TimeSpan.FromSeconds(20);
    });

    [Fact]
    public async Task Load_answers_started_and_status_goes_starting_instantiating_running()
    {
        var time = new FakeTimeProvider();
        await using var h = await StartWithClock(time);

        var (status, started) = await h.PostAsync("model/load", new JsonObject { ["model"] = TestModels.TextGeneration, ["concurrency"] = 2, ["expirationPeriodSeconds"] = 300 });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"model":"openai-community/gpt2","status":"started","concurrency":2}"""), started));

        var (_, s1) = await h.PostAsync("model/status", Model(TestModels.TextGeneration));
        Assert.Equal("STARTING", (string?)s1!["status"]);
        time.Advance(TimeSpan.FromSeconds(10));
        var (_, s2) = await h.PostAsync("model/status", Model(TestModels.TextGeneration));
        Assert.Equal("INSTANTIATING", (string?)s2!["status"]);
        time.Advance(TimeSpan.FromSeconds(20));
        var (_, s3) = await h.PostAsync("model/status", Model(TestModels.TextGeneration));
        Assert.Equal("RUNNING", (string?)s3!["status"]);

        foreach (var member in new[] { "model", "status", "concurrency", "inferences", "expirationPeriodSeconds", "expirationPeriodMinutes", "expiresAt", "created", "modified" })
        {
            Assert.True(s3.AsObject().ContainsKey(member), member);
        }

        Assert.Equal(2, (int)s3["concurrency"]!);
        Assert.Equal(0, (int)s3["inferences"]!);
        Assert.Equal(300, (int)s3["expirationPeriodSeconds"]!);
        Assert.Equal(5, (int)s3["expirationPeriodMinutes"]!);
        Assert.False(s3.AsObject().ContainsKey("error"));
        Assert.Equal(1, h.Emulator.RequestLog.InstancesStarted);
    }

    [Fact]
    public async Task Second_load_while_loading_is_429_and_when_running_is_409()
    {
        var time = new FakeTimeProvider();
        await using var h = await StartWithClock(time);
        await h.PostAsync("model/load", Model(TestModels.TextGeneration));

        var (inProgress, body429) = await h.PostAsync("model/load", Model(TestModels.TextGeneration));
        Assert.Equal(HttpStatusCode.TooManyRequests, inProgress);
        Assert.Equal("openai-community/gpt2: operation already in progress: load", (string?)body429!["error"]);

        time.Advance(TimeSpan.FromSeconds(31));
        var (loaded, body409) = await h.PostAsync("model/load", Model(TestModels.TextGeneration));
        Assert.Equal(HttpStatusCode.Conflict, loaded);
        Assert.Equal("openai-community/gpt2 is already loaded", (string?)body409!["error"]);
        Assert.Equal(1, h.Emulator.RequestLog.InstancesStarted);
        Assert.Equal(3, h.Emulator.RequestLog.LoadCount(TestModels.TextGeneration));
    }

    [Fact]
    public async Task Default_idle_timeout_is_1800_seconds()
    {
        await using var h = await Harness.StartAsync();
        await h.PostAsync("model/load", Model(TestModels.TextGeneration));
        var (_, status) = await h.PostAsync("model/status", Model(TestModels.TextGeneration));
        Assert.Equal(1800, (int)status!["expirationPeriodSeconds"]!);
        Assert.Equal(30, (int)status["expirationPeriodMinutes"]!);
    }

    [Fact]
    public async Task Delete_stops_the_instance_and_a_second_delete_is_404()
    {
        await using var h = await Harness.StartAsync();
        await h.LoadAsync(TestModels.TextGeneration);

        var (status, body) = await h.PostAsync("model/delete", Model(TestModels.TextGeneration));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"model":"openai-community/gpt2","status":"stopped"}"""), body));

        var (_, after) = await h.PostAsync("model/status", Model(TestModels.TextGeneration));
        Assert.Equal("STOPPED", (string?)after!["status"]);

        var (again, error) = await h.PostAsync("model/delete", Model(TestModels.TextGeneration));
        Assert.Equal(HttpStatusCode.NotFound, again);
        Assert.Equal("No running instance of openai-community/gpt2", (string?)error!["error"]);
        Assert.Equal(1, h.Emulator.RequestLog.InstancesStopped);
        Assert.Equal(2, h.Emulator.RequestLog.StopCount(TestModels.TextGeneration));
    }

    [Theory]
    [InlineData("model/load")]
    [InlineData("model/status")]
    [InlineData("model/run")]
    [InlineData("model/delete")]
    public async Task Unknown_model_is_404_model_not_found(string path)
    {
        await using var h = await Harness.StartAsync();
        var (status, body) = await h.PostAsync(path, Model("nobody/nothing"));
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Model not found: nobody/nothing", (string?)body!["error"]);
    }

    [Theory]
    [InlineData("""{"model":"openai-community/gpt2","concurrency":0}""")]
    [InlineData("""{"model":"openai-community/gpt2","concurrency":1.5}""")]
    [InlineData("""{"model":"openai-community/gpt2","expirationPeriodSeconds":-1}""")]
    [InlineData("""{"concurrency":1}""")]
    public async Task Invalid_load_bodies_are_400(string json)
    {
        await using var h = await Harness.StartAsync();
        var (status, body) = await h.PostAsync("model/load", json);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(string.IsNullOrEmpty((string?)body!["error"]));
        Assert.Empty(h.Emulator.Instances);
    }

    [Fact]
    public async Task Instance_expires_after_its_idle_timeout_and_runs_reset_the_timer()
    {
        var time = new FakeTimeProvider();
        await using var h = await Harness.StartAsync(o => o.TimeProvider = time);
        await h.PostAsync("model/load", new JsonObject { ["model"] = TestModels.TextGeneration, ["expirationPeriodSeconds"] = 60 });

        time.Advance(TimeSpan.FromSeconds(50));
        var (ran, _) = await h.PostAsync("model/run", new JsonObject { ["model"] = TestModels.TextGeneration, ["input"] = "hi" });
        Assert.Equal(HttpStatusCode.OK, ran);

        time.Advance(TimeSpan.FromSeconds(50)); // 100 s after load, 50 s after the run: still alive
        var (_, alive) = await h.PostAsync("model/status", Model(TestModels.TextGeneration));
        Assert.Equal("RUNNING", (string?)alive!["status"]);
        Assert.Equal(1, (int)alive["inferences"]!);

        time.Advance(TimeSpan.FromSeconds(11));
        Assert.Empty(h.Emulator.Instances);
        var (_, instances) = await h.GetAsync("model/instances");
        Assert.Empty(instances!.AsArray());
        Assert.Equal(1, h.Emulator.RequestLog.InstancesStopped);

        var (notRunning, error) = await h.PostAsync("model/run", new JsonObject { ["model"] = TestModels.TextGeneration, ["input"] = "hi" });
        Assert.Equal(HttpStatusCode.BadRequest, notRunning);
        Assert.Contains("not running", (string?)error!["error"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expired_instances_are_swept_by_the_timer_without_requests()
    {
        var time = new FakeTimeProvider();
        await using var h = await Harness.StartAsync(o =>
        {
            o.TimeProvider = time;
            o.ExpiryCheckInterval = TimeSpan.FromSeconds(5);
        });
        await h.PostAsync("model/load", new JsonObject { ["model"] = TestModels.TextGeneration, ["expirationPeriodSeconds"] = 10 });

        time.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(1, h.Emulator.RequestLog.InstancesStopped);
    }

    [Fact]
    public async Task Scripted_load_failure_reports_FAILED_with_error_and_a_new_load_replaces_it()
    {
        var time = new FakeTimeProvider();
        await using var h = await StartWithClock(time);
        h.Emulator.Script(TestModels.TextGeneration).LoadFails("Model failed to load: CUDA out of memory");

        var (status, _) = await h.PostAsync("model/load", Model(TestModels.TextGeneration));
        Assert.Equal(HttpStatusCode.OK, status);
        time.Advance(TimeSpan.FromSeconds(10));
        var (_, failed) = await h.PostAsync("model/status", Model(TestModels.TextGeneration));
        Assert.Equal("FAILED", (string?)failed!["status"]);
        Assert.Equal("Model failed to load: CUDA out of memory", (string?)failed["error"]);

        var (again, _) = await h.PostAsync("model/load", Model(TestModels.TextGeneration));
        Assert.Equal(HttpStatusCode.OK, again);
        time.Advance(TimeSpan.FromSeconds(31));
        var (_, running) = await h.PostAsync("model/status", Model(TestModels.TextGeneration));
        Assert.Equal("RUNNING", (string?)running!["status"]);
    }

    [Fact]
    public async Task NeverRuns_stays_instantiating()
    {
        var time = new FakeTimeProvider();
        await using var h = await StartWithClock(time);
        h.Emulator.Script(TestModels.TextGeneration).NeverRuns();
        await h.PostAsync("model/load", new JsonObject { ["model"] = TestModels.TextGeneration, ["expirationPeriodSeconds"] = 100000 });

        time.Advance(TimeSpan.FromHours(1));
        var (_, status) = await h.PostAsync("model/status", Model(TestModels.TextGeneration));
        Assert.Equal("INSTANTIATING", (string?)status!["status"]);
    }

    [Fact]
    public async Task OutOfCredits_answers_the_verbatim_credits_message_on_load()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Script(TestModels.TextGeneration).OutOfCredits();

        var (status, body) = await h.PostAsync("model/load", Model(TestModels.TextGeneration));
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Equal(
            "Out of free monthly credits. Wait until next month for more free credits, or upgrade to premium for immediate access",
            (string?)body!["error"]);
        Assert.Empty(h.Emulator.Instances);

        var (next, _) = await h.PostAsync("model/load", Model(TestModels.TextGeneration));
        Assert.Equal(HttpStatusCode.OK, next);
    }

    [Fact]
    public async Task ExpireInstance_and_StopInstanceExternally_end_instances()
    {
        await using var h = await Harness.StartAsync();
        await h.LoadAsync(TestModels.TextGeneration);
        await h.LoadAsync(TestModels.Chat);

        Assert.True(h.Emulator.ExpireInstance(TestModels.TextGeneration));
        Assert.True(h.Emulator.StopInstanceExternally(TestModels.Chat));
        Assert.False(h.Emulator.ExpireInstance(TestModels.TextGeneration));
        Assert.Empty(h.Emulator.Instances);
        Assert.Equal(2, h.Emulator.RequestLog.InstancesStarted);
        Assert.Equal(2, h.Emulator.RequestLog.InstancesStopped);
    }

    [Fact]
    public async Task Legacy_modelId_field_names_the_model()
    {
        await using var h = await Harness.StartAsync();
        var (status, body) = await h.PostAsync("model/load", """{"modelId":"openai-community/gpt2"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(TestModels.TextGeneration, (string?)body!["model"]);
    }
}
