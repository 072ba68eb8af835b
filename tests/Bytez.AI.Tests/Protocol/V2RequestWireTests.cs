using System.Net;
using System.Text.Json.Nodes;

namespace Bytez.AI.Tests.Protocol;

/// <summary>
/// Every v2 operation sends exactly the method, path, headers and JSON the v2 protocol documents (wire reference §3):
/// the model id in the path with its slash literal, the explicit input fields, null members left out, <c>params</c>,
/// <c>stream</c> and <c>json</c> only when they carry something, and <c>provider-key</c> only for its provider.
/// </summary>
public sealed class V2RequestWireTests
{
    private const string Qwen = "Qwen/Qwen3-4B";

    private static (BytezClient Client, RecordingHandler Handler) Create(string fixture = "v2-run-chat.json", Action<BytezClientOptions>? configure = null)
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Fixture(HttpStatusCode.OK, fixture));
        return (TestClients.CreateV2(handler, configure), handler);
    }

    private static async Task<RecordedRequest> RunAsync(BytezInput input, JsonObject? parameters = null, string model = Qwen)
    {
        var (client, handler) = Create();
        await client.GetModel(model).RunAsync(input, parameters);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("models/v2/" + model, request.RelativePath);
        Assert.Equal($"Key {TestClients.ApiKey}", request.Authorization);
        Assert.Equal("application/json", request.ContentType);
        return request;
    }

    [Fact]
    public void The_default_generation_is_v2()
    {
        Assert.Equal(BytezApiVersion.V2, new BytezClientOptions().ApiVersion);
        using var client = new BytezClient("key");
        Assert.Equal(BytezApiVersion.V2, client.ApiVersion);
    }

    [Fact]
    public async Task Chat_posts_messages_to_the_model_path_with_the_slash_literal()
    {
        var request = await RunAsync(
            BytezInput.FromMessages([new("user", "What is the capital of England?")]),
            new JsonObject { ["max_new_tokens"] = 64, ["temperature"] = 0 });

        // The §6 walk-through, byte for byte.
        Assert.Equal("https://api.bytez.test/models/v2/Qwen/Qwen3-4B", request.Uri.AbsoluteUri);
        Assert.Equal("""{"messages":[{"role":"user","content":"What is the capital of England?"}],"params":{"max_new_tokens":64,"temperature":0}}""", request.Body);
        Assert.Null(request.ProviderKey);
    }

    [Fact]
    public async Task Text_without_params_sends_only_the_text()
    {
        var request = await RunAsync("search_document: Turn this text into a vector", model: "nomic-ai/nomic-embed-text-v1.5");
        Assert.Equal("""{"text":"search_document: Turn this text into a vector"}""", request.Body);
    }

    [Fact]
    public async Task Empty_params_are_sent_when_given()
    {
        var request = await RunAsync("hi", []);
        Assert.Equal("""{"text":"hi","params":{}}""", request.Body);
    }

    [Fact]
    public async Task Url_media_question_context_and_labels_use_the_explicit_fields()
    {
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3];
        var dataUrl = "data:image/png;base64," + Convert.ToBase64String(png);

        Assert.Equal("""{"url":"https://example.com/duck.jpg"}""", (await RunAsync(BytezInput.FromUrl(new Uri("https://example.com/duck.jpg")))).Body);
        Assert.Equal($$"""{"base64":"{{dataUrl}}"}""", (await RunAsync(BytezInput.FromMedia(png, "image/png"))).Body);
        Assert.Equal(
            """{"url":"https://example.com/invoice.png","question":"What's the total cost?"}""",
            (await RunAsync(BytezInput.FromUrl(new Uri("https://example.com/invoice.png")).WithQuestion("What's the total cost?"))).Body);
        Assert.Equal(
            """{"question":"Where does Holly live?","context":"My name is Holly and I live in NYC"}""",
            (await RunAsync(BytezInput.FromQuestion("Where does Holly live?", "My name is Holly and I live in NYC"))).Body);
        Assert.Equal(
            """{"text":"One day I will see the world","candidate_labels":["travel","cooking"]}""",
            (await RunAsync(BytezInput.FromText("One day I will see the world").WithCandidateLabels(["travel", "cooking"]))).Body);
        Assert.Equal(
            $$$"""{"base64":"{{{dataUrl}}}","candidate_labels":["cat","dog"],"params":{"threshold":0.1}}""",
            (await RunAsync(BytezInput.FromMedia(png, "IMAGE/PNG").WithCandidateLabels(["cat", "dog"]), new JsonObject { ["threshold"] = 0.1 })).Body);
    }

    [Fact]
    public async Task Raw_base64_and_the_generic_input_field_pass_through_objects_and_values()
    {
        // A caller who holds raw base64 (no data: prefix, which v2 accepts too) passes it as an object member.
        Assert.Equal("""{"base64":"iVBORw0KGgo=","params":{}}""", (await RunAsync(BytezInput.FromObject(new JsonObject { ["base64"] = "iVBORw0KGgo=" }), [])).Body);

        // Anything that is not an object goes in the generic input field the SDKs send since September 2025.
        Assert.Equal("""{"input":["a","b"]}""", (await RunAsync(BytezInput.FromJson(new JsonArray("a", "b")))).Body);
        Assert.Equal("""{"params":{"seed":1}}""", (await RunAsync(BytezInput.None, new JsonObject { ["seed"] = 1 })).Body);
        Assert.Equal("{}", (await RunAsync(BytezInput.None)).Body);
    }

    [Fact]
    public async Task Multimodal_messages_become_content_blocks()
    {
        byte[] wav = [(byte)'R', (byte)'I', (byte)'F', (byte)'F', 0, 0];
        BytezChatMessage[] messages =
        [
            new("system", "Answer briefly."),
            new("user",
            [
                BytezContentBlock.FromText("Describe this image"),
                BytezContentBlock.FromUrl(BytezContentKind.Image, new Uri("https://example.com/duck.jpg")),
                BytezContentBlock.FromMedia(wav, "audio/wav"),
                BytezContentBlock.FromUrl(BytezContentKind.Video, new Uri("https://example.com/clip.mp4")),
            ]),
        ];

        var request = await RunAsync(BytezInput.FromMessages(messages), model: "google/gemma-3-4b-it");

        Assert.Equal(
            $$"""{"messages":[{"role":"system","content":"Answer briefly."},{"role":"user","content":[{"type":"text","text":"Describe this image"},{"type":"image","url":"https://example.com/duck.jpg"},{"type":"audio","base64":"data:audio/wav;base64,{{Convert.ToBase64String(wav)}}"},{"type":"video","url":"https://example.com/clip.mp4"}]}]}""",
            request.Body);
        Assert.Equal("Describe this image", messages[1].Content);
    }

    [Fact]
    public async Task Streaming_adds_stream_true_and_media_adds_json_false()
    {
        var streamHandler = new RecordingHandler(_ => RecordingHandler.Text(HttpStatusCode.OK, "The capital"));
        await TestClients.CreateV2(streamHandler).GetModel(Qwen).RunStreamingAsync(BytezInput.FromMessages([new("user", "Hi")])).ToListAsync();
        Assert.Equal("""{"messages":[{"role":"user","content":"Hi"}],"stream":true}""", Assert.Single(streamHandler.Requests).Body);

        var mediaHandler = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([0x89, (byte)'P', (byte)'N', (byte)'G']) });
        await TestClients.CreateV2(mediaHandler).GetModel("dreamlike-art/dreamlike-photoreal-2.0").RunMediaAsync("A beautiful landscape", new JsonObject { ["num_inference_steps"] = 4 });
        var media = Assert.Single(mediaHandler.Requests);
        Assert.Equal("models/v2/dreamlike-art/dreamlike-photoreal-2.0", media.RelativePath);
        Assert.Equal("""{"text":"A beautiful landscape","params":{"num_inference_steps":4},"json":false}""", media.Body);
    }

    [Fact]
    public async Task Provider_key_goes_to_its_provider_and_a_model_key_wins_over_the_provider_key()
    {
        var (client, handler) = Create(configure: o => o.ProviderKeys = new Dictionary<string, string>
        {
            ["OpenAI"] = "sk-openai-provider",
            ["openai/gpt-4o-mini"] = "sk-openai-model",
            ["cohere"] = "co-key",
        });
        var chat = BytezInput.FromMessages([new("user", "Hi")]);

        foreach (var model in (string[])["openai/gpt-4o", "openai/gpt-4o-mini", "cohere/command-r", "anthropic/claude-3-haiku-20240307", Qwen])
        {
            await client.GetModel(model).RunAsync(chat);
        }

        await client.GetModel("openai/gpt-4o").RunStreamingAsync(chat).ToListAsync();

        Assert.Equal(
            ["sk-openai-provider", "sk-openai-model", "co-key", null, null, "sk-openai-provider"],
            handler.Requests.Select(r => r.ProviderKey));
        Assert.Equal("models/v2/anthropic/claude-3-haiku-20240307", handler.Requests[3].RelativePath);
    }

    [Fact]
    public async Task Provider_keys_are_never_sent_by_v1()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Fixture(HttpStatusCode.OK, "v1-run-chat.json"));
        var client = TestClients.Create(handler, configure: o => o.ProviderKeys = new Dictionary<string, string> { ["microsoft"] = "k" });

        await client.GetModel("microsoft/Phi-3-mini-4k-instruct").RunAsync(BytezInput.FromMessages([new("user", "Hi")]));

        Assert.Null(Assert.Single(handler.Requests).ProviderKey);
    }

    [Fact]
    public async Task Listing_joins_task_and_modelId_with_an_ampersand()
    {
        var (client, handler) = Create("v2-list-models.json");

        var all = await client.ListModelsAsync();
        await client.ListModelsAsync(BytezTasks.Chat);
        var one = await client.ListModelsAsync(null, "nomic-ai/nomic-embed-text-v1.5");
        await client.ListModelsAsync(BytezTasks.Chat, Qwen);

        Assert.Equal(
            [
                "models/v2/list/models",
                "models/v2/list/models?task=chat",
                "models/v2/list/models?modelId=nomic-ai%2Fnomic-embed-text-v1.5",
                "models/v2/list/models?task=chat&modelId=Qwen%2FQwen3-4B",
            ],
            handler.Requests.Select(r => r.Uri.PathAndQuery.TrimStart('/')));
        Assert.All(handler.Requests, r => Assert.Equal((HttpMethod.Get, (string?)null), (r.Method, r.Body)));

        // The fixture: meterPrice is a string, params in billions, ramRequired in GB.
        Assert.Equal(2, all.Count);
        var qwen = all[0];
        Assert.Equal((Qwen, "chat", 16.0, 4.02, "sm-free", "0.0006478333 / sec"), (qwen.ModelId, qwen.Task, qwen.RamRequired, qwen.ParametersInBillions, qwen.Meter, qwen.MeterPrice));
        Assert.Equal("nomic-ai/nomic-embed-text-v1.5", Assert.Single(one).ModelId); // filtered to the id asked
    }

    [Fact]
    public async Task ListTasks_gets_list_tasks_and_reads_the_34_names()
    {
        var (client, handler) = Create("v2-list-tasks.json");

        var tasks = await client.ListTasksAsync();

        Assert.Equal("models/v2/list/tasks", Assert.Single(handler.Requests).RelativePath);
        Assert.Equal(34, tasks.Count);
        Assert.Contains(BytezTasks.Chat, tasks);
        Assert.Contains(BytezTasks.VideoTextToText, tasks);
    }

    [Fact]
    public async Task RequestModel_posts_request_with_the_id_in_the_path_and_no_body()
    {
        var (client, handler) = Create("v2-request-model.json");

        var job = await client.RequestModelAsync("chavinlo/alpaca-native");

        var request = Assert.Single(handler.Requests);
        Assert.Equal((HttpMethod.Post, "models/v2/request/chavinlo/alpaca-native", (string?)null), (request.Method, request.RelativePath, request.Body));
        Assert.Equal(("chavinlo/alpaca-native", true, "Job queued"), (job.Model, job.Success, job.Message));
    }

    [Fact]
    public async Task Model_ids_with_characters_outside_a_path_segment_are_escaped_per_segment()
    {
        var (client, handler) = Create();

        await client.GetModel("org/model.v1_2-x~y").RunAsync("hi");
        await client.GetModel("org/na#me").RunAsync("hi");

        // Unreserved characters go as they are; '#' would end the path, so it is escaped and the slash kept.
        Assert.Equal(["/models/v2/org/model.v1_2-x~y", "/models/v2/org/na%23me"], handler.Requests.Select(r => r.Uri.AbsolutePath));
    }
}
