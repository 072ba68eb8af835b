using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Bytez.AI.Emulator.Tests;

public sealed class V2Tests
{
    [Fact]
    public async Task List_models_is_an_envelope_with_v2_members_and_chat_task()
    {
        await using var h = await Harness.StartAsync();
        var (status, body) = await h.GetAsync("models/v2/list/models");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(body!["error"]);
        var qwen = body["output"]!.AsArray().Single(m => (string?)m!["modelId"] == TestModels.ToolChat)!.AsObject();
        Assert.Equal("chat", (string?)qwen["task"]);
        Assert.Equal(["meter", "meterPrice", "modelId", "params", "ramRequired", "task"], qwen.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.EndsWith(" / sec", (string?)qwen["meterPrice"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_models_filters_by_task_and_modelId()
    {
        await using var h = await Harness.StartAsync();
        var (_, chat) = await h.GetAsync("models/v2/list/models?task=chat");
        Assert.All(chat!["output"]!.AsArray(), m => Assert.Equal("chat", (string?)m!["task"]));
        Assert.NotEmpty(chat["output"]!.AsArray());

        var (_, one) = await h.GetAsync("models/v2/list/models?modelId=" + TestModels.TextGeneration);
        Assert.Equal(TestModels.TextGeneration, (string?)Assert.Single(one!["output"]!.AsArray())!["modelId"]);
    }

    [Fact]
    public async Task List_tasks_has_the_34_documented_names()
    {
        await using var h = await Harness.StartAsync();
        var (_, body) = await h.GetAsync("models/v2/list/tasks");
        var expected = JsonNode.Parse(WireFixtures.Read("v2-list-tasks.json"));
        Assert.True(JsonNode.DeepEquals(expected, body));
    }

    [Fact]
    public async Task Request_model_answers_job_queued()
    {
        await using var h = await Harness.StartAsync();
        var (status, body) = await h.PostAsync("models/v2/request/some-org/some-model", "{}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"error":null,"output":"Job queued"}"""), body));
        Assert.Equal(1, h.Emulator.RequestLog.Count(EmulatorRequestKind.V2Request, "some-org/some-model"));
    }

    [Fact]
    public async Task Chat_run_needs_no_load_and_returns_a_single_message()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Script(TestModels.ToolChat).Reply("The capital of England is London.");

        var (status, body) = await h.PostAsync("models/v2/Qwen/Qwen3-4B", """{"messages":[{"role":"user","content":"What is the capital of England?"}],"params":{"max_new_tokens":64}}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var expected = JsonNode.Parse(WireFixtures.Read("v2-run-chat.json"));
        Assert.True(JsonNode.DeepEquals(expected, body), body!.ToJsonString());
        Assert.Equal(0, h.Emulator.RequestLog.InstancesStarted);
    }

    [Fact]
    public async Task Generic_input_field_works_like_explicit_fields()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Script(TestModels.ToolChat).Reply("a").Reply("a");
        var (_, explicitFields) = await h.PostAsync("models/v2/Qwen/Qwen3-4B", """{"messages":[{"role":"user","content":"hi"}]}""");
        var (_, generic) = await h.PostAsync("models/v2/Qwen/Qwen3-4B", """{"input":[{"role":"user","content":"hi"}]}""");
        Assert.True(JsonNode.DeepEquals(explicitFields, generic));
    }

    [Fact]
    public async Task Text_generation_run_returns_a_plain_string()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Script(TestModels.TextGeneration).Reply(" there was a home.");
        var (_, body) = await h.PostAsync("models/v2/openai-community/gpt2", """{"text":"Once upon a time"}""");
        Assert.Equal("Once upon a time there was a home.", (string?)body!["output"]);
    }

    [Fact]
    public async Task Asr_and_embeddings_are_normalised()
    {
        await using var h = await Harness.StartAsync();
        var (_, asr) = await h.PostAsync("models/v2/" + TestModels.SpeechRecognition, """{"url":"https://example.com/a.wav"}""");
        Assert.Equal("GO DO YOU HEAR", (string?)asr!["output"]);

        var (_, embedding) = await h.PostAsync("models/v2/" + TestModels.FeatureExtraction, """{"text":"hello"}""");
        Assert.All(embedding!["output"]!.AsArray(), n => Assert.IsAssignableFrom<JsonValue>(n));
    }

    [Fact]
    public async Task Text_to_image_returns_a_url_served_by_the_emulator()
    {
        await using var h = await Harness.StartAsync();
        var (_, body) = await h.PostAsync("models/v2/" + TestModels.TextToImage, """{"text":"A beautiful landscape"}""");
        var url = (string)body!["output"]!;
        Assert.StartsWith(h.Emulator.Endpoint + "cdn/", url, StringComparison.Ordinal);

        using var response = await h.Http.GetAsync(url);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("\u0089PNG", Encoding.Latin1.GetString((await response.Content.ReadAsByteArrayAsync())[..4]));
    }

    [Fact]
    public async Task Json_false_returns_raw_media_bytes()
    {
        await using var h = await Harness.StartAsync();
        using var response = await h.Http.PostAsync("models/v2/" + TestModels.TextToImage, new StringContent("""{"text":"x","json":false}"""));
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("\u0089PNG", Encoding.Latin1.GetString((await response.Content.ReadAsByteArrayAsync())[..4]));
    }

    [Fact]
    public async Task Stream_is_raw_text_of_the_reply_only_for_chat()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Script(TestModels.ToolChat).Reply("The capital of England is London.");
        var (response, chunks) = await h.StreamAsync("models/v2/Qwen/Qwen3-4B", """{"messages":[{"role":"user","content":"q"}],"stream":true}""");
        response.Dispose();
        Assert.Equal("The capital of England is London.", Encoding.UTF8.GetString([.. chunks.SelectMany(c => c)]));
        Assert.Equal(1, h.Emulator.RequestLog.Count(EmulatorRequestKind.V2RunStream, TestModels.ToolChat));
    }

    [Fact]
    public async Task Unknown_model_is_404_in_the_envelope()
    {
        await using var h = await Harness.StartAsync();
        var (status, body) = await h.PostAsync("models/v2/nobody/nothing", """{"text":"x"}""");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"error":"Model not found: nobody/nothing","output":null}"""), body));
    }

    [Fact]
    public async Task Errors_use_the_envelope_and_402_uses_its_own_shape()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Script(TestModels.TextGeneration).Fault(EmulatorFault.RateLimitedWithoutRetryAfter).Fault(EmulatorFault.OutOfCredits);

        var (s429, rate) = await h.PostAsync("models/v2/openai-community/gpt2", """{"text":"x"}""");
        Assert.Equal(HttpStatusCode.TooManyRequests, s429);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"error":"Rate limit exceeded","output":null}"""), rate));

        var (s402, credits) = await h.PostAsync("models/v2/openai-community/gpt2", """{"text":"x"}""");
        Assert.Equal(HttpStatusCode.PaymentRequired, s402);
        var expected = JsonNode.Parse(WireFixtures.Read("v2-error-payment-required.json"));
        Assert.True(JsonNode.DeepEquals(expected, credits));
    }

    [Fact]
    public async Task Media_inputs_are_offered_under_the_v1_member_names()
    {
        var behavior = new RecordingBehavior();
        await using var h = await Harness.StartAsync(o =>
        {
            o.BehaviorResolver = _ => behavior;
            o.Models = [new EmulatedModel("Salesforce/blip-vqa-base", "visual-question-answering"), new EmulatedModel("a/asr", "automatic-speech-recognition"), new EmulatedModel("g/vit", "image-classification")];
        });

        await h.PostAsync("models/v2/Salesforce/blip-vqa-base", """{"url":"https://example.com/cat.jpg","question":"What animal?"}""");
        await h.PostAsync("models/v2/a/asr", """{"base64":"data:audio/wav;base64,UklGRg=="}""");
        await h.PostAsync("models/v2/g/vit", """{"input":"https://example.com/cat.jpg"}""");

        var requests = behavior.Requests.ToArray();
        Assert.Equal("https://example.com/cat.jpg", (string?)requests[0].Body["image"]);
        Assert.Equal("What animal?", (string?)requests[0].Body["question"]);
        Assert.Equal("UklGRg==", (string?)requests[1].Body["b64AudioBufferWav"]);
        Assert.Equal("https://example.com/cat.jpg", (string?)requests[2].Body["image"]);
        Assert.Equal("https://example.com/cat.jpg", (string?)requests[2].Input);
    }

    [Fact]
    public async Task Localhost_host_with_a_random_port_starts()
    {
        await using var h = await Harness.StartAsync(o => o.Host = "localhost");
        Assert.Equal(HttpStatusCode.OK, (await h.GetAsync("model/list")).Status);
        Assert.EndsWith("/", h.Emulator.Endpoint.ToString(), StringComparison.Ordinal);
    }
}
