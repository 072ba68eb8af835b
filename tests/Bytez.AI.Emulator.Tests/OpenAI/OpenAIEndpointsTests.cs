using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Bytez.AI.Emulator.Tests.OpenAI;

/// <summary>
/// The OpenAI-compatible endpoints beyond plain text: native tools and <c>tool_choice</c>, standard tool history,
/// <c>response_format</c> JSON schemas, <c>completions</c>, <c>responses</c>, and OpenAI-shaped errors.
/// </summary>
public sealed class OpenAIEndpointsTests
{
    private const string Chat = "models/v2/openai/v1/chat/completions";
    private const string Gpt4o = "openai/gpt-4o";

    private static readonly JsonArray WeatherTool = JsonNode.Parse("""
        [{"type":"function","function":{"name":"get_weather","description":"Gets the current weather of a city.",
          "parameters":{"type":"object","properties":{"city":{"type":"string","description":"The city."}},"required":["city"]}}},
         {"type":"function","function":{"name":"get_time","description":"Gets the current time.","parameters":{"type":"object","properties":{}}}}]
        """)!.AsArray();

    [Fact]
    public async Task Tools_are_answered_with_deterministic_tool_calls()
    {
        await using var h = await StartAsync();
        var body = ChatBody("What's the weather in Paris and London?");

        var (status, first) = await h.PostAsync(Chat, body);
        var (_, second) = await h.PostAsync(Chat, body);

        Assert.Equal(HttpStatusCode.OK, status);
        var choice = first!["choices"]![0]!;
        Assert.Equal("tool_calls", (string?)choice["finish_reason"]);
        Assert.Null(choice["message"]!["content"]);
        var calls = choice["message"]!["tool_calls"]!.AsArray();
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.Equal("get_weather", (string?)c!["function"]!["name"]));
        Assert.Equal("""{"city":"Paris"}""", (string?)calls[0]!["function"]!["arguments"]);
        Assert.Equal("""{"city":"London"}""", (string?)calls[1]!["function"]!["arguments"]);
        Assert.Equal(second!["choices"]![0]!["message"]!.ToJsonString(), choice["message"]!.ToJsonString());
        Assert.True((int)first["usage"]!["completion_tokens"]! > 0);
    }

    [Fact]
    public async Task Streamed_tool_calls_carry_id_and_name_first_then_the_arguments_in_pieces()
    {
        await using var h = await StartAsync();
        var body = ChatBody("What's the weather in Paris?");
        body["stream"] = true;

        var (response, chunks) = await h.StreamAsync(Chat, body.ToJsonString());
        response.Dispose();

        var payloads = Encoding.UTF8.GetString([.. chunks.SelectMany(c => c)]).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("data: [DONE]", payloads[^1]);
        var deltas = payloads[..^1].Select(p => JsonNode.Parse(p["data: ".Length..])!["choices"]![0]!).ToList();
        var toolDeltas = deltas.Where(d => d["delta"]?["tool_calls"] is not null).Select(d => d["delta"]!["tool_calls"]![0]!).ToList();
        Assert.Equal("get_weather", (string?)toolDeltas[0]["function"]!["name"]);
        Assert.StartsWith("call_", (string?)toolDeltas[0]["id"], StringComparison.Ordinal);
        Assert.True(toolDeltas.Count > 2);
        Assert.Equal("""{"city":"Paris"}""", string.Concat(toolDeltas.Select(d => (string?)d["function"]!["arguments"])));
        Assert.Equal("tool_calls", (string?)deltas[^1]["finish_reason"]);
    }

    [Fact]
    public async Task Standard_tool_history_is_accepted_and_the_results_are_quoted()
    {
        await using var h = await StartAsync();
        var body = ParisWeatherAfterItsResult();

        var (status, answer) = await h.PostAsync(Chat, body);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("The weather in Paris is 15 degrees and cloudy.", (string?)answer!["choices"]![0]!["message"]!["content"]);
        Assert.Equal("stop", (string?)answer["choices"]![0]!["finish_reason"]);
    }

    [Fact]
    public async Task After_tool_results_a_json_schema_answer_is_json_filled_from_the_results()
    {
        await using var h = await StartAsync();
        var body = ParisWeatherAfterItsResult();
        body["response_format"] = JsonNode.Parse("""
            {"type":"json_schema","json_schema":{"name":"Report","schema":{"type":"object","required":["city","degrees","sky"],
             "properties":{"city":{"type":"string"},"degrees":{"type":"integer"},"sky":{"type":"string","enum":["Sunny","Cloudy"]}}}}}
            """);

        var (status, answer) = await h.PostAsync(Chat, body);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"city":"Paris","degrees":15,"sky":"Cloudy"}""", (string?)answer!["choices"]![0]!["message"]!["content"]);
        Assert.Equal("stop", (string?)answer["choices"]![0]!["finish_reason"]);
    }

    [Theory]
    [InlineData("\"none\"", null)]
    [InlineData("\"required\"", "get_weather")]
    [InlineData("""{"type":"function","function":{"name":"get_time"}}""", "get_time")]
    public async Task Tool_choice_is_honoured(string choice, string? expectedCall)
    {
        await using var h = await StartAsync();
        var body = ChatBody("Are birds real?");
        body["tool_choice"] = JsonNode.Parse(choice);

        var (_, answer) = await h.PostAsync(Chat, body);

        var calls = answer!["choices"]![0]!["message"]!["tool_calls"] as JsonArray;
        Assert.Equal(expectedCall, (string?)calls?[0]!["function"]!["name"]);
    }

    [Fact]
    public async Task Tools_for_an_open_model_without_a_tool_format_are_a_400_in_OpenAI_shape()
    {
        await using var h = await StartAsync();
        var body = ChatBody("What's the weather in Paris?");
        body["model"] = "microsoft/Phi-3-mini-4k-instruct";

        var (status, error) = await h.PostAsync(Chat, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_request_error", (string?)error!["error"]!["type"]);
        Assert.Equal("tools", (string?)error["error"]!["param"]);
        Assert.Contains("does not support tools", (string?)error["error"]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_open_tool_model_answers_native_tools_too()
    {
        await using var h = await StartAsync();
        var body = ChatBody("What's the weather in Paris?");
        body["model"] = "Qwen/Qwen2.5-7B-Instruct";

        var (_, answer) = await h.PostAsync(Chat, body);

        Assert.Equal("get_weather", (string?)answer!["choices"]![0]!["message"]!["tool_calls"]![0]!["function"]!["name"]);
    }

    [Fact]
    public async Task A_json_schema_response_format_is_answered_with_json_that_fits_it()
    {
        await using var h = await StartAsync();
        var body = new JsonObject
        {
            ["model"] = Gpt4o,
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "Jimbo Smith is a 35-year-old programmer from Cardiff. Who is he?" }),
            ["response_format"] = JsonNode.Parse("""
                {"type":"json_schema","json_schema":{"name":"Person","strict":true,"schema":{"type":"object","additionalProperties":false,
                 "required":["fullName","ageInYears","homeTown","job","tags","active"],
                 "properties":{"fullName":{"type":"string"},"ageInYears":{"type":"integer"},"homeTown":{"type":["string","null"]},
                  "job":{"type":"string","enum":["Wombat","PopStar","Programmer"]},"tags":{"type":"array","items":{"type":"string"}},"active":{"type":"boolean"}}}}}
                """),
        };

        var (_, answer) = await h.PostAsync(Chat, body);

        var person = JsonNode.Parse((string)answer!["choices"]![0]!["message"]!["content"]!)!.AsObject();
        Assert.Equal(["fullName", "ageInYears", "homeTown", "job", "tags", "active"], person.Select(p => p.Key));
        Assert.Equal("Jimbo Smith", (string?)person["fullName"]);
        Assert.Equal(35, (int)person["ageInYears"]!);
        Assert.Equal("Cardiff", (string?)person["homeTown"]);
        Assert.Equal("Programmer", (string?)person["job"]);
        Assert.IsType<JsonArray>(person["tags"]);
        Assert.IsType<bool>(person["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Completions_answer_text_completion_objects_whole_and_streamed()
    {
        await using var h = await StartAsync();
        const string Body = """{"model":"openai-community/gpt2","prompt":"Once upon a time","max_tokens":5}""";

        var (status, whole) = await h.PostAsync("models/v2/openai/v1/completions", Body);
        var (response, chunks) = await h.StreamAsync("models/v2/openai/v1/completions", Body.Replace("}", ",\"stream\":true}", StringComparison.Ordinal));
        response.Dispose();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text_completion", (string?)whole!["object"]);
        var text = (string)whole["choices"]![0]!["text"]!;
        Assert.DoesNotContain("Once upon a time", text, StringComparison.Ordinal);
        Assert.Equal(5, OpenAIWords(text));
        Assert.Equal("length", (string?)whole["choices"]![0]!["finish_reason"]);
        Assert.Equal(4, (int)whole["usage"]!["prompt_tokens"]!);
        var events = Encoding.UTF8.GetString([.. chunks.SelectMany(c => c)]).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("data: [DONE]", events[^1]);
        Assert.Equal(text, string.Concat(events[..^1].Select(e => (string?)JsonNode.Parse(e["data: ".Length..])!["choices"]![0]!["text"])).Trim());
        Assert.Equal(1, h.Emulator.RequestLog.Count(EmulatorRequestKind.OpenAICompletions));
        Assert.Equal(1, h.Emulator.RequestLog.Count(EmulatorRequestKind.OpenAICompletionsStream));
    }

    [Fact]
    public async Task Responses_answer_a_response_object_with_text_or_function_calls()
    {
        await using var h = await StartAsync();

        var (status, text) = await h.PostAsync("models/v2/openai/v1/responses", """{"model":"openai/gpt-4o","input":"What is the capital of England?"}""");
        var (_, call) = await h.PostAsync("models/v2/openai/v1/responses", """
            {"model":"openai/gpt-4o","input":"What's the weather in Paris?",
             "tools":[{"type":"function","name":"get_weather","description":"Gets the current weather of a city.","parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}]}
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("response", (string?)text!["object"]);
        Assert.Equal("completed", (string?)text["status"]);
        Assert.Equal("The capital of England is London.", (string?)text["output"]![0]!["content"]![0]!["text"]);
        Assert.Equal("The capital of England is London.", (string?)text["output_text"]);
        Assert.True((int)text["usage"]!["input_tokens"]! > 0);
        var item = call!["output"]![0]!;
        Assert.Equal("function_call", (string?)item["type"]);
        Assert.Equal("get_weather", (string?)item["name"]);
        Assert.Equal("""{"city":"Paris"}""", (string?)item["arguments"]);
    }

    [Fact]
    public async Task Streamed_responses_are_named_events_ending_with_response_completed()
    {
        await using var h = await StartAsync();

        var (response, chunks) = await h.StreamAsync("models/v2/openai/v1/responses", """{"model":"openai/gpt-4o","input":"What is the capital of England?","stream":true}""");
        response.Dispose();

        var events = Encoding.UTF8.GetString([.. chunks.SelectMany(c => c)]).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("event: response.created\n", events[0], StringComparison.Ordinal);
        Assert.StartsWith("event: response.completed\n", events[^1], StringComparison.Ordinal);
        var deltas = events.Where(e => e.StartsWith("event: response.output_text.delta\n", StringComparison.Ordinal))
            .Select(e => (string?)JsonNode.Parse(e[(e.IndexOf("data: ", StringComparison.Ordinal) + 6)..])!["delta"]);
        Assert.Equal("The capital of England is London.", string.Concat(deltas));
    }

    [Fact]
    public async Task Responses_serve_openai_and_anthropic_only()
    {
        await using var h = await StartAsync();

        var (status, error) = await h.PostAsync("models/v2/openai/v1/responses", """{"model":"google/gemini-2.0-flash","input":"hi"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("openai and anthropic", (string?)error!["error"]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_on_OpenAI_paths_use_the_OpenAI_shape()
    {
        await using var h = await StartAsync();
        h.Emulator.Script(Gpt4o).Fault(EmulatorFault.RateLimited).Fail(500, "the model crashed");

        var (limited, rate) = await h.PostAsync(Chat, ChatBody("hi"));
        var (crashed, crash) = await h.PostAsync(Chat, ChatBody("hi"));
        var (keyless, cohere) = await h.PostAsync(Chat, """{"model":"cohere/command-r","messages":[{"role":"user","content":"hi"}]}""");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited);
        Assert.Equal("rate_limit_error", (string?)rate!["error"]!["type"]);
        Assert.Equal(HttpStatusCode.InternalServerError, crashed);
        Assert.Equal("the model crashed", (string?)crash!["error"]!["message"]);
        Assert.Equal(HttpStatusCode.Unauthorized, keyless);
        Assert.Contains("provider-key", (string?)cohere!["error"]!["message"], StringComparison.Ordinal);
    }

    /// <summary>An emulator with the shipped catalog and behaviours (the closed-source models and the tool planner).</summary>
    private static Task<Harness> StartAsync() => Harness.StartAsync(o =>
    {
        o.Models = [.. DefaultCatalog.Models];
        o.BehaviorResolver = new BytezEmulatorOptions().BehaviorResolver;
    });

    private static JsonObject ChatBody(string question) => new()
    {
        ["model"] = Gpt4o,
        ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = question }),
        ["tools"] = WeatherTool.DeepClone(),
    };

    /// <summary>The Paris weather question, then the standard tool history: the assistant's call and the tool's result.</summary>
    private static JsonObject ParisWeatherAfterItsResult()
    {
        var body = ChatBody("What's the weather in Paris?");
        var messages = body["messages"]!.AsArray();
        messages.Add(JsonNode.Parse("""{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}]}"""));
        messages.Add(JsonNode.Parse("""{"role":"tool","tool_call_id":"call_1","content":"15 degrees and cloudy"}"""));
        return body;
    }

    private static int OpenAIWords(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
