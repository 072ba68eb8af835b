using System.Net;
using System.Text.Json.Nodes;

namespace Bytez.AI.Tests.Protocol;

/// <summary>Every operation sends exactly the method, path, headers and JSON the v1 protocol documents.</summary>
public sealed class RequestWireTests
{
    private const string Gpt2 = "openai-community/gpt2";

    private static (BytezClient Client, RecordingHandler Handler) Create(string fixture = "v1-run-text-generation.json")
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Fixture(HttpStatusCode.OK, fixture));
        return (TestClients.Create(handler), handler);
    }

    private static void AssertCommonHeaders(RecordedRequest request)
    {
        Assert.Equal($"Key {TestClients.ApiKey}", request.Authorization);
        Assert.StartsWith("Bytez.AI/", request.UserAgent, StringComparison.Ordinal);
        if (request.Body is not null)
        {
            Assert.Equal("application/json", request.ContentType);
        }
    }

    [Fact]
    public async Task ListModels_sends_GET_model_list_without_body()
    {
        var (client, handler) = Create("v1-list-models.json");

        await client.ListModelsAsync();

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("https://api.bytez.test/model/list", request.Uri.AbsoluteUri);
        Assert.Null(request.Body);
        AssertCommonHeaders(request);
    }

    [Fact]
    public async Task ListModels_by_task_escapes_the_task_into_the_query()
    {
        var (client, handler) = Create("v1-list-models.json");

        await client.ListModelsAsync(BytezTasks.TextGeneration);
        await client.ListModelsAsync("a b&c");

        Assert.Equal("model/list?task=text-generation", handler.Requests[0].RelativePath);
        Assert.Equal("model/list?task=a%20b%26c", handler.Requests[1].Uri.PathAndQuery.TrimStart('/'));
    }

    [Fact]
    public async Task ListInstances_sends_GET_model_instances()
    {
        var (client, handler) = Create("v1-list-models.json");
        handler = new RecordingHandler(_ => RecordingHandler.Json(HttpStatusCode.OK, "[]"));
        client = TestClients.Create(handler);

        var instances = await client.ListInstancesAsync();

        Assert.Empty(instances);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("model/instances", request.RelativePath);
        AssertCommonHeaders(request);
    }

    [Fact]
    public async Task RequestModel_posts_model_job()
    {
        var (client, handler) = Create("v1-job-queued.json");

        await client.RequestModelAsync(Gpt2);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("model/job", request.RelativePath);
        Assert.Equal("""{"model":"openai-community/gpt2"}""", request.Body);
        AssertCommonHeaders(request);
    }

    [Fact]
    public async Task Start_posts_model_load_with_concurrency_and_idle_timeout_in_seconds()
    {
        var (client, handler) = Create("v1-load-started.json");

        await client.GetModel(Gpt2).StartAsync(new BytezLoadOptions { Concurrency = 3, IdleTimeout = TimeSpan.FromMinutes(10.5) });
        await client.GetModel(Gpt2).StartAsync();

        Assert.Equal("model/load", handler.Requests[0].RelativePath);
        Assert.Equal(HttpMethod.Post, handler.Requests[0].Method);
        Assert.Equal("""{"model":"openai-community/gpt2","concurrency":3,"expirationPeriodSeconds":630}""", handler.Requests[0].Body);
        Assert.Equal("""{"model":"openai-community/gpt2","concurrency":1,"expirationPeriodSeconds":300}""", handler.Requests[1].Body);
        AssertCommonHeaders(handler.Requests[0]);
    }

    [Fact]
    public async Task Status_posts_model_status()
    {
        var (client, handler) = Create("v1-status-running.json");

        await client.GetModel(Gpt2).GetStatusAsync();

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("model/status", request.RelativePath);
        Assert.Equal("""{"model":"openai-community/gpt2"}""", request.Body);
        AssertCommonHeaders(request);
    }

    [Fact]
    public async Task Stop_posts_model_delete_and_accepts_an_empty_body()
    {
        var handler = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.OK));
        var client = TestClients.Create(handler);

        await client.GetModel(Gpt2).StopAsync();

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("model/delete", request.RelativePath);
        Assert.Equal("""{"model":"openai-community/gpt2"}""", request.Body);
        AssertCommonHeaders(request);
    }

    [Fact]
    public async Task Run_text_sends_model_stream_params_input_in_order()
    {
        var (client, handler) = Create();

        await client.GetModel(Gpt2).RunAsync("Once upon a time there was a");

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("model/run", request.RelativePath);
        Assert.Equal("""{"model":"openai-community/gpt2","stream":false,"params":{},"input":"Once upon a time there was a"}""", request.Body);
        AssertCommonHeaders(request);
    }

    [Fact]
    public async Task Run_with_params_sends_them_as_params()
    {
        var (client, handler) = Create();

        await client.GetModel(Gpt2).RunAsync("Once upon a time there was a", new JsonObject { ["max_new_tokens"] = 1, ["min_new_tokens"] = 1 });

        Assert.Equal(
            """{"model":"openai-community/gpt2","stream":false,"params":{"max_new_tokens":1,"min_new_tokens":1},"input":"Once upon a time there was a"}""",
            handler.Requests[0].Body);
    }

    [Fact]
    public async Task Run_messages_sends_role_content_array_as_input()
    {
        var (client, handler) = Create("v1-run-chat.json");

        await client.GetModel("microsoft/Phi-3-mini-4k-instruct").RunAsync(
            BytezInput.FromMessages([new("system", "You are a friendly chatbot"), new("user", "What's the capital of England?")]),
            new JsonObject { ["max_length"] = 100 });

        Assert.Equal(
            """{"model":"microsoft/Phi-3-mini-4k-instruct","stream":false,"params":{"max_length":100},"input":[{"role":"system","content":"You are a friendly chatbot"},{"role":"user","content":"What's the capital of England?"}]}""",
            handler.Requests[0].Body);
    }

    [Fact]
    public async Task Run_object_input_is_merged_into_the_top_level_after_params()
    {
        var (client, handler) = Create();

        await client.GetModel("deepset/roberta-base-squad2").RunAsync(
            BytezInput.FromObject(new JsonObject { ["question"] = "Where do I live?", ["context"] = "My name is Merve and I live in Istanbul." }));

        Assert.Equal(
            """{"model":"deepset/roberta-base-squad2","stream":false,"params":{},"question":"Where do I live?","context":"My name is Merve and I live in Istanbul."}""",
            handler.Requests[0].Body);
    }

    [Fact]
    public async Task Run_FromJson_merges_objects_and_sends_other_values_as_input()
    {
        var (client, handler) = Create();
        var model = client.GetModel("org/model");

        await model.RunAsync(BytezInput.FromJson(new JsonObject { ["b64AudioBufferWav"] = "UklG" }));
        await model.RunAsync(BytezInput.FromJson(new JsonArray("a", "b")));

        Assert.Equal("""{"model":"org/model","stream":false,"params":{},"b64AudioBufferWav":"UklG"}""", handler.Requests[0].Body);
        Assert.Equal("""{"model":"org/model","stream":false,"params":{},"input":["a","b"]}""", handler.Requests[1].Body);
    }

    [Fact]
    public async Task Run_None_sends_no_input_member()
    {
        var (client, handler) = Create("v1-run-text-to-image.json");

        await client.GetModel("google/ddpm-celebahq-256").RunAsync(BytezInput.None, new JsonObject { ["num_inference_steps"] = 2 });

        Assert.Equal("""{"model":"google/ddpm-celebahq-256","stream":false,"params":{"num_inference_steps":2}}""", handler.Requests[0].Body);
    }

    [Fact]
    public async Task RunStreaming_sends_stream_true()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Text(HttpStatusCode.OK, "Jack and Jill went", "text/event-stream"));
        var client = TestClients.Create(handler);

        var text = string.Concat(await client.GetModel(Gpt2).RunStreamingAsync("Jack and Jill").ToListAsync());

        Assert.Equal("Jack and Jill went", text);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("model/run", request.RelativePath);
        Assert.Equal("""{"model":"openai-community/gpt2","stream":true,"params":{},"input":"Jack and Jill"}""", request.Body);
        AssertCommonHeaders(request);
    }

    [Fact]
    public async Task An_endpoint_base_path_is_kept()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Fixture(HttpStatusCode.OK, "v1-list-models.json"));
        var client = TestClients.Create(handler, configure: o => o.Endpoint = new Uri("https://proxy.example/bytez"));

        await client.ListModelsAsync();

        Assert.Equal(new Uri("https://proxy.example/bytez/"), client.Endpoint);
        Assert.Equal("https://proxy.example/bytez/model/list", handler.Requests[0].Uri.AbsoluteUri);
    }

    [Fact]
    public void Object_inputs_may_not_override_body_members()
    {
        var ex = Assert.Throws<ArgumentException>(() => BytezInput.FromObject(new JsonObject { ["params"] = new JsonObject() }));
        Assert.Contains("params", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Object_inputs_are_copied_so_later_changes_do_not_leak()
    {
        var (client, handler) = Create();
        var members = new JsonObject { ["question"] = "q1" };
        var input = BytezInput.FromObject(members);
        members["question"] = "changed";

        await client.GetModel("org/model").RunAsync(input);

        Assert.Contains("\"question\":\"q1\"", handler.Requests[0].Body, StringComparison.Ordinal);
    }
}
