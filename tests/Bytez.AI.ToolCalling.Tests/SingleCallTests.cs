using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling.Tests;

/// <summary>
/// <see cref="ChatOptions.AllowMultipleToolCalls"/> = false: the first call stands and later ones are dropped (vLLM's
/// behaviour for <c>parallel_tool_calls: false</c>), parsed whole or streamed, through the middleware too.
/// </summary>
public class SingleCallTests
{
    private const string TwoCalls =
        "<tool_call>{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}</tool_call>\n" +
        "<tool_call>{\"name\": \"get_time\", \"arguments\": {}}</tool_call>\nDone.";

    [Theory]
    [InlineData("hermes", TwoCalls, "C:get_weather{\"city\":\"Paris\"}|T:\nDone.")]
    [InlineData("llama3", "{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\"}}; {\"name\": \"get_time\", \"parameters\": {}}", "C:get_weather{\"city\":\"Paris\"}")]
    [InlineData("mistral", "[TOOL_CALLS] [{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}, {\"name\": \"get_time\", \"arguments\": {\"x\"", "C:get_weather{\"city\":\"Paris\"}")]
    [InlineData("pythonic", "Call: get_weather(city='Paris'); get_time()<bot_end>", "C:get_weather{\"city\":\"Paris\"}")]
    [InlineData("hermes", "<tool_call>oops</tool_call><tool_call>{\"name\": \"get_time\", \"arguments\": {}}</tool_call>", "E:invalid_tool_call|C:get_time{}")]
    public void Only_the_first_call_stands(string format, string output, string expected)
    {
        var options = new ToolCallParseOptions { AllowMultipleToolCalls = false };
        var toolFormat = ToolCallFormats.GetByName(format);

        var result = toolFormat.Parse(output, TestTools.All, options);
        var (streamed, finish, _) = ContentDescriber.Stream(toolFormat, output.Select(static c => c.ToString()), options: options);

        Assert.Equal(expected, ContentDescriber.Describe(result.Contents));
        Assert.Equal(expected, streamed);
        Assert.Equal(ChatFinishReason.ToolCalls, result.FinishReason);
        Assert.Equal(ChatFinishReason.ToolCalls, finish);
    }

    [Fact]
    public void Several_calls_stand_by_default()
    {
        Assert.True(new ToolCallParseOptions().AllowMultipleToolCalls);
        Assert.Equal(2, ToolCallFormats.Hermes.Parse(TwoCalls, TestTools.All).ToolCalls.Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_middleware_honours_the_chat_option_and_does_not_pass_it_on(bool streaming)
    {
        var model = new ScriptedModel(static _ => TwoCalls, "Qwen/Qwen2.5-7B-Instruct");
        using IChatClient client = new ChatClientBuilder(model).UsePromptToolCalling().Build();
        var options = new ChatOptions { Tools = [TestTools.GetWeather, TestTools.GetTime], AllowMultipleToolCalls = false };

        ChatResponse response = streaming
            ? await client.GetStreamingResponseAsync("Weather and time?", options).ToChatResponseAsync()
            : await client.GetResponseAsync("Weather and time?", options);

        Assert.Equal("get_weather", Assert.Single(response.Messages.SelectMany(static m => m.Contents).OfType<FunctionCallContent>()).Name);
        Assert.Null(Assert.Single(model.Requests).Options!.AllowMultipleToolCalls);
        Assert.False(options.AllowMultipleToolCalls);
    }

    [Fact]
    public async Task A_nested_call_whose_inner_calls_were_cut_to_one_gets_the_other_from_the_plan_next_round()
    {
        // Two innermost calls would come back together; one call per response keeps the first, and the plan (whose layers
        // are not filtered: they are parts of the one call the model made) returns the other next, without a request.
        var model = new ScriptedModel(static _ => "Call: get_weather(city=get_time(), unit=get_time())<bot_end>");
        using IChatClient client = new ChatClientBuilder(model).UsePromptToolCalling(ToolCallFormats.Pythonic).Build();
        var options = new ChatOptions { Tools = [TestTools.GetWeather, TestTools.GetTime], AllowMultipleToolCalls = false };
        List<ChatMessage> messages = [new(ChatRole.User, "Weather in the city named after the time?")];

        var names = new List<string>();
        for (int round = 0; round < 3; round++)
        {
            ChatResponse response = await client.GetResponseAsync(messages, options);
            var call = Assert.Single(response.Messages.SelectMany(static m => m.Contents).OfType<FunctionCallContent>());
            names.Add(call.Name);
            messages.AddRange(response.Messages);
            messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(call.CallId, round == 0 ? "Paris" : "kelvin")]));
        }

        Assert.Equal(["get_time", "get_time", "get_weather"], names);
        var last = messages[^2].Contents.OfType<FunctionCallContent>().Single();
        Assert.Equal("Paris", last.Arguments!["city"]!.ToString());
        Assert.Equal("kelvin", last.Arguments!["unit"]!.ToString());
        Assert.Single(model.Requests);
    }
}
