using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling.Tests;

/// <summary>
/// The acceptance bar of the middleware: the function-invocation scenarios of M.E.AI's <c>ChatClientIntegrationTests</c>
/// (dotnet/extensions) through <c>UseFunctionInvocation().UsePromptToolCalling()</c> over a plain scripted
/// <see cref="IChatClient"/> that is not Bytez's and has no tool API. The scripted model reads the rendered prompt as a
/// Hermes-trained model would (the format comes from its model id): it calls a tool by writing a <c>&lt;tool_call&gt;</c>
/// block, and answers from the <c>&lt;tool_response&gt;</c> turn.
/// </summary>
public sealed partial class FunctionInvocationScenarioTests
{
    private const string QwenId = "Qwen/Qwen2.5-7B-Instruct";

    [Fact]
    public async Task FunctionInvocation_AutomaticallyInvokeFunction_Parameterless()
    {
        var model = Model(calls: """{"name": "GetSecretNumber", "arguments": {}}""");
        using IChatClient chatClient = Pipeline(model);
        int secretNumber = 42;

        var response = await chatClient.GetResponseAsync(
            [new(ChatRole.User, "What is the current secret number?")],
            new() { Tools = [AIFunctionFactory.Create(() => secretNumber, "GetSecretNumber")] });

        Assert.Contains(secretNumber.ToString(CultureInfo.InvariantCulture), response.Text, StringComparison.Ordinal);
        Assert.Equal(2, model.Requests.Count);
        Assert.All(model.Requests, r => Assert.Null(r.Options?.Tools));
    }

