namespace Bytez.AI.ToolCalling.Tests;

/// <summary>What a Hermes call that could not be executed gives back: the model's raw text, so it can be logged or shown.</summary>
public class HermesDetailsTests
{
    [Theory]
    [InlineData("<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Pa", "<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Pa")]
    [InlineData("Sure. <tool_call>", "<tool_call>")]
    [InlineData("Sure. <tool_call>\n  ", "<tool_call>\n  ")]
    [InlineData("{\"name\": \"get_weather\", \"arguments\": {\"ci", "{\"name\": \"get_weather\", \"arguments\": {\"ci")]
    public void A_truncated_call_gives_back_the_text_it_was_cut_from(string output, string details)
    {
        AssertError(output, ToolCallErrorCodes.TruncatedToolCall, details);
    }

    [Theory]
    [InlineData("<tool_call>[42]</tool_call>", "42")]
    [InlineData("<tool_call>[null]</tool_call>", "null")]
    public void An_item_of_a_call_list_that_is_not_a_call_gives_back_its_JSON(string output, string details)
    {
        AssertError(output, ToolCallErrorCodes.InvalidToolCall, details);
    }

    [Theory]
    [InlineData("<tool_call></tool_call>", "")]
    [InlineData("<tool_call>  get_weather(city='Paris')  </tool_call>", "get_weather(city='Paris')")]
    [InlineData("<tool_call> get_weather(city='Paris') ", "get_weather(city='Paris')")]
    public void A_block_that_is_not_JSON_gives_back_its_trimmed_text(string output, string details)
    {
        AssertError(output, ToolCallErrorCodes.InvalidToolCall, details);
        Assert.Equal(
            "The model produced an invalid tool call; it was not executed. The call is not JSON.",
            Assert.Single(ToolCallFormats.GetByName("hermes").Parse(output, TestTools.All).Errors).Message);
    }

    private static void AssertError(string output, string code, string details)
    {
        var format = ToolCallFormats.GetByName("hermes");
        var whole = Assert.Single(format.Parse(output, TestTools.All).Errors);
        Assert.Equal(code, whole.ErrorCode);
        Assert.Equal(details, whole.Details);

        var (_, _, streamed) = ContentDescriber.Stream(format, output.Select(static c => c.ToString()));
        var error = Assert.Single(streamed.OfType<Microsoft.Extensions.AI.ErrorContent>());
        Assert.Equal(details, error.Details);
    }
}
