using System.Diagnostics;
using System.Text;
using Bytez.AI.Emulator;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Bytez.AI.Tests.ChatCompletion;

/// <summary>
/// The scenarios of M.E.AI's <c>ChatClientIntegrationTests</c> (dotnet/extensions), run over HTTP against the emulator.
/// The emulator cannot think, so each test scripts the reply a real model would give and asserts what the adapter does
/// with it; scenarios that cannot apply to Bytez are skipped with the reason.
/// </summary>
public abstract class ChatClientConformanceTests : IAsyncLifetime
{
    /// <summary>Gets the API generation both the emulator and the client speak in this run of the tests.</summary>
    protected abstract BytezApiVersion Api { get; }

    private const string NoUsage = "The native run reports no token counts, so ChatResponse.Usage / UsageContent are never produced there (documented on AsIChatClient); the OpenAI-compatible route reports them: OpenAICompatibleConformanceTests runs these scenarios.";

    private EmulatorFixture _emulator = null!;
    private IChatClient _chatClient = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorFixture.StartAsync(Api);
        _chatClient = _emulator.CreateChat();
    }

    public async Task DisposeAsync()
    {
        _chatClient.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task GetResponseAsync_SingleRequestMessage()
    {
        _emulator.Script().Reply("The blue whale is the biggest animal.");

        var response = await _chatClient.GetResponseAsync("What's the biggest animal?");

        Assert.Contains("whale", response.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Api == BytezApiVersion.V1 ? 1 : 0, _emulator.Emulator.RequestLog.LoadCount(TestModels.Chat)); // v2 is serverless
        Assert.Equal(1, _emulator.Emulator.RequestLog.RunCount(TestModels.Chat));
    }

    [Fact]
    public async Task GetResponseAsync_DefaultEmulatedAnswer()
    {
        var response = await _chatClient.GetResponseAsync(
            [new(ChatRole.System, "You are a friendly chatbot"), new(ChatRole.User, "What is the capital of England?")]);

        Assert.Equal("The capital of England is London.", response.Text);
    }

    [Fact]
    public async Task GetResponseAsync_MultipleRequestMessages()
    {
        _emulator.Script().Handle(request =>
            request.Input is System.Text.Json.Nodes.JsonArray { Count: 5 } ? ScriptedResponse.Text("Seattle is in North America and Jakarta is in Asia.") : null);

        var response = await _chatClient.GetResponseAsync(
        [
            new(ChatRole.User, "Pick a city, any city"),
            new(ChatRole.Assistant, "Seattle"),
            new(ChatRole.User, "And another one"),
            new(ChatRole.Assistant, "Jakarta"),
            new(ChatRole.User, "What continent are they each in?"),
        ]);

        Assert.Contains("America", response.Text, StringComparison.Ordinal);
        Assert.Contains("Asia", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_WithEmptyMessage()
    {
        _emulator.Script().Handle(request =>
            request.Input is System.Text.Json.Nodes.JsonArray { Count: 1 } ? ScriptedResponse.Text("3") : null);

        var response = await _chatClient.GetResponseAsync(
        [
            new(ChatRole.System, []),
            new(ChatRole.User, []),
            new(ChatRole.Assistant, []),
            new(ChatRole.User, "What is 1 + 2? Reply with a single number."),
        ]);

        Assert.Contains("3", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStreamingResponseAsync()
    {
        _emulator.Script().StreamChunks("That's one small step ", "for man, one giant leap ", "for mankind.");

        StringBuilder sb = new();
        await foreach (var chunk in _chatClient.GetStreamingResponseAsync("Quote, word for word, Neil Armstrong's famous words."))
        {
            sb.Append(chunk.Text);
        }

        Assert.Contains("one small step", sb.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("one giant leap", sb.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_AppendToHistory()
    {
        _emulator.Script().StreamChunks("AI ", "learns ", "patterns ", "from data.");
        List<ChatMessage> history = [new(ChatRole.User, "Explain in 100 words how AI works")];

        var streamingResponse = _chatClient.GetStreamingResponseAsync(history);

        Assert.Single(history);
        await history.AddMessagesAsync(streamingResponse);
        Assert.Equal(2, history.Count);
        Assert.Equal(ChatRole.Assistant, history[1].Role);
        var singleTextContent = (TextContent)history[1].Contents.Single();
        Assert.Equal("AI learns patterns from data.", singleTextContent.Text);
        Assert.Equal(history[1].Text, singleTextContent.Text);
    }

    [Fact(Skip = NoUsage)]
    public void GetResponseAsync_UsageDataAvailable()
    {
    }

    [Fact(Skip = NoUsage)]
    public void GetStreamingResponseAsync_UsageDataAvailable()
    {
    }

    [Fact]
    public async Task MultiModal_DescribeImage_IsNotSupportedByTextModels()
    {
        // Bytez v1 chat input is text only; the adapter refuses media before any network call.
        var ex = await Assert.ThrowsAsync<NotSupportedException>(() => _chatClient.GetResponseAsync(
            [new(ChatRole.User, [new TextContent("What does this logo say?"), new DataContent(new byte[] { 0x89, 0x50 }, "image/png")])]));

        Assert.Contains("image/png", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, _emulator.Emulator.RequestLog.RunCount());
    }

    // Function invocation runs through the Hermes format against the emulated Qwen2.5 (a tool model that follows the
    // format); more scenarios are in ToolCalling/ToolCallingConformanceTests.
    [Fact]
    public async Task FunctionInvocation_AutomaticallyInvokeFunction_Parameterless()
    {
        using IChatClient qwen = _emulator.CreateChat(ToolModels.Qwen);
        using var chatClient = new FunctionInvokingChatClient(qwen);
        int secretNumber = 42;

        var response = await chatClient.GetResponseAsync(
            [new(ChatRole.User, "What is the current secret number?")],
            new() { Tools = [AIFunctionFactory.Create(() => secretNumber, "GetSecretNumber")] });

        Assert.Contains(secretNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Text, StringComparison.Ordinal);
        Assert.Equal(2, _emulator.Emulator.RequestLog.RunCount(ToolModels.Qwen));
    }

    [Fact]
    public async Task FunctionInvocation_AutomaticallyInvokeFunction_WithParameters_NonStreaming()
    {
        using IChatClient qwen = _emulator.CreateChat(ToolModels.Qwen);
        ScriptSecretComputationCall();
        using var chatClient = new FunctionInvokingChatClient(qwen);

        var response = await chatClient.GetResponseAsync("What is the result of SecretComputation on 42 and 84?", new()
        {
            Tools = [AIFunctionFactory.Create((int a, int b) => a * b, "SecretComputation")],
        });

        Assert.Contains("3528", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FunctionInvocation_AutomaticallyInvokeFunction_WithParameters_Streaming()
    {
        using IChatClient qwen = _emulator.CreateChat(ToolModels.Qwen);
        ScriptSecretComputationCall();
        using var chatClient = new FunctionInvokingChatClient(qwen);

        var response = chatClient.GetStreamingResponseAsync("What is the result of SecretComputation on 42 and 84?", new()
        {
            Tools = [AIFunctionFactory.Create((int a, int b) => a * b, "SecretComputation")],
        });

        StringBuilder sb = new();
        await foreach (var chunk in response)
        {
            sb.Append(chunk.Text);
        }

        Assert.Contains("3528", sb.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FunctionInvocation_RequireAny()
    {
        // "Are birds real?" names no tool; RequireAny puts "You must call at least one function" into the prompt, which
        // the emulated model (like a real one) obeys.
        using IChatClient qwen = _emulator.CreateChat(ToolModels.Qwen);
        int callCount = 0;
        var tool = AIFunctionFactory.Create(() =>
        {
            callCount++;
            return 123;
        }, "GetSecretNumber");
        using var chatClient = new FunctionInvokingChatClient(qwen);

        await chatClient.GetResponseAsync("Are birds real?", new()
        {
            Tools = [tool],
            ToolMode = ChatToolMode.RequireAny,
        });

        Assert.True(callCount >= 1);
    }

    [Fact]
    public async Task GetResponseAsync_StructuredOutput_WithFunctions()
    {
        // The emulated model calls the tool by itself; the final JSON answer is scripted (the emulator writes prose).
        using IChatClient qwen = _emulator.CreateChat(ToolModels.Qwen);
        _emulator.Script(ToolModels.Qwen).Handle(request =>
            request.Input is System.Text.Json.Nodes.JsonArray messages &&
            messages[^1]!["content"]!.GetValue<string>().StartsWith("<tool_response>", StringComparison.Ordinal)
                ? ScriptedResponse.Text("""{"fullName":"Jimbo Smith","ageInYears":35,"homeTown":"Cardiff","job":"Programmer"}""")
                : null);
        var expectedPerson = new Person { FullName = "Jimbo Smith", AgeInYears = 35, HomeTown = "Cardiff", Job = JobType.Programmer };
        using var chatClient = new FunctionInvokingChatClient(qwen);

        var response = await chatClient.GetResponseAsync<Person>("Who is person with ID 123?", new ChatOptions
        {
            Tools = [AIFunctionFactory.Create((int personId) =>
            {
                Assert.Equal(123, personId);
                return expectedPerson;
            }, "GetPersonById")],
        });

        Assert.NotSame(expectedPerson, response.Result);
        Assert.Equal(expectedPerson.FullName, response.Result.FullName);
        Assert.Equal(expectedPerson.AgeInYears, response.Result.AgeInYears);
        Assert.Equal(expectedPerson.HomeTown, response.Result.HomeTown);
        Assert.Equal(expectedPerson.Job, response.Result.Job);

        // The JSON instruction and the tools share the system message.
        string system = _emulator.Log.RunBodyTexts(ToolModels.Qwen).First();
        Assert.Contains("JSON schema", system, StringComparison.Ordinal);
        Assert.Contains("GetPersonById", system, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Caching_OutputVariesWithoutCaching()
    {
        _emulator.Script().Reply("417").Reply("90210");
        var message = new ChatMessage(ChatRole.User, "Pick a random number, uniformly distributed between 1 and 1000000");

        var first = await _chatClient.GetResponseAsync([message]);
        var second = await _chatClient.GetResponseAsync([message]);

        Assert.NotEqual(first.Text, second.Text);
    }

    [Fact]
    public async Task Caching_SamePromptResultsInCacheHit_NonStreaming()
    {
        _emulator.Script().Reply("417").Reply("90210");
        using var chatClient = new DistributedCachingChatClient(_chatClient, new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())));
        var message = new ChatMessage(ChatRole.User, "Pick a random number, uniformly distributed between 1 and 1000000");

        var first = await chatClient.GetResponseAsync([message]);
        for (int i = 0; i < 3; i++)
        {
            var again = await chatClient.GetResponseAsync([message]);
            Assert.Equal(first.Messages.Select(m => m.Text), again.Messages.Select(m => m.Text));
        }

        Assert.Equal(1, _emulator.Emulator.RequestLog.RunCount(TestModels.Chat));

        ((TextContent)message.Contents[0]).Text += "!";
        var third = await chatClient.GetResponseAsync([message]);
        Assert.NotEqual(first.Text, third.Text);
    }

    [Fact]
    public async Task Caching_SamePromptResultsInCacheHit_Streaming()
    {
        _emulator.Script().StreamChunks("41", "7").StreamChunks("902", "10");
        using var chatClient = new DistributedCachingChatClient(_chatClient, new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())));
        var message = new ChatMessage(ChatRole.User, "Pick a random number, uniformly distributed between 1 and 1000000");

        string orig = await StreamTextAsync(chatClient, [message]);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(orig, await StreamTextAsync(chatClient, [message]));
        }

        ((TextContent)message.Contents[0]).Text += "!";
        Assert.NotEqual(orig, await StreamTextAsync(chatClient, [message]));
        Assert.Equal(2, _emulator.Emulator.RequestLog.RunCount(TestModels.Chat));
    }

    [Fact]
    public async Task Logging_LogsCalls_NonStreaming()
    {
        _emulator.Script().Reply("The blue whale.");
        var logs = new CapturingLoggerFactory();
        using ILoggerFactory loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        using var chatClient = _chatClient.AsBuilder().UseLogging(loggerFactory).Build();

        await chatClient.GetResponseAsync([new(ChatRole.User, "What's the biggest animal?")]);

        Assert.Collection(logs.Entries,
            entry => Assert.Contains("What's the biggest animal?", entry.Message, StringComparison.Ordinal),
            entry => Assert.Contains("whale", entry.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Logging_LogsCalls_Streaming()
    {
        _emulator.Script().StreamChunks("The blue ", "whale.");
        var logs = new CapturingLoggerFactory();
        using ILoggerFactory loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        using var chatClient = _chatClient.AsBuilder().UseLogging(loggerFactory).Build();

        await StreamTextAsync(chatClient, [new(ChatRole.User, "What's the biggest animal?")]);

        Assert.Contains(logs.Entries, e => e.Message.Contains("What's the biggest animal?", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Message.Contains("whale", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenTelemetry_CanEmitTraces()
    {
        _emulator.Script().Reply("The blue whale.");
        var sourceName = Guid.NewGuid().ToString();
        var activities = new List<Activity>();
        using var tracerProvider = Sdk.CreateTracerProviderBuilder().AddSource(sourceName).AddInMemoryExporter(activities).Build();
        using var chatClient = _chatClient.AsBuilder().UseOpenTelemetry(sourceName: sourceName).Build();

        await chatClient.GetResponseAsync([new(ChatRole.User, "What's the biggest animal?")]);

        var activity = Assert.Single(activities);
        Assert.StartsWith("chat", activity.DisplayName, StringComparison.Ordinal);
        Assert.Contains(".", (string)activity.GetTagItem("server.address")!, StringComparison.Ordinal);
        Assert.Equal(_emulator.Emulator.Endpoint.Host, (string)activity.GetTagItem("server.address")!);
        Assert.Equal(chatClient.GetService<ChatClientMetadata>()?.ProviderUri?.Port, (int)activity.GetTagItem("server.port")!);
        Assert.Equal(TestModels.Chat, activity.GetTagItem("gen_ai.request.model"));
        Assert.NotEmpty(activity.Id!);

        // The usage tags (gen_ai.usage.*) of the M.E.AI test are not asserted: Bytez reports no token counts.
        Assert.Null(activity.GetTagItem("gen_ai.usage.input_tokens"));
    }

    [Fact]
    public async Task GetResponseAsync_StructuredOutput()
    {
        _emulator.Script().Reply("""{"fullName":"Jimbo Smith","ageInYears":35,"homeTown":"Cardiff","job":"Programmer"}""");

        var response = await _chatClient.GetResponseAsync<Person>("""
            Who is described in the following sentence?
            Jimbo Smith is a 35-year-old programmer from Cardiff, Wales.
            """);

        Assert.Equal("Jimbo Smith", response.Result.FullName);
        Assert.Equal(35, response.Result.AgeInYears);
        Assert.Contains("Cardiff", response.Result.HomeTown, StringComparison.Ordinal);
        Assert.Equal(JobType.Programmer, response.Result.Job);
        Assert.Contains("JSON schema", _emulator.Log.RunBodyTexts(TestModels.Chat).Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_StructuredOutputArray()
    {
        _emulator.Script().Reply("""{"data":[{"fullName":"Jimbo Smith","ageInYears":35},{"fullName":"Josh Simpson","ageInYears":25}]}""");

        var response = await _chatClient.GetResponseAsync<Person[]>("Who are described? Jimbo Smith ... Josh Simpson ...");

        Assert.Equal(2, response.Result.Length);
        Assert.Contains(response.Result, x => x.FullName == "Jimbo Smith");
        Assert.Contains(response.Result, x => x.FullName == "Josh Simpson");
    }

    [Fact]
    public async Task GetResponseAsync_StructuredOutputInteger_FencedReply()
    {
        _emulator.Script().Reply("```json\n{\"data\": 15}\n```");

        var response = await _chatClient.GetResponseAsync<int>("There were 14 abstractions; we added one. How many are there now?");

        Assert.Equal(15, response.Result);
    }

    [Fact]
    public async Task GetResponseAsync_StructuredOutputString()
    {
        _emulator.Script().Reply("""{"data":"Jimbo Smith"}""");

        var response = await _chatClient.GetResponseAsync<string>("The software developer, Jimbo Smith, is 35. What's his full name?");

        Assert.Equal("Jimbo Smith", response.Result);
    }

    [Fact]
    public async Task GetResponseAsync_StructuredOutputBool()
    {
        _emulator.Script().Reply("""{"data":true}""").Reply("""{"data":false}""");

        Assert.True((await _chatClient.GetResponseAsync<bool>("Is there at least one software developer from Cardiff?")).Result);
        Assert.False((await _chatClient.GetResponseAsync<bool>("Is he a medical doctor?")).Result);
    }

    [Fact]
    public async Task GetResponseAsync_StructuredOutputEnum()
    {
        _emulator.Script().Reply("""{"data":"PopStar"}""");

        var response = await _chatClient.GetResponseAsync<JobType>("Taylor Swift is a famous singer and songwriter. What is her job?");

        Assert.Equal(JobType.PopStar, response.Result);
    }

    [Fact]
    public async Task GetResponseAsync_StructuredOutput_NonNative()
    {
        _emulator.Script().Reply("```json\n{\"fullName\":\"Jimbo Smith\",\"homeTown\":\"Cardiff\"}\n```");
        var capturedOptions = new List<ChatOptions?>();
        using var chatClient = _chatClient.AsBuilder()
            .Use((messages, options, next, cancellationToken) =>
            {
                capturedOptions.Add(options);
                return next(messages, options, cancellationToken);
            })
            .Build();

        var response = await chatClient.GetResponseAsync<Person>("Supply an object to represent Jimbo Smith from Cardiff.", useJsonSchemaResponseFormat: false);

        Assert.Equal("Jimbo Smith", response.Result.FullName);
        Assert.Contains("Cardiff", response.Result.HomeTown, StringComparison.Ordinal);
        var responseFormat = Assert.IsType<ChatResponseFormatJson>(Assert.Single(capturedOptions)!.ResponseFormat);
        Assert.Null(responseFormat.Schema);
    }

    /// <summary>
    /// Scripts the first round's call: the emulated model matches question words against split tool names
    /// ("secret computation"), and the question's camel-cased "SecretComputation" is one word to it. The answer round,
    /// which quotes the function's result, is the emulated model's own.
    /// </summary>
    private void ScriptSecretComputationCall() =>
        _emulator.Script(ToolModels.Qwen).Reply("<tool_call>\n{\"name\": \"SecretComputation\", \"arguments\": {\"a\": 42, \"b\": 84}}\n</tool_call>");

    private static async Task<string> StreamTextAsync(IChatClient client, IEnumerable<ChatMessage> messages)
    {
        StringBuilder sb = new();
        await foreach (var update in client.GetStreamingResponseAsync(messages))
        {
            sb.Append(update.Text);
        }

        return sb.ToString();
    }
}

/// <summary><see cref="ChatClientConformanceTests"/> against an emulator that serves the v1 API only.</summary>
public sealed class ChatClientConformanceTestsOnV1 : ChatClientConformanceTests
{
    /// <inheritdoc />
    protected override BytezApiVersion Api => BytezApiVersion.V1;
}

/// <summary><see cref="ChatClientConformanceTests"/> against an emulator that serves the v2 API only.</summary>
public sealed class ChatClientConformanceTestsOnV2 : ChatClientConformanceTests
{
    /// <inheritdoc />
    protected override BytezApiVersion Api => BytezApiVersion.V2;
}
