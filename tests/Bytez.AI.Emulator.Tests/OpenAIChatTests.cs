using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Bytez.AI.Emulator.Tests;

public sealed class OpenAIChatTests
{
    private const string Path = "models/v2/openai/v1/chat/completions";
    private const string Body = """{"model":"Qwen/Qwen3-4B","messages":[{"role":"user","content":"What is the capital of England?"}],"max_completion_tokens":256}""";

    [Fact]
    public async Task Non_streaming_answer_is_a_chat_completion_with_usage()
    {
        await using var h = await Harness.StartAsync(authorization: "Bearer any-key");
        h.Emulator.Script(TestModels.ToolChat).Reply("The capital of England is London.");

        var (status, body) = await h.PostAsync(Path, Body);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("chatcmpl-", (string?)body!["id"], StringComparison.Ordinal);
        Assert.Equal("chat.completion", (string?)body["object"]);
        Assert.Equal(TestModels.ToolChat, (string?)body["model"]);
        var choice = body["choices"]![0]!;
        Assert.Equal(0, (int)choice["index"]!);
        Assert.Equal("assistant", (string?)choice["message"]!["role"]);
        Assert.Equal("The capital of England is London.", (string?)choice["message"]!["content"]);
        Assert.Equal("stop", (string?)choice["finish_reason"]);
        Assert.Equal(6, (int)body["usage"]!["prompt_tokens"]!);
        Assert.Equal(6, (int)body["usage"]!["completion_tokens"]!);
        Assert.Equal(12, (int)body["usage"]!["total_tokens"]!);
        Assert.Equal(1, h.Emulator.RequestLog.Count(EmulatorRequestKind.OpenAIChat, TestModels.ToolChat));
    }

    [Fact]
    public async Task Same_text_as_the_native_endpoint_for_the_default_behaviour()
    {
        await using var h = await Harness.StartAsync();
        var (_, native) = await h.PostAsync("models/v2/Qwen/Qwen3-4B", """{"messages":[{"role":"user","content":"What is the capital of England?"}]}""");
        var (_, openAI) = await h.PostAsync(Path, Body);
        Assert.Equal((string?)native!["output"]!["content"], (string?)openAI!["choices"]![0]!["message"]!["content"]);
    }

    [Fact]
    public async Task Streaming_is_openai_sse_ending_with_done_and_matches_the_non_streaming_text()
    {
        await using var h = await Harness.StartAsync(authorization: "Bearer any-key");
        var (_, whole) = await h.PostAsync(Path, Body);
        var expected = (string?)whole!["choices"]![0]!["message"]!["content"];

        var streamBody = Body.Replace("}],", "}],\"stream\":true,\"stream_options\":{\"include_usage\":true},", StringComparison.Ordinal);
        var (response, chunks) = await h.StreamAsync(Path, streamBody);
        response.Dispose();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);

        var text = Encoding.UTF8.GetString([.. chunks.SelectMany(c => c)]);
        var events = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(events, e => Assert.StartsWith("data: ", e, StringComparison.Ordinal));
        Assert.Equal("data: [DONE]", events[^1]);

        var payloads = events[..^1].Select(e => JsonNode.Parse(e["data: ".Length..])!).ToList();
        Assert.All(payloads, p => Assert.Equal("chat.completion.chunk", (string?)p["object"]));
        Assert.Single(payloads.Select(p => (string?)p["id"]).Distinct());
        Assert.Equal("assistant", (string?)payloads[0]["choices"]![0]!["delta"]!["role"]);
        var content = string.Concat(payloads.Where(p => p["choices"]!.AsArray().Count > 0).Select(p => (string?)p["choices"]![0]!["delta"]!["content"]));
        Assert.Equal(expected, content);
        Assert.Equal("stop", (string?)payloads[^2]["choices"]![0]!["finish_reason"]);
        Assert.NotNull(payloads[^1]["usage"]);
        Assert.Equal(1, h.Emulator.RequestLog.Count(EmulatorRequestKind.OpenAIChatStream, TestModels.ToolChat));
    }

    [Fact]
    public async Task Finish_reason_is_length_when_the_token_limit_is_reached()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Script(TestModels.ToolChat).Reply("one two three");
        var (_, body) = await h.PostAsync(Path, """{"model":"Qwen/Qwen3-4B","messages":[{"role":"user","content":"x"}],"max_tokens":3}""");
        Assert.Equal("length", (string?)body!["choices"]![0]!["finish_reason"]);
    }

    [Fact]
    public async Task Missing_messages_is_400_and_unknown_model_is_404()
    {
        await using var h = await Harness.StartAsync();
        var (s400, _) = await h.PostAsync(Path, """{"model":"Qwen/Qwen3-4B"}""");
        var (s404, body) = await h.PostAsync(Path, """{"model":"x/y","messages":[{"role":"user","content":"x"}]}""");
        Assert.Equal(HttpStatusCode.BadRequest, s400);
        Assert.Equal(HttpStatusCode.NotFound, s404);
        Assert.Equal("Model not found: x/y", (string?)body!["error"]!["message"]);
        Assert.Equal("not_found_error", (string?)body["error"]!["type"]);
    }

    [Fact]
    public async Task Behaviour_sees_messages_as_input_and_max_tokens_as_params()
    {
        var behavior = new RecordingBehavior();
        await using var h = await Harness.StartAsync(o => o.BehaviorResolver = _ => behavior);
        behavior.Requests.Clear();
        await h.PostAsync(Path, Body);
        var request = Assert.Single(behavior.Requests);
        Assert.IsType<JsonArray>(request.Input);
        Assert.Equal(256, (int)request.Parameters["max_new_tokens"]!);
    }
}
