using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling.Tests;

/// <summary>
/// The wrappers models drift into, accepted where unambiguous (the JSON names a declared tool), and what stays prose or
/// becomes an error; whole, split at every index and character by character.
/// </summary>
public class LenientCallTests
{
    private const string Paris = "C:get_weather{\"city\":\"Paris\"}";
    private const string Call = "{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}";

    public static TheoryData<string, string, string> Cases() => new()
    {
        // Tagged calls (the set llama.cpp's Hermes parser accepts), in any of the JSON formats.
        { "hermes", "<function=get_weather>{\"city\": \"Paris\"}</function>", Paris },
        { "hermes", "<function name=\"get_weather\">\n{\"city\": \"Paris\"}\n</function>", Paris },
        { "hermes", $"<tool>\n  {Call}\n</tool>", Paris },
        { "hermes", $"<tools>{Call}</tools>", Paris },
        { "hermes", $"<json>\n{Call}\n</json>", Paris },
        { "hermes", $"<JSON>{Call}</JSON>", Paris },
        { "hermes", $"<xml>{Call}</xml>", Paris },
        { "hermes", $"<response>{Call}</response>", Paris },
        { "hermes", $"<function_call>{Call}</function_call>", Paris },
        { "hermes", $"Sure: <tool>{Call}</tool> done", "T:Sure: |" + Paris + "|T: done" },
        { "llama3", "<function=get_weather>{\"city\": \"Paris\"}</function>", Paris },
        { "llama3", $"<tool_call>{Call}</tool_call>", Paris },
        { "mistral", $"<json>{Call}</json>", Paris },

        // A fenced call opening the output (Qwen2.5-Coder), with or without a language, or an inner tag.
        { "hermes", $"```json\n{Call}\n```", Paris },
        { "hermes", $"```\n{Call}\n```", Paris },
        { "hermes", $"```xml\n<response>\n{Call}\n</response>\n```", Paris },
        { "hermes", $"```json\n[{Call}, {{\"name\": \"get_time\", \"arguments\": {{}}}}]\n```\nDone.", Paris + "|C:get_time{}|T:\nDone." },
        { "llama3", $"```json\n{Call.Replace("arguments", "parameters", StringComparison.Ordinal)}\n```", Paris },

        // Not unambiguous: prose, shown as written.
        { "hermes", "Here is an example:\n```json\n" + Call + "\n```", "T:Here is an example:\n```json\n" + Call + "\n```" },
        { "hermes", "```json\n{\"temperature\": 15}\n```", "T:```json\n{\"temperature\": 15}\n```" },
        { "hermes", "```python\nprint(1)\n```", "T:```python\nprint(1)\n```" },
        { "hermes", "<function=nope>{\"x\": 1}</function>", "T:<function=nope>{\"x\": 1}</function>" },
        { "hermes", "<json>{\"name\": \"nope\", \"arguments\": {}}</json>", "T:<json>{\"name\": \"nope\", \"arguments\": {}}</json>" },
        { "hermes", "<tool>a hammer</tool>", "T:<tool>a hammer</tool>" },
        { "hermes", "Use <function=f> syntax", "T:Use <function=f> syntax" },

        // A declared tool with unusable arguments is an error, never a guessed call.
        { "hermes", "<function=get_weather>{\"city\": Paris}</function>", "E:invalid_tool_call" },
        { "hermes", "<function=get_weather>city=Paris</function>", "E:invalid_tool_call" },
        { "hermes", "<json>{\"name\": \"get_weather\", \"arguments\": \"Paris\"}</json>", "E:invalid_tool_call" },
        { "hermes", "<function=get_weather>{\"city\": \"Pa", "E:truncated_tool_call" },
        { "hermes", "{\"name\": \"get_weather\", \"arguments\": {\"city\": Paris}}", "E:invalid_tool_call" },

        // Llama 3: a call on its own line after prose counts when nothing but more calls follows it.
        { "llama3", "Let me check the weather.\n{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\"}}", "T:Let me check the weather.\n|" + Paris },
        { "llama3", "Checking.\n{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\"}};\n{\"name\": \"get_time\", \"parameters\": {}}\n", "T:Checking.\n|" + Paris + "|C:get_time{}" },
        { "llama3", "Checking.\n{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\"}}\nthen I will answer.", "T:Checking.\n{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\"}}\nthen I will answer." },
        { "llama3", "Checking.\n{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Pa", "T:Checking.\n|E:truncated_tool_call" },
        { "llama3", "Example:\n{\"name\": \"nope\", \"parameters\": {}}", "T:Example:\n{\"name\": \"nope\", \"parameters\": {}}" },
        { "llama3", "Inline {\"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\"}}", "T:Inline {\"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\"}}" },
        { "llama3", "{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\"}}\n{\"name\": \"get_time\", \"parameters\": {}}", Paris + "|C:get_time{}" },

        // Mistral: after [TOOL_CALLS], text that is not JSON is an error, not prose.
        { "mistral", "[TOOL_CALLS] not json at all", "E:invalid_tool_call" },
        { "mistral", "[TOOL_CALLS][{\"name\": \"get_time\", \"arguments\": {}}]", "C:get_time{}" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Wrappers_are_read_where_unambiguous(string format, string output, string expected)
    {
        var toolFormat = ToolCallFormats.GetByName(format);

        Assert.Equal(expected, ContentDescriber.Describe(toolFormat.Parse(output, TestTools.All).Contents));
        for (int i = 0; i <= output.Length; i++)
        {
            var (split, _, _) = ContentDescriber.Stream(toolFormat, [output[..i], output[i..]]);
            Assert.True(expected == split, $"split at {i}: {split}");
        }

        var (characters, _, _) = ContentDescriber.Stream(toolFormat, output.Select(static c => c.ToString()));
        Assert.Equal(expected, characters);
    }

    [Theory]
    [InlineData("<tool_call>{\"name\": \"get_weather\", \"arguments\": {\"city\": </tool_call>", "E:invalid_tool_call", null)]
    [InlineData("<tool_call>{\"name\": \"get_weather\", \"arguments\": {\"city\": \"</tool_call>\"}}</tool_call>", "C:get_weather{\"city\":\"</tool_call>\"}", "tool_calls")]
    [InlineData("<tool_call>{\"name\": \"get_weather\", \"arguments\": {</tool_call>\n<tool_call>{\"name\": \"get_time\", \"arguments\": {}}</tool_call>", "E:invalid_tool_call|C:get_time{}", "tool_calls")]
    [InlineData("<tool_call>{\"name\": \"get_weather\", \"arguments\": {\"city\": \"x</tool_call>\", \"unit\": </tool_call>", "E:invalid_tool_call", null)]
    [InlineData("<tool_call>{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Par</tool_call>", "E:truncated_tool_call", "length")]
    [InlineData("{\"name\": \"get_weather\", \"arguments\": {\"city\": 1</tool_call> is what I would write", "E:invalid_tool_call|T: is what I would write", null)]
    [InlineData("{\"temperature\": 1</tool_call>", "T:{\"temperature\": 1</tool_call>", null)]
    public void A_closing_tag_outside_the_strings_of_unfinished_json_makes_the_call_invalid_not_truncated(string output, string expected, string? finish)
    {
        // A </tool_call> inside a string is part of an argument; the call is cut off when its string never ends.
        var result = ToolCallFormats.Hermes.Parse(output, TestTools.All);
        var (streamed, streamedFinish, _) = ContentDescriber.Stream(ToolCallFormats.Hermes, output.Select(static c => c.ToString()));

        Assert.Equal(expected, ContentDescriber.Describe(result.Contents));
        Assert.Equal(expected, streamed);
        Assert.Equal(finish, result.FinishReason?.Value);
        Assert.Equal(finish, streamedFinish?.Value);
    }

    [Theory]
    [InlineData("hermes", "I checked about <tool_call>" + Call + "</tool_call> hmm, wait.", "T:I checked about |" + Paris + "|T: hmm, wait.")]
    [InlineData("hermes", "<tool_call>" + Call + "</tool_call>\n\n<tool_call>{\"name\": \"get_time\", \"arguments\": {}}</tool_call>\n", Paris + "|C:get_time{}")]
    [InlineData("hermes", "  \n Hello\n\n", "T:Hello\n\n")]
    [InlineData("pythonic", "Sure,\n  Call: get_time()", "T:Sure,\n  |C:get_time{}")]
    [InlineData("mistral", "Well.\t[TOOL_CALLS] [{\"name\": \"get_time\", \"arguments\": {}}]\nBye", "T:Well.\t|C:get_time{}|T:\nBye")]
    public void Prose_keeps_its_white_space_around_calls(string format, string output, string expected)
    {
        var toolFormat = ToolCallFormats.GetByName(format);
        var (streamed, _, _) = ContentDescriber.Stream(toolFormat, output.Select(static c => c.ToString()));

        Assert.Equal(expected, ContentDescriber.Describe(toolFormat.Parse(output, TestTools.All).Contents));
        Assert.Equal(expected, streamed);
    }
}
