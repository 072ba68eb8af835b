using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Bytez.AI.Emulator.Tests;

public sealed class V1ListingTests
{
    [Fact]
    public async Task List_models_is_a_bare_array_with_modelId_task_and_ramRequired()
    {
        await using var h = await Harness.StartAsync();
        var (status, body) = await h.GetAsync("model/list");

        Assert.Equal(HttpStatusCode.OK, status);
        var list = Assert.IsType<JsonArray>(body);
        Assert.Equal(h.Emulator.Models.Count, list.Count);
        var gpt2 = list.Single(m => (string?)m!["modelId"] == TestModels.TextGeneration)!;
        Assert.Equal("text-generation", (string?)gpt2["task"]);
        Assert.Equal(0.5, (double)gpt2["ramRequired"]!);
    }

    [Fact]
    public async Task List_models_filters_by_task_and_reports_chat_models_as_text_generation()
    {
        await using var h = await Harness.StartAsync();
        var (_, body) = await h.GetAsync("model/list?task=text-generation");

        var ids = body!.AsArray().Select(m => (string?)m!["modelId"]).ToList();
        Assert.Contains(TestModels.TextGeneration, ids);
        Assert.Contains(TestModels.Chat, ids);
        Assert.DoesNotContain(TestModels.ZeroShotClassification, ids);
        Assert.All(body.AsArray(), m => Assert.Equal("text-generation", (string?)m!["task"]));
    }

    [Fact]
    public async Task Added_models_are_listed_and_replace_same_id()
    {
        await using var h = await Harness.StartAsync(o => o.Models = [new EmulatedModel("a/b", "fill-mask", 3)]);
        h.Emulator.AddModel(new EmulatedModel("c/d", "translation", 2));
        h.Emulator.AddModel(new EmulatedModel("a/b", "fill-mask", 4));

        var (_, body) = await h.GetAsync("model/list");
        Assert.Equal(["a/b", "c/d"], body!.AsArray().Select(m => (string)m!["modelId"]!));
        Assert.Equal(4, (double)body[0]!["ramRequired"]!);
    }

    [Fact]
    public async Task Instances_is_an_empty_array_then_lists_status_objects()
    {
        await using var h = await Harness.StartAsync();
        var (status, before) = await h.GetAsync("model/instances");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(before!.AsArray());

        await h.LoadAsync(TestModels.TextGeneration);
        var (_, after) = await h.GetAsync("model/instances");
        var instance = Assert.Single(after!.AsArray())!;
        Assert.Equal(TestModels.TextGeneration, (string?)instance["model"]);
        Assert.Equal("RUNNING", (string?)instance["status"]);
        Assert.Equal(1800, (int)instance["expirationPeriodSeconds"]!);
        Assert.Single(h.Emulator.Instances);
    }

    [Fact]
    public async Task Job_is_queued_then_already_queued_then_available()
    {
        var time = new FakeTimeProvider();
        await using var h = await Harness.StartAsync(o =>
        {
            o.TimeProvider = time;
            o.JobDelay = TimeSpan.FromSeconds(10);
        });
        var job = new JsonObject { ["model"] = "new-org/new-model" };

        var (s1, first) = await h.PostAsync("model/job", job.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, s1);
        Assert.Equal("new-org/new-model", (string?)first!["model"]);
        Assert.True((bool)first["success"]!);
        Assert.NotNull(first["modified"]);
        Assert.Null(first["message"]);

        var (_, second) = await h.PostAsync("model/job", job.ToJsonString());
        Assert.Equal("Model is already queued", (string?)second!["message"]);
        Assert.True(second.AsObject().ContainsKey("startTime"));
        Assert.Null(second["startTime"]);

        time.Advance(TimeSpan.FromSeconds(11));
        var (_, third) = await h.PostAsync("model/job", job.ToJsonString());
        Assert.Equal("Model available", (string?)third!["message"]);
        Assert.NotNull(third["startTime"]);
        Assert.NotNull(third["endTime"]);

        var (_, list) = await h.GetAsync("model/list");
        Assert.Contains(list!.AsArray(), m => (string?)m!["modelId"] == "new-org/new-model");
    }

    [Fact]
    public async Task Job_for_a_catalog_model_is_available_at_once()
    {
        await using var h = await Harness.StartAsync();
        var (_, body) = await h.PostAsync("model/job", new JsonObject { ["model"] = TestModels.TextGeneration });
        Assert.Equal("Model available", (string?)body!["message"]);
    }

    [Fact]
    public async Task Default_options_listen_on_loopback_and_serve_the_default_catalog()
    {
        await using var emulator = await BytezEmulator.StartAsync();
        Assert.Equal("127.0.0.1", emulator.Endpoint.Host);
        Assert.Equal("/", emulator.Endpoint.AbsolutePath);
        using var http = new HttpClient { BaseAddress = emulator.Endpoint };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Key anything");

        var list = JsonNode.Parse(await http.GetStringAsync("model/list"))!.AsArray();
        Assert.NotEmpty(list);

        // v1 lists every model but the closed-source ones, which came with v2.
        Assert.Equal(emulator.Models.Count(m => m.Provider is null), list.Count);
        var v2 = JsonNode.Parse(await http.GetStringAsync("models/v2/list/models"))!["output"]!.AsArray();
        Assert.Equal(emulator.Models.Count, v2.Count);
    }
}
