using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Bytez.AI.Emulator;
using Bytez.AI.Tests.ChatCompletion;
using Microsoft.Extensions.AI;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Bytez.AI.Tests.OpenAICompatible;

/// <summary>
/// The scenarios of M.E.AI's <c>ChatClientIntegrationTests</c> through the OpenAI-compatible route: the client users get
/// for a closed-source model (<c>client.GetModel("openai/gpt-4o").AsIChatClient()</c>), against the emulator's
/// OpenAI-compatible endpoint. Unlike the native route, nothing here is scripted unless it says so: the emulated model
/// answers <c>tools</c> with native <c>tool_calls</c> (its planner), quotes tool results, fills JSON schemas from the
/// question and counts tokens, deterministically. The usage and telemetry scenarios skipped for the native route (Bytez
/// reports no token counts there) run here.
/// </summary>
public sealed class OpenAICompatibleConformanceTests : IAsyncLifetime
{
    private const string Gpt4o = "openai/gpt-4o";

    private EmulatorFixture _emulator = null!;
    private IChatClient _chatClient = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorFixture.StartAsync(BytezApiVersion.V2);
        _chatClient = _emulator.Client.GetModel(Gpt4o).AsIChatClient();
    }

    public async Task DisposeAsync()
    {
        _chatClient.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task GetResponseAsync_SingleRequestMessage_GoesToTheOpenAICompatibleEndpoint()
    {
        var response = await _chatClient.GetResponseAsync("What is the capital of England?");

        Assert.Equal("The capital of England is London.", response.Text);
        Assert.Equal(Gpt4o, response.ModelId);
        Assert.StartsWith("chatcmpl-", response.ResponseId, StringComparison.Ordinal);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(1, _emulator.Log.Count(EmulatorRequestKind.OpenAIChat, Gpt4o));
        Assert.Equal(0, _emulator.Log.Count(EmulatorRequestKind.V2Run, Gpt4o));
    }

    [Fact]
    public async Task GetStreamingResponseAsync_AppendToHistory()
    {
        _emulator.Script(Gpt4o).StreamChunks("AI ", "learns ", "patterns ", "from data.");
        List<ChatMessage> history = [new(ChatRole.User, "Explain in 100 words how AI works")];

        await history.AddMessagesAsync(_chatClient.GetStreamingResponseAsync(history));

        Assert.Equal(2, history.Count);
        Assert.Equal(ChatRole.Assistant, history[1].Role);
        Assert.Equal("AI learns patterns from data.", history[1].Text);
        Assert.Single(history[1].Contents.OfType<TextContent>());
    }

    [Fact]
    public async Task GetResponseAsync_UsageDataAvailable()
    {
        var response = await _chatClient.GetResponseAsync("Explain in 10 words how AI works");

        Assert.NotNull(response.Usage);
        Assert.True(response.Usage.InputTokenCount > 1);
        Assert.True(response.Usage.OutputTokenCount > 1);
        Assert.Equal(response.Usage.InputTokenCount + response.Usage.OutputTokenCount, response.Usage.TotalTokenCount);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_UsageDataAvailable()
    {
        var updates = await _chatClient.GetStreamingResponseAsync("Explain in 10 words how AI works").ToListAsync();

        var usage = Assert.Single(updates.SelectMany(u => u.Contents).OfType<UsageContent>());
        Assert.True(usage.Details.InputTokenCount > 1);
        Assert.True(usage.Details.OutputTokenCount > 1);
        Assert.Equal(usage.Details.InputTokenCount + usage.Details.OutputTokenCount, usage.Details.TotalTokenCount);
        Assert.Single(updates.Select(u => u.ResponseId).Distinct());
        Assert.True(_emulator.Log.OpenAIChatBodies(Gpt4o).Single()["stream_options"]!["include_usage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task FunctionInvocation_AutomaticallyInvokeFunction_Parameterless()
    {
        using var chatClient = new FunctionInvokingChatClient(_chatClient);
        int secretNumber = 42;

        var response = await chatClient.GetResponseAsync(
            [new(ChatRole.User, "What is the current secret number?")],
            new() { Tools = [AIFunctionFactory.Create(() => secretNumber, "GetSecretNumber")] });

        Assert.Contains("42", response.Text, StringComparison.Ordinal);
        var bodies = _emulator.Log.OpenAIChatBodies(Gpt4o);
        Assert.Equal(2, bodies.Count);
        Assert.Equal("GetSecretNumber", bodies[0]["tools"]![0]!["function"]!["name"]!.GetValue<string>());

        // The second request carries the standard tool history: the assistant's tool_calls and a role "tool" message.
        var history = bodies[1]["messages"]!.AsArray();
        Assert.Equal("GetSecretNumber", history[1]!["tool_calls"]![0]!["function"]!["name"]!.GetValue<string>());
        Assert.Equal("tool", history[2]!["role"]!.GetValue<string>());
        Assert.Equal(history[1]!["tool_calls"]![0]!["id"]!.GetValue<string>(), history[2]!["tool_call_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task FunctionInvocation_AutomaticallyInvokeFunction_WithParameters_NonStreaming()
    {
        using var chatClient = new FunctionInvokingChatClient(_chatClient);

        // The emulated model matches question words against the split tool name, so the question spells it out.
        var response = await chatClient.GetResponseAsync("What is the secret computation of 42 and 84?", new()
        {
            Tools = [AIFunctionFactory.Create((int a, int b) => a * b, "SecretComputation")],
        });

        Assert.Contains("3528", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FunctionInvocation_AutomaticallyInvokeFunction_WithParameters_Streaming()
    {
        using var chatClient = new FunctionInvokingChatClient(_chatClient);

        var updates = await chatClient.GetStreamingResponseAsync("What is the secret computation of 42 and 84?", new()
        {
            Tools = [AIFunctionFactory.Create((int a, int b) => a * b, "SecretComputation")],
        }).ToListAsync();

        Assert.Contains("3528", string.Concat(updates.Select(u => u.Text)), StringComparison.Ordinal);
        var call = Assert.Single(updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>());
        Assert.Equal("SecretComputation", call.Name);
        Assert.Equal(42, ((JsonElement)call.Arguments!["a"]!).GetInt32());
        Assert.Equal(84, ((JsonElement)call.Arguments!["b"]!).GetInt32());
        Assert.All(_emulator.Log.OpenAIChatBodies(Gpt4o), b => Assert.True(b["stream"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task FunctionInvocation_SupportsMultipleParallelRequests()
    {
        var tools = new WeatherTools();
        using var chatClient = new FunctionInvokingChatClient(_chatClient);

        var response = await chatClient.GetResponseAsync("What's the weather in Paris and London?", new() { Tools = [tools.GetWeather] });

        Assert.Equal(["get_weather(Paris)", "get_weather(London)"], tools.Invoked);
        Assert.Contains("15 degrees and cloudy", response.Text, StringComparison.Ordinal);
        Assert.Contains("12 degrees and sunny", response.Text, StringComparison.Ordinal);

        // Both calls came in one assistant turn: two requests in all.
        Assert.Equal(2, _emulator.Log.OpenAIChatBodies(Gpt4o).Count);
        Assert.Equal(2, _emulator.Log.OpenAIChatBodies(Gpt4o)[1]["messages"]![1]!["tool_calls"]!.AsArray().Count);
    }

    [Fact]
    public async Task FunctionInvocation_RequireAny()
    {
        int callCount = 0;
        var tool = AIFunctionFactory.Create(() =>
        {
            callCount++;
            return 123;
        }, "GetSecretNumber");
        using var chatClient = new FunctionInvokingChatClient(_chatClient);

        await chatClient.GetResponseAsync("Are birds real?", new() { Tools = [tool], ToolMode = ChatToolMode.RequireAny });

        Assert.True(callCount >= 1);
        Assert.Equal("required", _emulator.Log.OpenAIChatBodies(Gpt4o)[0]["tool_choice"]!.GetValue<string>());
    }

    [Fact]
    public async Task FunctionInvocation_RequireSpecific()
    {
        bool shieldsUp = false;
        var getSecretNumberTool = AIFunctionFactory.Create(() => 42, "GetSecretNumber");
        var shieldsUpTool = AIFunctionFactory.Create(() => shieldsUp = true, "ShieldsUp");
        using var chatClient = new FunctionInvokingChatClient(_chatClient);

        // Even though the user asks for the secret number, RequireSpecific forces ShieldsUp.
        await chatClient.GetResponseAsync("What's the current secret number?", new()
        {
            Tools = [getSecretNumberTool, shieldsUpTool],
            ToolMode = ChatToolMode.RequireSpecific(shieldsUpTool.Name),
        });

        Assert.True(shieldsUp);
        Assert.Equal("ShieldsUp", _emulator.Log.OpenAIChatBodies(Gpt4o)[0]["tool_choice"]!["function"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetResponseAsync_StructuredOutput_FromTheEmulatedModel()
    {
        var response = await _chatClient.GetResponseAsync<Person>("""
            Who is described in the following sentence?
            Jimbo Smith is a 35-year-old programmer from Cardiff, Wales.
            """);

        Assert.Equal("Jimbo Smith", response.Result.FullName);
        Assert.Equal(35, response.Result.AgeInYears);
        Assert.Equal("Cardiff", response.Result.HomeTown);
        Assert.Equal(JobType.Programmer, response.Result.Job);

        // The schema went natively, as response_format json_schema, not as a prompt instruction.
        var body = _emulator.Log.OpenAIChatBodies(Gpt4o).Single();
        Assert.Equal("json_schema", body["response_format"]!["type"]!.GetValue<string>());
        Assert.NotNull(body["response_format"]!["json_schema"]!["schema"]!["properties"]!["fullName"]);
        Assert.DoesNotContain("JSON schema", body["messages"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_StructuredOutput_IsTypedOutputToo()
    {
        var options = new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema<Person>(AIJsonUtilities.DefaultOptions) };

        var streamed = await _chatClient.GetStreamingResponseAsync("Jimbo Smith is a 35-year-old programmer from Cardiff, Wales. Who is he?", options).ToChatResponseAsync();
        var typed = new ChatResponse<Person>(streamed, AIJsonUtilities.DefaultOptions);

        Assert.Equal("Jimbo Smith", typed.Result.FullName);
        Assert.Equal(35, typed.Result.AgeInYears);
        Assert.Equal(JobType.Programmer, typed.Result.Job);
        Assert.NotNull(streamed.Usage);
    }

    [Fact]
    public async Task GetResponseAsync_StructuredOutputArray()
    {
        _emulator.Script(Gpt4o).Reply("""{"data":[{"fullName":"Jimbo Smith","ageInYears":35},{"fullName":"Josh Simpson","ageInYears":25}]}""");

        var response = await _chatClient.GetResponseAsync<Person[]>("Who are described? Jimbo Smith ... Josh Simpson ...");

        Assert.Equal(2, response.Result.Length);
        Assert.Contains(response.Result, x => x.FullName == "Josh Simpson");
        Assert.Equal("array", _emulator.Log.OpenAIChatBodies(Gpt4o).Single()["response_format"]!["json_schema"]!["schema"]!["properties"]!["data"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetResponseAsync_StructuredOutputInteger_FromTheEmulatedModel()
    {
        var response = await _chatClient.GetResponseAsync<int>("There were 15 abstractions. How many are there?");

        Assert.Equal(15, response.Result);
    }

    [Fact]
    public async Task GetResponseAsync_StructuredOutputString()
    {
        _emulator.Script(Gpt4o).Reply("""{"data":"Jimbo Smith"}""");

        var response = await _chatClient.GetResponseAsync<string>("The software developer, Jimbo Smith, is 35. What's his full name?");

        Assert.Equal("Jimbo Smith", response.Result);
    }

    [Fact]
    public async Task GetResponseAsync_StructuredOutputBool()
    {
        _emulator.Script(Gpt4o).Reply("""{"data":true}""").Reply("""{"data":false}""");

        Assert.True((await _chatClient.GetResponseAsync<bool>("Is there at least one software developer from Cardiff?")).Result);
        Assert.False((await _chatClient.GetResponseAsync<bool>("Is he a medical doctor?")).Result);
    }

    [Fact]
    public async Task GetResponseAsync_StructuredOutputEnum_FromTheEmulatedModel()
    {
        var response = await _chatClient.GetResponseAsync<JobType>("Taylor Swift is a famous singer and songwriter; her job is PopStar. What is her job?");

        Assert.Equal(JobType.PopStar, response.Result);
    }

    [Fact]
    public async Task GetResponseAsync_StructuredOutput_WithFunctions()
    {
        var expectedPerson = new Person { FullName = "Jimbo Smith", AgeInYears = 35, HomeTown = "Cardiff", Job = JobType.Programmer };
        _emulator.Script(Gpt4o).Handle(request =>
            request.Input is System.Text.Json.Nodes.JsonArray messages && messages[^1]!["role"]!.GetValue<string>() == "tool"
                ? ScriptedResponse.Text("""{"fullName":"Jimbo Smith","ageInYears":35,"homeTown":"Cardiff","job":"Programmer"}""")
                : null);
        using var chatClient = new FunctionInvokingChatClient(_chatClient);

        var response = await chatClient.GetResponseAsync<Person>("Who is the person with ID 123? Get the person by id.", new ChatOptions
        {
            Tools = [AIFunctionFactory.Create((int personId) =>
            {
                Assert.Equal(123, personId);
                return expectedPerson;
            }, "GetPersonById")],
        });

        Assert.NotSame(expectedPerson, response.Result);
        Assert.Equal(expectedPerson.FullName, response.Result.FullName);
        Assert.Equal(expectedPerson.Job, response.Result.Job);
        var first = _emulator.Log.OpenAIChatBodies(Gpt4o)[0];
        Assert.NotNull(first["tools"]);
        Assert.NotNull(first["response_format"]);
    }

    [Fact]
    public async Task OpenTelemetry_CanEmitTracesAndMetrics()
    {
        var sourceName = Guid.NewGuid().ToString();
        var activities = new List<Activity>();
        using var tracerProvider = Sdk.CreateTracerProviderBuilder().AddSource(sourceName).AddInMemoryExporter(activities).Build();
        var tokenUsage = new List<(long Value, string? TokenType)>();
        using var meterListener = new MeterListener();
        meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == sourceName && instrument.Name == "gen_ai.client.token.usage")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meterListener.SetMeasurementEventCallback<int>((_, value, tags, _) => tokenUsage.Add((value, TokenType(tags))));
        meterListener.SetMeasurementEventCallback<long>((_, value, tags, _) => tokenUsage.Add((value, TokenType(tags))));
        meterListener.Start();
        using var chatClient = _chatClient.AsBuilder().UseOpenTelemetry(sourceName: sourceName).Build();

        var response = await chatClient.GetResponseAsync([new(ChatRole.User, "What's the biggest animal?")]);

        var activity = Assert.Single(activities);
        Assert.StartsWith("chat", activity.DisplayName, StringComparison.Ordinal);
        Assert.Equal(_emulator.Emulator.Endpoint.Host, (string)activity.GetTagItem("server.address")!);
        Assert.Equal(_emulator.Emulator.Endpoint.Port, (int)activity.GetTagItem("server.port")!);
        Assert.Equal(Gpt4o, activity.GetTagItem("gen_ai.request.model"));
        Assert.Equal("bytez", activity.GetTagItem("gen_ai.provider.name") ?? activity.GetTagItem("gen_ai.system"));
        Assert.Equal((int)response.Usage!.InputTokenCount!, (int)activity.GetTagItem("gen_ai.usage.input_tokens")!);
        Assert.Equal((int)response.Usage.OutputTokenCount!, (int)activity.GetTagItem("gen_ai.usage.output_tokens")!);
        Assert.Contains(tokenUsage, m => m.TokenType == "input" && m.Value == response.Usage.InputTokenCount);
        Assert.Contains(tokenUsage, m => m.TokenType == "output" && m.Value == response.Usage.OutputTokenCount);

        static string? TokenType(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "gen_ai.token.type")
                {
                    return tag.Value as string;
                }
            }

            return null;
        }
    }

    [Fact]
    public async Task Metadata_and_GetService_stay_Bytez_through_a_pipeline()
    {
        using var pipeline = _chatClient.AsBuilder().UseFunctionInvocation().UseOpenTelemetry().Build();

        var metadata = pipeline.GetService<ChatClientMetadata>()!;
        Assert.Equal("bytez", metadata.ProviderName);
        Assert.Equal(_emulator.Endpoint, metadata.ProviderUri);
        Assert.Equal(Gpt4o, metadata.DefaultModelId);
        Assert.Equal(Gpt4o, pipeline.GetService<BytezModel>()!.ModelId);
        Assert.Same(_emulator.Client, pipeline.GetService<BytezClient>());
#pragma warning disable OPENAI001 // ChatClient.Model is experimental in the OpenAI SDK; the test reads it to see the SDK client is bound to the model.
        Assert.Equal(Gpt4o, pipeline.GetService<OpenAI.Chat.ChatClient>()!.Model);
#pragma warning restore OPENAI001
        Assert.Null(pipeline.GetService<ChatClientMetadata>("key"));
        await Task.CompletedTask;
    }
}
