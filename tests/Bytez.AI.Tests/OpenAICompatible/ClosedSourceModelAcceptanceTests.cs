using Bytez.AI.Emulator;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Tests.OpenAICompatible;

/// <summary>
/// Issue 12's "done when", as one scenario a user writes: <c>client.GetModel("openai/gpt-4o").AsIChatClient()</c> with
/// <c>UseFunctionInvocation()</c> calls a tool, reports usage and returns typed structured output, streamed and not,
/// against the emulator (nothing scripted: the emulated model plans the native call, then answers in the schema).
/// </summary>
public sealed class ClosedSourceModelAcceptanceTests
{
    private const string Gpt4o = "openai/gpt-4o";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Gpt4o_with_function_invocation_calls_the_tool_reports_usage_and_returns_typed_output(bool streaming)
    {
        await using var env = await EmulatorFixture.StartAsync(BytezApiVersion.V2);
        var tools = new WeatherTools();
        using IChatClient chat = env.Client.GetModel(Gpt4o).AsIChatClient().AsBuilder().UseFunctionInvocation().Build();
        var options = new ChatOptions { Tools = [tools.GetWeather] };
        const string Question = "What's the weather in Paris?";

        ChatResponse<WeatherReport> report = streaming
            ? new ChatResponse<WeatherReport>(
                await chat.GetStreamingResponseAsync(Question, WithSchema(options)).ToChatResponseAsync(),
                AIJsonUtilities.DefaultOptions)
            : await chat.GetResponseAsync<WeatherReport>(Question, options);

        // The tool ran once, through a native tool call.
        Assert.Equal(["get_weather(Paris)"], tools.Invoked);
        var bodies = env.Log.OpenAIChatBodies(Gpt4o);
        Assert.Equal(2, bodies.Count);
        Assert.All(bodies, b => Assert.Equal(streaming, b["stream"]?.GetValue<bool>() ?? false));
        Assert.Equal("get_weather", bodies[1]["messages"]![1]!["tool_calls"]![0]!["function"]!["name"]!.GetValue<string>());
        Assert.Equal("tool", bodies[1]["messages"]![2]!["role"]!.GetValue<string>());
        Assert.Equal("json_schema", bodies[1]["response_format"]!["type"]!.GetValue<string>());
        Assert.Equal(0, env.Log.Count(EmulatorRequestKind.V2Run, Gpt4o));

        // Usage of both rounds.
        Assert.NotNull(report.Usage);
        Assert.True(report.Usage.InputTokenCount > 0);
        Assert.True(report.Usage.OutputTokenCount > 0);
        Assert.Equal(report.Usage.InputTokenCount + report.Usage.OutputTokenCount, report.Usage.TotalTokenCount);

        // Typed output, filled from the tool's result.
        Assert.Equal("Paris", report.Result.City);
        Assert.Equal(15, report.Result.Degrees);
        Assert.Equal(Sky.Cloudy, report.Result.Sky);
    }

    [Fact]
    public async Task Usage_adds_up_both_rounds_and_is_the_same_streamed_or_not()
    {
        await using var env = await EmulatorFixture.StartAsync(BytezApiVersion.V2);
        var tools = new WeatherTools();
        using IChatClient inner = env.Client.GetModel(Gpt4o).AsIChatClient();
        using IChatClient chat = inner.AsBuilder().UseFunctionInvocation().Build();
        var options = WithSchema(new ChatOptions { Tools = [tools.GetWeather] });

        ChatResponse whole = await chat.GetResponseAsync("What's the weather in Paris?", options);
        ChatResponse streamed = await chat.GetStreamingResponseAsync("What's the weather in Paris?", options).ToChatResponseAsync();

        // The first round alone, asked of the client without function invocation, counts less than both rounds.
        ChatResponse firstRound = await inner.GetResponseAsync("What's the weather in Paris?", options);
        Assert.IsType<FunctionCallContent>(Assert.Single(firstRound.Messages).Contents.Single());
        Assert.True(whole.Usage!.TotalTokenCount > firstRound.Usage!.TotalTokenCount);
        Assert.Equal(whole.Usage.InputTokenCount, streamed.Usage!.InputTokenCount);
        Assert.Equal(whole.Usage.OutputTokenCount, streamed.Usage.OutputTokenCount);
    }

    private static ChatOptions WithSchema(ChatOptions options)
    {
        ChatOptions copy = options.Clone();
        copy.ResponseFormat = ChatResponseFormat.ForJsonSchema<WeatherReport>(AIJsonUtilities.DefaultOptions);
        return copy;
    }

    internal enum Sky
    {
        Sunny,
        Cloudy,
    }

    /// <summary>The structured answer: the city, its temperature in degrees Celsius, the sky.</summary>
    internal sealed record WeatherReport(string City, int Degrees, Sky Sky);
}
