using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors;

namespace Bytez.AI.Emulator.Tests;

public sealed class V1RunTests
{
    [Fact]
    public async Task Run_before_load_is_400_not_running()
    {
        await using var h = await Harness.StartAsync();
        var (status, body) = await h.PostAsync("model/run", """{"model":"openai-community/gpt2","input":"hi","stream":false,"params":{}}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Model openai-community/gpt2 is not running. Load it first with model/load.", (string?)body!["error"]);
    }

    [Fact]
    public async Task Run_while_starting_is_400_not_running()
    {
        await using var h = await Harness.StartAsync(o => o.StartingDelay = TimeSpan.FromHours(1));
        await h.PostAsync("model/load", """{"model":"openai-community/gpt2"}""");
        var (status, body) = await h.PostAsync("model/run", """{"model":"openai-community/gpt2","input":"hi"}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("not running", (string?)body!["error"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Object_input_members_reach_the_behaviour_at_the_top_level_with_params()
    {
        var behavior = new RecordingBehavior();
        await using var h = await Harness.StartAsync(o => o.BehaviorResolver = _ => behavior);
        await h.LoadAsync(TestModels.ZeroShotClassification);

        var (status, body) = await h.PostAsync("model/run", """
            {"model":"facebook/bart-large-mnli","stream":false,"params":{"multi_label":true},
             "text":"One day I will see the world","candidate_labels":["travel","cooking"]}
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("recorded", (string?)body!["output"]);
        var request = Assert.Single(behavior.Requests);
        Assert.Equal(TestModels.ZeroShotClassification, request.Model.ModelId);
        Assert.Equal("One day I will see the world", (string?)request.Body["text"]);
        Assert.Equal(2, request.Body["candidate_labels"]!.AsArray().Count);
        Assert.True((bool)request.Parameters["multi_label"]!);
        Assert.False(request.Stream);
    }

    [Theory]
    [InlineData("""{"model":"openai-community/gpt2","input":"Once upon"}""")]
    [InlineData("""{"model":"openai-community/gpt2","prompt":"Once upon"}""")]
    [InlineData("""{"modelId":"openai-community/gpt2","text":"Once upon"}""")]
    public async Task Input_prompt_and_legacy_text_are_all_the_input(string json)
    {
        var behavior = new RecordingBehavior();
        await using var h = await Harness.StartAsync(o => o.BehaviorResolver = _ => behavior);
        await h.LoadAsync(TestModels.TextGeneration);

        var (status, _) = await h.PostAsync("model/run", json);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Once upon", (string?)Assert.Single(behavior.Requests).Input);
    }

    [Fact]
    public async Task Scripted_reply_for_chat_returns_the_conversation_plus_the_assistant_message()
    {
        await using var h = await Harness.StartAsync();
        await h.LoadAsync(TestModels.Chat);
        h.Emulator.Script(TestModels.Chat).Reply("The capital of England is London.");

        var (_, body) = await h.PostAsync("model/run", """
            {"model":"microsoft/Phi-3-mini-4k-instruct","stream":false,"params":{"max_length":100},
             "input":[{"role":"system","content":"You are a friendly chatbot"},{"role":"user","content":"What is the capital of England?"}]}
            """);

        var expected = WireFixtures.Read("v1-run-chat.json");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), body), body!.ToJsonString());
    }

    [Fact]
    public async Task Scripted_reply_for_text_generation_echoes_the_prompt()
    {
        await using var h = await Harness.StartAsync();
        await h.LoadAsync(TestModels.TextGeneration);
        h.Emulator.Script(TestModels.TextGeneration).Reply(" there was a cat.");

        var (_, body) = await h.PostAsync("model/run", """{"model":"openai-community/gpt2","input":"Once upon a time"}""");
        Assert.Equal("Once upon a time there was a cat.", (string?)body!["output"]![0]!["generated_text"]);
    }

    [Fact]
    public async Task ReplyJson_is_returned_verbatim_once_then_the_default_behaviour_answers()
    {
        await using var h = await Harness.StartAsync();
        await h.LoadAsync(TestModels.TextGeneration);
        h.Emulator.Script(TestModels.TextGeneration).ReplyJson(new JsonObject { ["output"] = new JsonArray(new JsonObject { ["generated_text"] = "scripted" }) });

        var (_, first) = await h.PostAsync("model/run", """{"model":"openai-community/gpt2","input":"x"}""");
        var (_, second) = await h.PostAsync("model/run", """{"model":"openai-community/gpt2","input":"x"}""");
        Assert.Equal("scripted", (string?)first!["output"]![0]!["generated_text"]);
        Assert.NotEqual("scripted", (string?)second!["output"]![0]!["generated_text"]);
    }

    [Fact]
    public async Task Forever_keeps_a_step_and_Times_repeats_it()
    {
        await using var h = await Harness.StartAsync();
        await h.LoadAsync(TestModels.TextGeneration);
        h.Emulator.Script(TestModels.TextGeneration).Fail(503, "busy").Times(2).Reply(" ok").Forever();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await h.PostAsync("model/run", """{"model":"openai-community/gpt2","input":"x"}""")).Status);
        }

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK, HttpStatusCode.OK], statuses);
    }

    [Fact]
    public async Task Scripted_failure_carries_error_and_retry_after()
    {
        await using var h = await Harness.StartAsync();
        await h.LoadAsync(TestModels.TextGeneration);
        h.Emulator.Script(TestModels.TextGeneration).Fail(429, "Rate limit exceeded", "3");

        using var response = await h.Http.PostAsync("model/run", new StringContent("""{"model":"openai-community/gpt2","input":"x"}"""));
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter!.Delta);
        Assert.Equal("""{"error":"Rate limit exceeded"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Handler_answers_and_null_falls_through()
    {
        await using var h = await Harness.StartAsync();
        await h.LoadAsync(TestModels.ToolChat);
        h.Emulator.Script(TestModels.ToolChat).Handle(r =>
            r.Body["params"]?["tools"] is not null ? ScriptedResponse.Text("<tool_call>{\"name\":\"f\",\"arguments\":{}}</tool_call>") : null);

        var (_, withTools) = await h.PostAsync("model/run", """{"model":"Qwen/Qwen3-4B","input":[{"role":"user","content":"hi"}],"params":{"tools":[]}}""");
        var (_, without) = await h.PostAsync("model/run", """{"model":"Qwen/Qwen3-4B","input":[{"role":"user","content":"hi"}]}""");
        Assert.StartsWith("<tool_call>", (string?)withTools!["output"]![0]!["generated_text"]![1]!["content"], StringComparison.Ordinal);
        Assert.DoesNotContain("tool_call", (string?)without!["output"]![0]!["generated_text"]![1]!["content"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Input_exception_is_422_with_error_and_stack_trace()
    {
        await using var h = await Harness.StartAsync(o => o.BehaviorResolver = _ => new RecordingBehavior { OnRun = _ => throw new EmulatorInputException("'text'") });
        await h.LoadAsync(TestModels.ZeroShotClassification);

        var (status, body) = await h.PostAsync("model/run", """{"model":"facebook/bart-large-mnli","input":"x"}""");
        Assert.Equal((HttpStatusCode)422, status);
        Assert.Equal("'text'", (string?)body!["error"]);
        Assert.Contains("Traceback", (string?)body["stack_trace"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_request_json_is_400()
    {
        await using var h = await Harness.StartAsync();
        var (status, body) = await h.PostAsync("model/run", "{\"model\": ");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("Malformed JSON body", (string?)body!["error"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_sends_raw_chunks_flushed_one_by_one()
    {
        await using var h = await Harness.StartAsync(o => o.StreamChunkDelay = TimeSpan.FromMilliseconds(30));
        await h.LoadAsync(TestModels.TextGeneration);
        h.Emulator.Script(TestModels.TextGeneration).StreamChunks("The capital", " of England", " is London —", " of course.");

        var (response, chunks) = await h.StreamAsync("model/run", """{"model":"openai-community/gpt2","input":"x","stream":true}""");
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/event-stream; charset=utf-8", response.Content.Headers.ContentType!.ToString());
            Assert.Equal("The capital of England is London — of course.", Encoding.UTF8.GetString([.. chunks.SelectMany(c => c)]));
            Assert.True(chunks.Count >= 2, "chunks were delivered separately");
            Assert.DoesNotContain("data:", Encoding.UTF8.GetString(chunks[0]), StringComparison.Ordinal);
        }

        Assert.Equal(1, h.Emulator.RequestLog.Count(EmulatorRequestKind.RunStream, TestModels.TextGeneration));
    }

    [Fact]
    public async Task StreamBytes_can_split_inside_a_character()
    {
        await using var h = await Harness.StartAsync();
        await h.LoadAsync(TestModels.TextGeneration);
        h.Emulator.Script(TestModels.TextGeneration).StreamBytes(
            Convert.FromBase64String("VGhlIGNhcGl0YWwg"),
            Convert.FromBase64String("b2YgRW5nbGFuZCBpcyBMb25kb24g4g=="),
            Convert.FromBase64String("gJQgb2YgY291cnNlLg=="));

        var (response, chunks) = await h.StreamAsync("model/run", """{"model":"openai-community/gpt2","input":"x","stream":true}""");
        response.Dispose();
        Assert.Equal("The capital of England is London — of course.", Encoding.UTF8.GetString([.. chunks.SelectMany(c => c)]));
    }

    [Fact]
    public async Task Default_stream_of_a_text_generation_model_is_raw_text()
    {
        await using var h = await Harness.StartAsync();
        await h.LoadAsync(TestModels.TextGeneration);
        var (response, chunks) = await h.StreamAsync("model/run", """{"model":"openai-community/gpt2","input":"Once upon a time","stream":true}""");
        response.Dispose();
        Assert.StartsWith("Once upon a time", Encoding.UTF8.GetString([.. chunks.SelectMany(c => c)]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_on_a_task_that_cannot_stream_sends_the_in_band_error()
    {
        await using var h = await Harness.StartAsync();
        await h.LoadAsync(TestModels.TextToImage);
        var (response, chunks) = await h.StreamAsync("model/run", """{"model":"dreamlike-art/dreamlike-photoreal-2.0","input":"a cat","stream":true}""");
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(
                "INTERNAL_BYTEZ_ERROR: arg \"stream\" was likely passed to a model that does not support streaming.",
                Encoding.UTF8.GetString([.. chunks.SelectMany(c => c)]));
        }
    }

    [Fact]
    public async Task Runs_beyond_concurrency_queue_in_order()
    {
        var gate = new SemaphoreSlim(0);
        var active = 0;
        var maxActive = 0;
        var order = new List<string>();
        var behavior = new RecordingBehavior
        {
            OnRun = r =>
            {
                var now = Interlocked.Increment(ref active);
                lock (order)
                {
                    maxActive = Math.Max(maxActive, now);
                    order.Add((string)r.Input!);
                }

                gate.Wait(TimeSpan.FromSeconds(10));
                Interlocked.Decrement(ref active);
                return new JsonObject { ["output"] = "done" };
            },
        };
        await using var h = await Harness.StartAsync(o => o.BehaviorResolver = _ => behavior);
        await h.LoadAsync(TestModels.TextGeneration, concurrency: 1);

        var first = h.PostAsync("model/run", """{"model":"openai-community/gpt2","input":"1"}""");
        while (behavior.Requests.IsEmpty)
        {
            await Task.Delay(5);
        }

        // Wait until each request is queued before sending the next, so arrival order is certain (no sleeps).
        var queue = h.Emulator.State.Instance(TestModels.TextGeneration)!.Gate;
        var second = h.PostAsync("model/run", """{"model":"openai-community/gpt2","input":"2"}""");
        while (queue.WaitingCount < 1)
        {
            await Task.Delay(5);
        }

        var third = h.PostAsync("model/run", """{"model":"openai-community/gpt2","input":"3"}""");
        while (queue.WaitingCount < 2)
        {
            await Task.Delay(5);
        }

        gate.Release(3);
        var results = await Task.WhenAll(first, second, third);

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(1, maxActive);
        Assert.Equal(["1", "2", "3"], order);
        var (_, status) = await h.PostAsync("model/status", """{"model":"openai-community/gpt2"}""");
        Assert.Equal(3, (int)status!["inferences"]!);
    }
}
