using System.Text.Json.Nodes;
using Bytez.AI.Emulator;

namespace Bytez.AI.Tests.Integration;

/// <summary>
/// The exact request of each operation as the emulator received it over HTTP, against §2 of the wire reference:
/// method, path and body bytes (member order included; the client writes compact JSON).
/// </summary>
public sealed class RequestWireIntegrationTests : IAsyncLifetime
{
    private const string Gpt2 = "openai-community/gpt2";
    private EmulatorFixture _session = null!;

    public async Task InitializeAsync() => _session = await EmulatorFixture.StartAsync();

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [Fact]
    public async Task Load_sends_model_concurrency_and_expirationPeriodSeconds()
    {
        await _session.Model(Gpt2).LoadAsync();
        await _session.Model("google/flan-t5-base").LoadAsync(new BytezLoadOptions { Concurrency = 3, IdleTimeout = TimeSpan.FromMinutes(10) });

        AssertRequest(EmulatorRequestKind.Load, Gpt2, "POST", "model/load", """{"model":"openai-community/gpt2","concurrency":1,"expirationPeriodSeconds":300}""");
        AssertRequest(EmulatorRequestKind.Load, "google/flan-t5-base", "POST", "model/load", """{"model":"google/flan-t5-base","concurrency":3,"expirationPeriodSeconds":600}""");
        var status = await _session.Model("google/flan-t5-base").GetStatusAsync();
        Assert.Equal(3, status.Concurrency);
        Assert.Equal(600, status.ExpirationPeriodSeconds);
    }

    [Fact]
    public async Task Status_stop_and_job_send_only_the_model()
    {
        var model = await _session.LoadAsync(Gpt2);
        await model.GetStatusAsync();
        await model.StopAsync();
        await _session.Client.RequestModelAsync(Gpt2);

        AssertRequest(EmulatorRequestKind.Status, Gpt2, "POST", "model/status", """{"model":"openai-community/gpt2"}""");
        AssertRequest(EmulatorRequestKind.Stop, Gpt2, "POST", "model/delete", """{"model":"openai-community/gpt2"}""");
        AssertRequest(EmulatorRequestKind.Job, Gpt2, "POST", "model/job", """{"model":"openai-community/gpt2"}""");
    }

    [Fact]
    public async Task Listings_are_GETs_without_a_body()
    {
        await _session.Client.ListModelsAsync();
        await _session.Client.ListModelsAsync("text-generation");
        await _session.Client.ListInstancesAsync();

        var lists = _session.Emulator.RequestLog.Entries.Where(e => e.Kind == EmulatorRequestKind.ListModels).ToList();
        Assert.Equal(["model/list", "model/list?task=text-generation"], lists.Select(e => e.Path.TrimStart('/')));
        Assert.All(lists, e => Assert.Equal(("GET", ""), (e.Method, e.Body)));
        AssertRequest(EmulatorRequestKind.ListInstances, null, "GET", "model/instances", "");
    }

    [Fact]
    public async Task Run_text_puts_model_stream_params_then_input()
    {
        var model = await _session.LoadAsync(Gpt2);

        await model.RunAsync("Once upon a time there was a");
        AssertRequest(EmulatorRequestKind.Run, Gpt2, "POST", "model/run",
            """{"model":"openai-community/gpt2","stream":false,"params":{},"input":"Once upon a time there was a"}""");

        await model.RunAsync("Once upon a time there was a", new JsonObject { ["max_new_tokens"] = 1, ["min_new_tokens"] = 1 });
        AssertRequest(EmulatorRequestKind.Run, Gpt2, "POST", "model/run",
            """{"model":"openai-community/gpt2","stream":false,"params":{"max_new_tokens":1,"min_new_tokens":1},"input":"Once upon a time there was a"}""");
    }

    [Fact]
    public async Task Run_streaming_sets_stream_true()
    {
        var model = await _session.LoadAsync(Gpt2);

        await model.RunStreamingAsync("Jack and Jill").ToListAsync();

        AssertRequest(EmulatorRequestKind.RunStream, Gpt2, "POST", "model/run",
            """{"model":"openai-community/gpt2","stream":true,"params":{},"input":"Jack and Jill"}""");
    }

    [Fact]
    public async Task Run_messages_sends_the_array_as_input()
    {
        var model = await _session.LoadAsync("microsoft/Phi-3-mini-4k-instruct");

        await model.RunAsync(BytezInput.FromMessages([new("user", "Héllo \"there\" & <you>")]));

        AssertRequest(EmulatorRequestKind.Run, model.ModelId, "POST", "model/run",
            """{"model":"microsoft/Phi-3-mini-4k-instruct","stream":false,"params":{},"input":[{"role":"user","content":"Héllo \"there\" & <you>"}]}""");
    }

    [Fact]
    public async Task Run_object_input_is_merged_into_the_top_level_after_params()
    {
        var model = await _session.LoadAsync("deepset/roberta-base-squad2");

        await model.RunAsync(
            BytezInput.FromObject(new JsonObject { ["question"] = "Where does Holly live?", ["context"] = "My name is Holly and I live in NYC" }),
            new JsonObject { ["top_k"] = 1 });

        AssertRequest(EmulatorRequestKind.Run, model.ModelId, "POST", "model/run",
            """{"model":"deepset/roberta-base-squad2","stream":false,"params":{"top_k":1},"question":"Where does Holly live?","context":"My name is Holly and I live in NYC"}""");
        var body = JsonNode.Parse(_session.Log.LastRequest(EmulatorRequestKind.Run, model.ModelId).Body)!.AsObject();
        Assert.False(body.ContainsKey("input"));
    }

    [Fact]
    public async Task Run_without_input_sends_params_only()
    {
        var model = await _session.LoadAsync("afshr/cam_finetune");

        var output = await model.RunAsync(BytezInput.None, new JsonObject { ["width"] = 16, ["height"] = 8 });

        Assert.True(TestMedia.IsPng(output.GetPngBytes()));
        AssertRequest(EmulatorRequestKind.Run, model.ModelId, "POST", "model/run",
            """{"model":"afshr/cam_finetune","stream":false,"params":{"width":16,"height":8}}""");
    }

    private void AssertRequest(EmulatorRequestKind kind, string? modelId, string method, string path, string body)
    {
        var entry = _session.Log.LastRequest(kind, modelId);
        Assert.Equal(method, entry.Method);
        Assert.Equal(path, entry.Path.TrimStart('/'));
        Assert.Equal(body, entry.Body);
    }
}
