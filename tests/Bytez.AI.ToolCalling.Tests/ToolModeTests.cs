using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling.Tests;

public class ToolModeTests
{
    private static readonly List<ChatMessage> Question = [new(ChatRole.User, "Weather in Paris?")];

    [Fact]
    public void None_renders_no_tools_in_any_format()
    {
        foreach (var format in ToolCallFormats.All)
        {
            var prompt = format.Render(Question, TestTools.All, ChatToolMode.None);
            string all = prompt.Prompt ?? string.Join("\n", prompt.Messages!.Select(static m => m.Content));

            Assert.DoesNotContain("get_weather", all, StringComparison.Ordinal);
            Assert.Contains("Weather in Paris?", all, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("hermes", "<tool_call>{\"name\": \"get_time\", \"arguments\": {}}</tool_call>")]
    [InlineData("llama3", "{\"name\": \"get_time\", \"parameters\": {}}")]
    [InlineData("mistral", "[TOOL_CALLS] [{\"name\": \"get_time\", \"arguments\": {}}]")]
    [InlineData("pythonic", "Call: get_time()<bot_end>")]
    public void None_parses_nothing_as_a_call(string format, string text)
    {
        var options = new ToolCallParseOptions { ToolMode = ChatToolMode.None };
        var toolFormat = ToolCallFormats.GetByName(format);

        var result = toolFormat.Parse(text, TestTools.All, options);
        var (streamed, _, _) = ContentDescriber.Stream(toolFormat, text.Select(static c => c.ToString()), options: options);

        Assert.Equal("T:" + text, ContentDescriber.Describe(result.Contents));
        Assert.Equal("T:" + text, streamed);
        Assert.Null(result.FinishReason);
    }

    [Fact]
    public void RequireAny_is_instructed_in_the_prompt()
    {
        var hermes = ToolCallFormats.Hermes.Render(Question, TestTools.All, ChatToolMode.RequireAny);
        var llama = ToolCallFormats.Llama3Json.Render(Question, TestTools.All, ChatToolMode.RequireAny);
        var mistral = ToolCallFormats.Mistral.Render(Question, TestTools.All, ChatToolMode.RequireAny);

        Assert.EndsWith("\n\nYou must call at least one function.", hermes.Messages![0].Content, StringComparison.Ordinal);
        Assert.Contains("Do not use variables. You must call at least one function.", llama.Messages![1].Content, StringComparison.Ordinal);
        Assert.Contains("[/AVAILABLE_TOOLS]You must call at least one function.\nWeather in Paris?", mistral.Messages![0].Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hermes")]
    [InlineData("llama3")]
    [InlineData("mistral")]
    [InlineData("pythonic")]
    public void RequireAny_without_a_call_yields_an_error(string format)
    {
        var result = ToolCallFormats.GetByName(format).Parse("It is sunny.", TestTools.All, new ToolCallParseOptions { ToolMode = ChatToolMode.RequireAny });

        Assert.Equal("T:It is sunny.|E:tool_call_required", ContentDescriber.Describe(result.Contents));
        Assert.False(result.HasToolCalls);
    }

    [Fact]
    public void RequireAny_with_a_call_is_satisfied()
    {
        var result = ToolCallFormats.Hermes.Parse("<tool_call>{\"name\": \"get_time\", \"arguments\": {}}</tool_call>", TestTools.All, new ToolCallParseOptions { ToolMode = ChatToolMode.RequireAny });

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void RequireSpecific_is_instructed_and_validated()
    {
        var mode = ChatToolMode.RequireSpecific("get_time");
        var prompt = ToolCallFormats.Hermes.Render(Question, TestTools.All, mode);
        var options = new ToolCallParseOptions { ToolMode = mode };

        var wrong = ToolCallFormats.Hermes.Parse("<tool_call>{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}</tool_call>", TestTools.All, options);
        var right = ToolCallFormats.Hermes.Parse("<tool_call>{\"name\": \"get_time\", \"arguments\": {}}</tool_call>", TestTools.All, options);

        Assert.EndsWith("You must call the function \"get_time\".", prompt.Messages![0].Content, StringComparison.Ordinal);
        Assert.Equal("C:get_weather{\"city\":\"Paris\"}|E:tool_call_required", ContentDescriber.Describe(wrong.Contents));
        Assert.Contains("get_time", wrong.Errors[0].Message, StringComparison.Ordinal);
        Assert.Empty(right.Errors);
    }

    [Fact]
    public void RequireSpecific_renders_only_that_function_for_NexusRaven()
    {
        var prompt = ToolCallFormats.Pythonic.Render(Question, TestTools.All, ChatToolMode.RequireSpecific("get_time"));

        Assert.Contains("def get_time():", prompt.Prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("def get_weather(", prompt.Prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void RequireSpecific_of_an_undeclared_function_is_refused()
    {
        foreach (var format in ToolCallFormats.All)
        {
            var ex = Assert.Throws<ArgumentException>(() => format.Render(Question, TestTools.All, ChatToolMode.RequireSpecific("missing")));
            Assert.Contains("'missing'", ex.Message, StringComparison.Ordinal);
        }
    }
}