    [Fact]
    public async Task FunctionInvocation_AutomaticallyInvokeFunction_WithParameters_NonStreaming()
    {
        using IChatClient chatClient = Pipeline(Model(calls: """{"name": "SecretComputation", "arguments": {"a": 42, "b": 84}}"""));

        var response = await chatClient.GetResponseAsync("What is the result of SecretComputation on 42 and 84?", new()
        {
            Tools = [AIFunctionFactory.Create((int a, int b) => a * b, "SecretComputation")],
        });

        Assert.Contains("3528", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FunctionInvocation_AutomaticallyInvokeFunction_WithParameters_Streaming()
    {
        using IChatClient chatClient = Pipeline(Model(calls: """{"name": "SecretComputation", "arguments": {"a": 42, "b": 84}}"""));

        var response = chatClient.GetStreamingResponseAsync("What is the result of SecretComputation on 42 and 84?", new()
        {
            Tools = [AIFunctionFactory.Create((int a, int b) => a * b, "SecretComputation")],
        });

        StringBuilder sb = new();
        await foreach (var chunk in response)
        {
            Assert.DoesNotContain("<", chunk.Text, StringComparison.Ordinal);
            sb.Append(chunk.Text);
        }

        Assert.Contains("3528", sb.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FunctionInvocation_OptionalParameter()
    {
        using IChatClient chatClient = Pipeline(Model(calls: """{"name": "GetSecretNumberById", "arguments": {"id": "foo"}}"""));
        int secretNumber = 42;
        AIFunction func = AIFunctionFactory.Create((string id = "defaultId") => id is "foo" ? secretNumber : -1, "GetSecretNumberById");

        var response = await chatClient.GetResponseAsync([new(ChatRole.User, "What is the secret number for id foo?")], new() { Tools = [func] });

        Assert.Contains(secretNumber.ToString(CultureInfo.InvariantCulture), response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FunctionInvocation_NestedParameters()
    {
        using IChatClient chatClient = Pipeline(Model(calls: """{"name": "GetSecretNumberByPerson", "arguments": {"person": {"name": "John", "age": 19}}}"""));
        int secretNumber = 42;
        AIFunction func = AIFunctionFactory.Create((PersonRecord person) => person.Name is "John" ? secretNumber + person.Age : -1, "GetSecretNumberByPerson");

        var response = await chatClient.GetResponseAsync([new(ChatRole.User, "What is the secret number for John aged 19?")], new() { Tools = [func] });

        Assert.Contains((secretNumber + 19).ToString(CultureInfo.InvariantCulture), response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FunctionInvocation_ArrayParameter()
    {
        using IChatClient chatClient = Pipeline(Model(calls: """{"name": "AddItemsToShoppingCart", "arguments": {"items": ["bacon", "lettuce", "tomatoes"], "shopperId": "Peter"}}"""));
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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FunctionInvocation_SupportsMultipleParallelRequests(bool streaming)
    {
        // Two calls in one reply; the answer subtracts the two results from the tool-response turn.
        var model = new ScriptedModel(
            request => ToolResponses(request) is { Count: 2 } ages
                ? $"Elsa is {int.Parse(ages[0], CultureInfo.InvariantCulture) - int.Parse(ages[1], CultureInfo.InvariantCulture)} years older than Anna."
                : Calls("""{"name": "GetPersonAge", "arguments": {"personName": "Elsa"}}""", """{"name": "GetPersonAge", "arguments": {"personName": "Anna"}}"""),
            QwenId);
        using IChatClient chatClient = Pipeline(model);
        List<string> asked = [];
        var options = new ChatOptions
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
        };
        const string Question = "How much older is Elsa than Anna? Return the age difference as a single number.";

        var response = streaming
            ? await chatClient.GetStreamingResponseAsync(Question, options).ToChatResponseAsync()
            : await chatClient.GetResponseAsync(Question, options);

        Assert.True(ThreeRegex().IsMatch(response.Text ?? string.Empty), $"Doesn't contain three: {response.Text}");
        Assert.Equal(["Elsa", "Anna"], asked);
        var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
        Assert.Equal(2, calls.Count);
        Assert.NotEqual(calls[0].CallId, calls[1].CallId);
        Assert.Equal("<tool_response>\n21\n</tool_response>\n<tool_response>\n18\n</tool_response>", model.Requests[1].LastText);
    }

    [Fact]
    public async Task FunctionInvocation_RequireAny()
    {
        // "Are birds real?" names no tool; RequireAny puts "You must call at least one function." into the prompt, which
        // the scripted model (like a real one) obeys. Without it, the model answers in prose.
        var model = new ScriptedModel(
            request => ToolResponses(request).Count > 0 ? "Birds are real." :
                request.Messages[0].Text.Contains("You must call at least one function.", StringComparison.Ordinal)
                    ? Calls("""{"name": "GetSecretNumber", "arguments": {}}""")
                    : "Yes, birds are real.",
            QwenId);
        using IChatClient chatClient = Pipeline(model);
        int callCount = 0;
        var tool = AIFunctionFactory.Create(
            () =>
            {
                callCount++;
                return 123;
            },
            "GetSecretNumber");

        await chatClient.GetResponseAsync("Are birds real?", new()
        {
            Tools = [tool],
            ToolMode = ChatToolMode.RequireAny,
        });

        Assert.True(callCount >= 1);
    }

    [Fact]
    public async Task FunctionInvocation_RequireSpecific()
    {
        // Nothing in the question asks for the shields; RequireSpecific renders "You must call the function "ShieldsUp"".
        var model = new ScriptedModel(
            request => ToolResponses(request).Count > 0 ? "Shields are up." :
                request.Messages[0].Text.Contains("You must call the function \"ShieldsUp\".", StringComparison.Ordinal)
                    ? Calls("""{"name": "ShieldsUp", "arguments": {}}""")
                    : Calls("""{"name": "GetSecretNumber", "arguments": {}}"""),
            QwenId);
        using IChatClient chatClient = Pipeline(model);
        bool shieldsUp = false;
        var getSecretNumberTool = AIFunctionFactory.Create(() => 123, "GetSecretNumber");
        var shieldsUpTool = AIFunctionFactory.Create(() => shieldsUp = true, "ShieldsUp");

        await chatClient.GetResponseAsync("What's the current secret number?", new()
        {
            Tools = [getSecretNumberTool, shieldsUpTool],
            ToolMode = ChatToolMode.RequireSpecific(shieldsUpTool.Name),
        });

        Assert.True(shieldsUp);
    }

    /// <summary>The application's pipeline: function invocation over prompt tool calling over the model.</summary>
    private static IChatClient Pipeline(IChatClient model) =>
        new ChatClientBuilder(model).UseFunctionInvocation().UsePromptToolCalling().Build();

    /// <summary>
    /// A Hermes-trained model for one question: it makes <paramref name="calls"/> once, then answers with the tool
    /// responses it was given.
    /// </summary>
    private static ScriptedModel Model(params string[] calls) =>
        new(request => ToolResponses(request) is { Count: > 0 } results ? "The answer is " + string.Join(" and ", results) + "." : Calls(calls), QwenId);

    /// <summary>One <c>&lt;tool_call&gt;</c> block per call, as Qwen2.5 writes them.</summary>
    private static string Calls(params string[] calls)
    {
        foreach (string call in calls)
        {
            using var parsed = JsonDocument.Parse(call); // the script itself must be valid JSON
        }

        return string.Join("\n", calls.Select(c => $"<tool_call>\n{c}\n</tool_call>"));
    }

    /// <summary>The results in the last user turn's <c>&lt;tool_response&gt;</c> blocks (empty on the first round).</summary>
    private static List<string> ToolResponses(ModelRequest request) =>
        [.. request.LastText.Split("</tool_response>", StringSplitOptions.RemoveEmptyEntries)
            .Where(static r => r.Contains("<tool_response>", StringComparison.Ordinal))
            .Select(static r => r.Replace("<tool_response>", string.Empty, StringComparison.Ordinal).Trim())];

    [GeneratedRegex(@"\b(3|three)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ThreeRegex();

    public sealed record PersonRecord(string Name, int Age = 42);
}
