namespace Bytez.AI.ToolCalling.Tests;

/// <summary>What an invalid call says: the message the invoking client shows the model, whole and streamed.</summary>
public class InvalidCallMessageTests
{
    [Theory]
    [InlineData("hermes", "<tool_call>{\"name\": \"get_time\", \"arguments\": {</tool_call>", "The call is not valid JSON: </tool_call> comes before the JSON ends.")]
    [InlineData("mistral", "[TOOL_CALLS] hello", "The calls after [TOOL_CALLS] are not JSON.")]
    public void An_invalid_call_says_why(string formatName, string output, string reason)
    {
        var format = ToolCallFormats.GetByName(formatName);
        string expected = "The model produced an invalid tool call; it was not executed. " + reason;

        var whole = Assert.Single(format.Parse(output, TestTools.All).Errors);
        Assert.Equal(ToolCallErrorCodes.InvalidToolCall, whole.ErrorCode);
        Assert.Equal(expected, whole.Message);

        var (_, _, streamed) = ContentDescriber.Stream(format, output.Select(static c => c.ToString()));
        Assert.Equal(expected, Assert.Single(streamed.OfType<Microsoft.Extensions.AI.ErrorContent>()).Message);
    }
}
