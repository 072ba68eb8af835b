using System.Text.Json.Nodes;
using Bytez.AI.Emulator;

namespace Bytez.AI.Tests.Integration;

/// <summary>
/// The exact request of each operation as the emulator received it over HTTP, on each API generation (the emulator
/// serving that generation only): method, path and body bytes (member order included; the client writes compact JSON),
/// against §2 (v1) and §3 (v2) of the wire reference.
/// </summary>
public sealed class RequestWireIntegrationTests
{
    private const string Gpt2 = "openai-community/gpt2";

    [Fact]
    public async Task V1_load_sends_model_concurrency_and_expirationPeriodSeconds()
    {
        await using var session = await EmulatorFixture.StartAsync(BytezApiVersion.V1);
        await session.Model(Gpt2).LoadAsync();
        await session.Model("google/flan-t5-base").LoadAsync(new BytezLoadOptions { Concurrency = 3, IdleTimeout = TimeSpan.FromMinutes(10) });

        AssertRequest(session, EmulatorRequestKind.Load, Gpt2, "POST", "model/load", """{"model":"openai-community/gpt2","concurrency":1,"expirationPeriodSeconds":300}""");
        AssertRequest(session, EmulatorRequestKind.Load, "google/flan-t5-base", "POST", "model/load", """{"model":"google/flan-t5-base","concurrency":3,"expirationPeriodSeconds":600}""");
        var status = await session.Model("google/flan-t5-base").GetStatusAsync();
        Assert.Equal(3, status.Concurrency);
        Assert.Equal(600, status.ExpirationPeriodSeconds);
    }

    [Fact]
    public async Task V1_status_stop_and_job_send_only_the_model()
    {
        await using var session = await EmulatorFixture.StartAsync(BytezApiVersion.V1);
        var model = await session.LoadAsync(Gpt2);
        await model.GetStatusAsync();
        await model.StopAsync();
        await session.Client.RequestModelAsync(Gpt2);

        AssertRequest(session, EmulatorRequestKind.Status, Gpt2, "POST", "model/status", """{"model":"openai-community/gpt2"}""");
        AssertRequest(session, EmulatorRequestKind.Stop, Gpt2, "POST", "model/delete", """{"model":"openai-community/gpt2"}""");
        AssertRequest(session, EmulatorRequestKind.Job, Gpt2, "POST", "model/job", """{"model":"openai-community/gpt2"}""");
    }

    [Theory]
    [BothApiVersions]
    public async Task Listings_are_GETs_without_a_body(BytezApiVersion api)
    {
        await using var session = await EmulatorFixture.StartAsync(api);
        await session.Client.ListModelsAsync();
        await session.Client.ListModelsAsync("text-generation");

        var lists = session.Emulator.RequestLog.Entries.Where(e => e.Kind == session.ListKind).ToList();
        Assert.Equal(
            api == BytezApiVersion.V1 ? ["model/list", "model/list?task=text-generation"] : ["models/v2/list/models", "models/v2/list/models?task=text-generation"],
            lists.Select(e => e.Path.TrimStart('/')));
        Assert.All(lists, e => Assert.Equal(("GET", ""), (e.Method, e.Body)));
        if (api == BytezApiVersion.V1)
        {
            await session.Client.ListInstancesAsync();
            AssertRequest(session, EmulatorRequestKind.ListInstances, null, "GET", "model/instances", "");
        }
        else
        {
            await session.Client.ListTasksAsync();
            AssertRequest(session, EmulatorRequestKind.V2ListTasks, null, "GET", "models/v2/list/tasks", "");
        }
    }

    [Theory]
    [BothApiVersions]
    public async Task Run_text_sends_the_text_and_params(BytezApiVersion api)
    {
        await using var session = await EmulatorFixture.StartAsync(api);
        var model = await session.LoadAsync(Gpt2);

        await model.RunAsync("Once upon a time there was a");
        AssertRun(session, Gpt2,
            """{"model":"openai-community/gpt2","stream":false,"params":{},"input":"Once upon a time there was a"}""",
            """{"text":"Once upon a time there was a"}""");

        await model.RunAsync("Once upon a time there was a", new JsonObject { ["max_new_tokens"] = 1, ["min_new_tokens"] = 1 });
        AssertRun(session, Gpt2,
            """{"model":"openai-community/gpt2","stream":false,"params":{"max_new_tokens":1,"min_new_tokens":1},"input":"Once upon a time there was a"}""",
            """{"text":"Once upon a time there was a","params":{"max_new_tokens":1,"min_new_tokens":1}}""");
    }

    [Theory]
    [BothApiVersions]
    public async Task Run_streaming_sets_stream_true(BytezApiVersion api)
    {
        await using var session = await EmulatorFixture.StartAsync(api);
        var model = await session.LoadAsync(Gpt2);

        await model.RunStreamingAsync("Jack and Jill").ToListAsync();

        var entry = session.Log.LastRequest(session.StreamKind, Gpt2);
        Assert.Equal(api == BytezApiVersion.V1 ? "model/run" : "models/v2/openai-community/gpt2", entry.Path.TrimStart('/'));
        Assert.Equal(
            api == BytezApiVersion.V1
                ? """{"model":"openai-community/gpt2","stream":true,"params":{},"input":"Jack and Jill"}"""
                : """{"text":"Jack and Jill","stream":true}""",
            entry.Body);
    }

