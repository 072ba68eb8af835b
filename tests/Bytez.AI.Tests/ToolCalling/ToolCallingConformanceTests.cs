using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bytez.AI.Tests.ChatCompletion;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Bytez.AI.Tests.ToolCalling;

/// <summary>
/// The function-invocation scenarios of M.E.AI's <c>ChatClientIntegrationTests</c> (dotnet/extensions) that are not in
/// <see cref="ChatClientConformanceTests"/>, through the Hermes format against the emulated Qwen2.5 over HTTP. Where the
/// emulator's deterministic tool choice cannot produce the call a real model would, the call is scripted (said in the
/// test) and the rest (parsing, invocation, the result round) is real.
/// </summary>
public abstract partial class ToolCallingConformanceTests : IAsyncLifetime
{
    /// <summary>Gets the API generation both the emulator and the client speak in this run of the tests.</summary>
    protected abstract BytezApiVersion Api { get; }

    private EmulatorFixture _emulator = null!;
    private IChatClient _chatClient = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorFixture.StartAsync(Api);
        _chatClient = _emulator.CreateChat(ToolModels.Qwen);
    }

    public async Task DisposeAsync()
    {
        _chatClient.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task FunctionInvocation_OptionalParameter()
    {
        // Scripted call: the emulated model fills optional parameters only from quoted strings or capitalised names, and
        // "foo" is neither. The answer round is the emulated model's.
        ScriptCall("""{"name": "GetSecretNumberById", "arguments": {"id": "foo"}}""");
        using var chatClient = new FunctionInvokingChatClient(_chatClient);
        int secretNumber = 42;
        AIFunction func = AIFunctionFactory.Create((string id = "defaultId") => id is "foo" ? secretNumber : -1, "GetSecretNumberById");

        var response = await chatClient.GetResponseAsync([new(ChatRole.User, "What is the secret number for id foo?")], new() { Tools = [func] });

        Assert.Contains(secretNumber.ToString(CultureInfo.InvariantCulture), response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FunctionInvocation_NestedParameters()
    {
        // Scripted call: the emulated model does not build object arguments. The answer round is the emulated model's.
        ScriptCall("""{"name": "GetSecretNumberByPerson", "arguments": {"person": {"name": "John", "age": 19}}}""");
        using var chatClient = new FunctionInvokingChatClient(_chatClient);
        int secretNumber = 42;
        AIFunction func = AIFunctionFactory.Create((PersonRecord person) => person.Name is "John" ? secretNumber + person.Age : -1, "GetSecretNumberByPerson");

        var response = await chatClient.GetResponseAsync([new(ChatRole.User, "What is the secret number for John aged 19?")], new() { Tools = [func] });

        Assert.Contains((secretNumber + 19).ToString(CultureInfo.InvariantCulture), response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FunctionInvocation_ArrayParameter()
    {
        // Scripted call: the emulated model does not fill array arguments from a list in prose. The answer round is the
        // emulated model's.
        ScriptCall("""{"name": "AddItemsToShoppingCart", "arguments": {"items": ["bacon", "lettuce", "tomatoes"], "shopperId": "Peter"}}""");
        using var chatClient = new FunctionInvokingChatClient(_chatClient);
        string? shopperName = null;
        List<string> shoppingCart = [];
        AIFunction func = AIFunctionFactory.Create(
            (string[] items, string shopperId) =>
            {
                shoppingCart.AddRange(items);
                shopperName = shopperId;
            },
            "AddItemsToShoppingCart");

        await chatClient.GetResponseAsync([new(ChatRole.User, "Can you add bacon, lettuce, and tomatoes to Peter's shopping cart?")], new() { Tools = [func] });

        Assert.Equal("Peter", shopperName);
        Assert.Equal(["bacon", "lettuce", "tomatoes"], shoppingCart);
    }

    [Fact]
    public async Task FunctionInvocation_SupportsMultipleParallelRequests()
    {
        // Scripted: the emulated model fills one person name per call and cannot subtract. Two parallel calls in one
        // reply, then the answer a real model gives from the two results.
        ScriptCall(
            """{"name": "GetPersonAge", "arguments": {"personName": "Elsa"}}""",
            """{"name": "GetPersonAge", "arguments": {"personName": "Anna"}}""");
        _emulator.Script(ToolModels.Qwen).Reply("Elsa is 3 years older than Anna.");
        using var chatClient = new FunctionInvokingChatClient(_chatClient);
        List<string> asked = [];

        var response = await chatClient.GetResponseAsync("How much older is Elsa than Anna? Return the age difference as a single number.", new()
        {
            Tools = [AIFunctionFactory.Create(
                (string personName) =>
                {
                    asked.Add(personName);
                    return personName switch
                    {
                        "Elsa" => 21,
                        "Anna" => 18,
                        _ => 30,
                    };
                },
                "GetPersonAge")],
        });

        Assert.True(ThreeRegex().IsMatch(response.Text ?? string.Empty), $"Doesn't contain three: {response.Text}");
        Assert.Equal(["Elsa", "Anna"], asked);

        // Both results went back in one user turn, in call order.
        JsonObject second = _emulator.Emulator.RequestLog.RunBodies(ToolModels.Qwen)[1];
        Assert.Equal("<tool_response>\n21\n</tool_response>\n<tool_response>\n18\n</tool_response>", second.InputOf()!.AsArray()[^1]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task FunctionInvocation_RequireSpecific()
    {
        // Nothing in the question asks for the shields; RequireSpecific renders "You must call the function "ShieldsUp"".
        bool shieldsUp = false;
        var getSecretNumberTool = AIFunctionFactory.Create(() => 123, "GetSecretNumber");
        var shieldsUpTool = AIFunctionFactory.Create(() => shieldsUp = true, "ShieldsUp");
        using var chatClient = new FunctionInvokingChatClient(_chatClient);

        await chatClient.GetResponseAsync("What's the current secret number?", new()
        {
            Tools = [getSecretNumberTool, shieldsUpTool],
            ToolMode = ChatToolMode.RequireSpecific(shieldsUpTool.Name),
        });

        Assert.True(shieldsUp);
    }

    [Fact]
    public Task AvailableTools_SchemasAreAccepted_Strict() => AvailableTools_SchemasAreAccepted(strict: true);

    [Fact]
    public Task AvailableTools_SchemasAreAccepted_NonStrict() => AvailableTools_SchemasAreAccepted(strict: false);

    [Fact]
    public async Task Logging_LogsFunctionCalls_NonStreaming()
    {
        var logs = new CapturingLoggerFactory();
        using ILoggerFactory loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        using var chatClient = _chatClient.AsBuilder().UseFunctionInvocation().UseLogging(loggerFactory).Build();
        int secretNumber = 42;

        await chatClient.GetResponseAsync(
            "What is the current secret number?",
            new ChatOptions { Tools = [AIFunctionFactory.Create(() => secretNumber, "GetSecretNumber")] });

        Assert.Collection(logs.Entries,
            entry => Assert.Contains("What is the current secret number?", entry.Message, StringComparison.Ordinal),
            entry => Assert.Contains("\"name\": \"GetSecretNumber\"", entry.Message, StringComparison.Ordinal),
            entry => Assert.Contains($"\"result\": {secretNumber}", entry.Message, StringComparison.Ordinal),
            entry => Assert.Contains(secretNumber.ToString(CultureInfo.InvariantCulture), entry.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Logging_LogsFunctionCalls_Streaming()
    {
        var logs = new CapturingLoggerFactory();
        using ILoggerFactory loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        using var chatClient = _chatClient.AsBuilder().UseFunctionInvocation().UseLogging(loggerFactory).Build();
        int secretNumber = 42;

        await foreach (var update in chatClient.GetStreamingResponseAsync(
            "What is the current secret number?",
            new ChatOptions { Tools = [AIFunctionFactory.Create(() => secretNumber, "GetSecretNumber")] }))
        {
            Assert.NotNull(update);
        }

        Assert.Contains(logs.Entries, e => e.Message.Contains("What is the current secret number?", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Message.Contains("\"name\": \"GetSecretNumber\"", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Message.Contains($"\"result\": {secretNumber}", StringComparison.Ordinal));
    }

    private async Task AvailableTools_SchemasAreAccepted(bool strict)
    {
        using var chatClient = new FunctionInvokingChatClient(_chatClient);
        int methodCount = 1;
        AIFunctionFactoryOptions CreateOptions()
        {
            AIFunctionFactoryOptions options = new() { Name = $"Method{methodCount++}" };
            if (strict)
            {
                options.AdditionalProperties = new Dictionary<string, object?> { ["strict"] = true };
            }

            return options;
        }

        AIFunction CreateWithSchema(string schema)
        {
            Dictionary<string, object?> additionalProperties = [];
            if (strict)
            {
                additionalProperties["strict"] = true;
            }

            return new CustomAIFunction($"CustomMethod{methodCount++}", schema, additionalProperties);
        }

        ChatOptions options = new()
        {
            MaxOutputTokens = 100,
            Tools =
            [
                AIFunctionFactory.Create((int? i) => i, CreateOptions()),
                AIFunctionFactory.Create((string? s) => s, CreateOptions()),
                AIFunctionFactory.Create((int? i = null) => i, CreateOptions()),
                AIFunctionFactory.Create((bool b) => b, CreateOptions()),
                AIFunctionFactory.Create((double d) => d, CreateOptions()),
                AIFunctionFactory.Create((decimal d) => d, CreateOptions()),
                AIFunctionFactory.Create((float f) => f, CreateOptions()),
                AIFunctionFactory.Create((long l) => l, CreateOptions()),
                AIFunctionFactory.Create((char c) => c, CreateOptions()),
                AIFunctionFactory.Create((DateTime dt) => dt, CreateOptions()),
                AIFunctionFactory.Create((DateTimeOffset? dt) => dt, CreateOptions()),
                AIFunctionFactory.Create((TimeSpan ts) => ts, CreateOptions()),
                AIFunctionFactory.Create((DateOnly d) => d, CreateOptions()),
                AIFunctionFactory.Create((TimeOnly t) => t, CreateOptions()),
                AIFunctionFactory.Create((Uri uri) => uri, CreateOptions()),
                AIFunctionFactory.Create((Guid guid) => guid, CreateOptions()),
                AIFunctionFactory.Create((List<int> list) => list, CreateOptions()),
                AIFunctionFactory.Create((int[] arr, ComplexObject? co) => arr, CreateOptions()),
                AIFunctionFactory.Create((string p1 = "str", int p2 = 42, BindingFlags p3 = BindingFlags.IgnoreCase, char p4 = 'x') => p1, CreateOptions()),
                AIFunctionFactory.Create((string? p1 = "str", int? p2 = 42, BindingFlags? p3 = BindingFlags.IgnoreCase, char? p4 = 'x') => p1, CreateOptions()),
                CreateWithSchema("""{"type":"object","properties":{},"additionalProperties":false,"$schema":"http://json-schema.org/draft-07/schema#"}"""),
                CreateWithSchema("""{"type":"object","properties":{"duration":{"type":"number","default":10,"description":"Duration of the operation in seconds"},"steps":{"type":"number","default":5,"description":"Number of steps in the operation"}},"additionalProperties":false,"$schema":"http://json-schema.org/draft-07/schema#"}"""),
                CreateWithSchema("""{"type":"object","properties":{"prompt":{"type":"string","description":"The prompt to send to the LLM"},"maxTokens":{"type":"number","default":100,"description":"Maximum number of tokens to generate"}},"required":["prompt"],"additionalProperties":false,"$schema":"http://json-schema.org/draft-07/schema#"}"""),
                CreateWithSchema("""{"type":"object","properties":{"messageType":{"type":"string","enum":["error","success","debug"],"description":"Type of message to demonstrate different annotation patterns"},"includeImage":{"type":"boolean","default":false,"description":"Whether to include an example image"}},"required":["messageType"],"additionalProperties":false,"$schema":"http://json-schema.org/draft-07/schema#"}"""),
                CreateWithSchema("""{"type":"object","properties":{"resourceId":{"type":"number","minimum":1,"maximum":100,"description":"ID of the resource to reference (1-100)"}},"required":["resourceId"],"additionalProperties":false,"$schema":"http://json-schema.org/draft-07/schema#"}"""),
                CreateWithSchema("""{"properties":{"body":{"description":"The text of the review comment","type":"string"},"line":{"description":"The line of the blob in the pull request diff that the comment applies to. For multi-line comments, the last line of the range","type":"number"},"owner":{"description":"Repository owner","type":"string"},"path":{"description":"The relative path to the file that necessitates a comment","type":"string"},"pullNumber":{"description":"Pull request number","type":"number"},"repo":{"description":"Repository name","type":"string"},"side":{"description":"The side of the diff to comment on. LEFT indicates the previous state, RIGHT indicates the new state","enum":["LEFT","RIGHT"],"type":"string"},"startLine":{"description":"For multi-line comments, the first line of the range that the comment applies to","type":"number"},"startSide":{"description":"For multi-line comments, the starting side of the diff that the comment applies to. LEFT indicates the previous state, RIGHT indicates the new state","enum":["LEFT","RIGHT"],"type":"string"},"subjectType":{"description":"The level at which the comment is targeted","enum":["FILE","LINE"],"type":"string"}},"required":["owner","repo","pullNumber","path","body","subjectType"],"type":"object"}"""),
                CreateWithSchema("""{"properties":{"commit_message":{"description":"Extra detail for merge commit","type":"string"},"commit_title":{"description":"Title for merge commit","type":"string"},"merge_method":{"description":"Merge method","enum":["merge","squash","rebase"],"type":"string"},"owner":{"description":"Repository owner","type":"string"},"pullNumber":{"description":"Pull request number","type":"number"},"repo":{"description":"Repository name","type":"string"}},"required":["owner","repo","pullNumber"],"type":"object"}"""),
            ],
        };

        var response = await chatClient.GetResponseAsync("Briefly, what is the most popular tower in Paris?", options);

        Assert.NotNull(response);

        // Every tool was declared to the model, one JSON line each inside <tools>.
        JsonObject first = _emulator.Emulator.RequestLog.RunBodies(ToolModels.Qwen)[0];
        string system = first.InputOf()![0]!["content"]!.GetValue<string>();
        string[] declared = system[(system.IndexOf("<tools>\n", StringComparison.Ordinal) + 8)..system.LastIndexOf("</tools>", StringComparison.Ordinal)]
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(options.Tools.Count, declared.Length);
        Assert.All(declared, line => Assert.Equal("function", JsonDocument.Parse(line).RootElement.GetProperty("type").GetString()));
    }

    /// <summary>Scripts the next Qwen reply: one <c>&lt;tool_call&gt;</c> block per call, as Qwen2.5 writes them.</summary>
    private void ScriptCall(params string[] calls) =>
        _emulator.Script(ToolModels.Qwen).Reply(string.Join("\n", calls.Select(c => $"<tool_call>\n{c}\n</tool_call>")));

    [GeneratedRegex(@"\b(3|three)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ThreeRegex();

    public sealed record PersonRecord(string Name, int Age = 42);

    private sealed class CustomAIFunction(string name, string jsonSchema, IReadOnlyDictionary<string, object?> additionalProperties) : AIFunction
    {
        public override string Name => name;

        public override IReadOnlyDictionary<string, object?> AdditionalProperties => additionalProperties;

        public override JsonElement JsonSchema { get; } = JsonDocument.Parse(jsonSchema).RootElement;

        protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }

    private sealed class ComplexObject
    {
        [DisplayName("Something cool")]
        [DeniedValues("abc", "def", "default")]
        public string? SomeString { get; set; }

        [AllowedValues("abc", "def", "default")]
        public string AnotherString { get; set; } = "default";

        [Range(25, 75)]
        public int Value { get; set; }

        [EmailAddress]
        public string? Email { get; set; }

        [RegularExpression("[abc]")]
        public string? RegexString { get; set; }

        [StringLength(42)]
        public string MeasuredString { get; set; } = "default";

        [Length(1, 2)]
        public int[]? MeasuredArray1 { get; set; }

        [MinLength(1)]
        public int[]? MeasuredArray2 { get; set; }

        [MaxLength(10)]
        public int[]? MeasuredArray3 { get; set; }
    }
}

/// <summary><see cref="ToolCallingConformanceTests"/> against an emulator that serves the v1 API only.</summary>
public sealed class ToolCallingConformanceTestsOnV1 : ToolCallingConformanceTests
{
    /// <inheritdoc />
    protected override BytezApiVersion Api => BytezApiVersion.V1;
}

/// <summary><see cref="ToolCallingConformanceTests"/> against an emulator that serves the v2 API only.</summary>
public sealed class ToolCallingConformanceTestsOnV2 : ToolCallingConformanceTests
{
    /// <inheritdoc />
    protected override BytezApiVersion Api => BytezApiVersion.V2;
}