    [Theory]
    [BothApiVersions]
    public async Task Run_messages_sends_the_conversation(BytezApiVersion api)
    {
        await using var session = await EmulatorFixture.StartAsync(api);
        var model = await session.LoadAsync("microsoft/Phi-3-mini-4k-instruct");

        await model.RunAsync(BytezInput.FromMessages([new("user", "Héllo \"there\" & <you>")]));

        AssertRun(session, model.ModelId,
            """{"model":"microsoft/Phi-3-mini-4k-instruct","stream":false,"params":{},"input":[{"role":"user","content":"Héllo \"there\" & <you>"}]}""",
            """{"messages":[{"role":"user","content":"Héllo \"there\" & <you>"}]}""");
    }

    [Theory]
    [BothApiVersions]
    public async Task Run_object_input_is_merged_into_the_top_level(BytezApiVersion api)
    {
        await using var session = await EmulatorFixture.StartAsync(api);
        var model = await session.LoadAsync("deepset/roberta-base-squad2");

        var output = await model.RunAsync(
            BytezInput.FromObject(new JsonObject { ["question"] = "Where does Holly live?", ["context"] = "My name is Holly and I live in NYC" }),
            new JsonObject { ["top_k"] = 1 });

        Assert.Equal("NYC", output.Output!.Value.GetProperty("answer").GetString());
        AssertRun(session, model.ModelId,
            """{"model":"deepset/roberta-base-squad2","stream":false,"params":{"top_k":1},"question":"Where does Holly live?","context":"My name is Holly and I live in NYC"}""",
            """{"question":"Where does Holly live?","context":"My name is Holly and I live in NYC","params":{"top_k":1}}""");
    }

    [Theory]
    [BothApiVersions]
    public async Task Run_without_input_sends_params_only(BytezApiVersion api)
    {
        await using var session = await EmulatorFixture.StartAsync(api);
        var model = await session.LoadAsync("afshr/cam_finetune");

        var media = await model.RunMediaAsync(BytezInput.None, new JsonObject { ["width"] = 16, ["height"] = 8 });

        Assert.True(TestMedia.IsPng(media.Data.ToArray()));
        AssertRun(session, model.ModelId,
            """{"model":"afshr/cam_finetune","stream":false,"params":{"width":16,"height":8}}""",
            """{"params":{"width":16,"height":8},"json":false}""");
    }

    [Fact]
    public async Task V2_run_keeps_the_slash_of_the_model_id_and_sends_the_provider_key_only_to_its_provider()
    {
        await using var session = await EmulatorFixture.StartAsync(
            BytezApiVersion.V2, configureClient: c => c.ProviderKeys = new Dictionary<string, string> { ["openai"] = "sk-openai-SECRET-1" });

        var closed = await session.Model("openai/gpt-4o").RunAsync(BytezInput.FromMessages([new("user", "What is the capital of England?")]));
        await session.Model("Qwen/Qwen3-4B").RunAsync(BytezInput.FromMessages([new("user", "What is the capital of England?")]));

        var gpt4o = session.Log.LastRequest(EmulatorRequestKind.V2Run, "openai/gpt-4o");
        var qwen = session.Log.LastRequest(EmulatorRequestKind.V2Run, "Qwen/Qwen3-4B");
        Assert.Equal("models/v2/openai/gpt-4o", gpt4o.Path.TrimStart('/'));
        Assert.Equal("models/v2/Qwen/Qwen3-4B", qwen.Path.TrimStart('/'));
        Assert.Equal("***", gpt4o.ProviderKey);
        Assert.Null(qwen.ProviderKey);
        Assert.All(session.Emulator.RequestLog.Entries, e => Assert.DoesNotContain("sk-openai-SECRET-1", e.ToString(), StringComparison.Ordinal));

        // The closed-source answer: {role, content} in output, the provider's untouched reply in provider.
        Assert.Equal("assistant", closed.GetAssistantMessage().Role);
        Assert.Contains("London", closed.GetAssistantMessage().Content, StringComparison.Ordinal);
        Assert.Equal("chat.completion", closed.Provider!.Value.GetProperty("object").GetString());
        Assert.Equal(closed.GetAssistantMessage().Content, closed.Provider.Value.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
    }

    private static void AssertRun(EmulatorFixture session, string modelId, string v1Body, string v2Body)
    {
        if (session.ApiVersion == BytezApiVersion.V1)
        {
            AssertRequest(session, EmulatorRequestKind.Run, modelId, "POST", "model/run", v1Body);
        }
        else
        {
            AssertRequest(session, EmulatorRequestKind.V2Run, modelId, "POST", "models/v2/" + modelId, v2Body);
        }
    }

    private static void AssertRequest(EmulatorFixture session, EmulatorRequestKind kind, string? modelId, string method, string path, string body)
    {
        var entry = session.Log.LastRequest(kind, modelId);
        Assert.Equal(method, entry.Method);
        Assert.Equal(path, entry.Path.TrimStart('/'));
        Assert.Equal(body, entry.Body);
    }
}
