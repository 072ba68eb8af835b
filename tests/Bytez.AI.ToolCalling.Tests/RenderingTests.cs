using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling.Tests;

/// <summary>
/// Rendering details beyond the golden conversation (<see cref="Templates.ChatTemplateGoldenTests"/>): the generic Hermes
/// prompt, case 24 (history with calls and results, ids kept, errors as text, results in call order), merging, options.
/// </summary>
public class RenderingTests
{
    /// <summary>Case 24: a history with calls and results renders back in the format, ids kept, errors as text.</summary>
    private static List<ChatMessage> History() =>
    [
        new(ChatRole.User, "Weather and time in Paris?"),
        new(ChatRole.Assistant, [
            new TextContent("Checking."),
            new FunctionCallContent("abcDEF123", "get_weather", new Dictionary<string, object?> { ["city"] = "Paris" }),
            new FunctionCallContent("xyz789QRS", "get_time", new Dictionary<string, object?>()),
        ]),

        // Results in the opposite order of the calls: they are rendered in call order.
        new(ChatRole.Tool, [
            new FunctionResultContent("xyz789QRS", null) { Exception = new InvalidOperationException("clock is broken") },
            new FunctionResultContent("abcDEF123", "15 celsius in Paris"),
        ]),
    ];

    [Fact]
    public void Generic_hermes_teaches_the_format_after_the_system_message_without_a_default_line()
    {
        List<ChatMessage> messages = [new(ChatRole.System, "Be brief."), new(ChatRole.User, "Weather in Paris?")];

        var prompt = ToolCallFormats.Hermes.Render(messages, [TestTools.GetTime], null);

        const string ExpectedSystem = """
            Be brief.

            # Tools

            You may call one or more functions to assist with the user query.

            You are provided with function signatures within <tools></tools> XML tags:
            <tools>
            {"type": "function", "function": {"name": "get_time", "description": "Gets the current time.", "parameters": {"type": "object", "properties": {}}}}
            </tools>

            For each function call, return a json object with function name and arguments within <tool_call></tool_call> XML tags:
            <tool_call>
            {"name": <function-name>, "arguments": <args-json-object>}
            </tool_call>
            """;
        Assert.False(prompt.IsRawPrompt);
        Assert.Equal([new ToolPromptMessage("system", ExpectedSystem), new ToolPromptMessage("user", "Weather in Paris?")], prompt.Messages);
        Assert.DoesNotContain("</tool_call>", prompt.StopSequences);
        Assert.StartsWith("# Tools", ToolCallFormats.Hermes.Render([new(ChatRole.User, "Hi")], [TestTools.GetTime], null).Messages![0].Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Hermes_renders_history_calls_and_results_in_call_order()
    {
        var messages = ToolCallFormats.Hermes.Render(History(), [TestTools.GetWeather, TestTools.GetTime], null).Messages!;

        Assert.Equal(new ToolPromptMessage("user", "Weather and time in Paris?"), messages[1]);
        Assert.Equal(
            new ToolPromptMessage("assistant", "Checking.\n<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}\n</tool_call>\n<tool_call>\n{\"name\": \"get_time\", \"arguments\": {}}\n</tool_call>"),
            messages[2]);
        Assert.Equal(
            new ToolPromptMessage("user", "<tool_response>\n15 celsius in Paris\n</tool_response>\n<tool_response>\nError: clock is broken\n</tool_response>"),
            messages[3]);
        Assert.Equal(4, messages.Count);
    }

    [Fact]
    public void Later_system_messages_stay_where_they_are_in_qwen_and_hermes_templates()
    {
        List<ChatMessage> messages = [new(ChatRole.User, "Hi"), new(ChatRole.System, "Answer in French."), new(ChatRole.User, "Weather?")];

        var qwen = new HermesToolCallFormat(HermesTemplate.Qwen25).Render(messages, [TestTools.GetTime], null).Messages!;

        Assert.Equal(["system", "user", "system", "user"], qwen.Select(static m => m.Role));
        Assert.StartsWith(HermesDefaultQwenLine, qwen[0].Content, StringComparison.Ordinal);
        Assert.Equal("Answer in French.", qwen[2].Content);
    }

    [Fact]
    public void Llama3_renders_tools_in_the_first_user_message_and_results_as_ipython()
    {
        var messages = ToolCallFormats.Llama3Json.Render(History(), [TestTools.GetWeather, TestTools.GetTime], null).Messages!;

        Assert.Equal(new ToolPromptMessage("system", "Environment: ipython"), messages[0]);
        Assert.StartsWith("Given the following functions, please respond with a JSON for a function call", messages[1].Content, StringComparison.Ordinal);
        Assert.Contains("{\"name\": function name, \"parameters\": dictionary of argument name and its value}.Do not use variables.\n\n{\n    \"type\": \"function\",", messages[1].Content, StringComparison.Ordinal);
        Assert.EndsWith("}\n\nWeather and time in Paris?", messages[1].Content, StringComparison.Ordinal);

        // As the template writes calls: the text of the message is not shown, several calls are joined as the model writes them.
        Assert.Equal(
            new ToolPromptMessage("assistant", "{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\"}}; {\"name\": \"get_time\", \"parameters\": {}}"),
            messages[2]);
        Assert.Equal(new ToolPromptMessage("ipython", "15 celsius in Paris"), messages[3]);
        Assert.Equal(new ToolPromptMessage("ipython", "Error: clock is broken"), messages[4]);
    }

    [Fact]
    public void Llama3_can_render_results_as_user_text()
    {
        var prompt = new Llama3JsonToolCallFormat("user").Render(History(), [TestTools.GetWeather, TestTools.GetTime], null);

        Assert.Equal(new ToolPromptMessage("user", "Result of get_weather: 15 celsius in Paris"), prompt.Messages![3]);
        Assert.Equal(new ToolPromptMessage("user", "Result of get_time: Error: clock is broken"), prompt.Messages[4]);
    }

    [Fact]
    public void Mistral_renders_available_tools_calls_with_ids_and_results_with_call_ids()
    {
        var messages = ToolCallFormats.Mistral.Render(History(), [TestTools.GetTime], null).Messages!;

        Assert.Equal(
            new ToolPromptMessage("user", "[AVAILABLE_TOOLS] [{\"type\": \"function\", \"function\": {\"name\": \"get_time\", \"description\": \"Gets the current time.\", \"parameters\": {\"type\": \"object\", \"properties\": {}}}}][/AVAILABLE_TOOLS]Weather and time in Paris?"),
            messages[0]);
        Assert.Equal(
            new ToolPromptMessage("assistant", "[TOOL_CALLS] [{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}, \"id\": \"abcDEF123\"}, {\"name\": \"get_time\", \"arguments\": {}, \"id\": \"xyz789QRS\"}]"),
            messages[1]);
        Assert.Equal(
            new ToolPromptMessage("user", "[TOOL_RESULTS] {\"content\": 15 celsius in Paris, \"call_id\": \"abcDEF123\"}[/TOOL_RESULTS][TOOL_RESULTS] {\"content\": Error: clock is broken, \"call_id\": \"xyz789QRS\"}[/TOOL_RESULTS]"),
            messages[2]);
        Assert.Equal(3, messages.Count);
    }

    [Fact]
    public void Mistral_merges_consecutive_messages_of_one_role()
    {
        List<ChatMessage> messages = [new(ChatRole.User, "One."), new(ChatRole.User, "Two."), new(ChatRole.System, "Three.")];

        var prompt = ToolCallFormats.Mistral.Render(messages, [], null);

        Assert.Equal([new ToolPromptMessage("user", "One.\n\nTwo.\n\nThree.")], prompt.Messages);
    }

    [Fact]
    public void Mistral_keeps_the_system_prompt_with_the_question_when_results_follow()
    {
        var messages = ToolCallFormats.Mistral.Render([new(ChatRole.System, "Be brief."), .. History()], [TestTools.GetTime], null).Messages!;

        Assert.EndsWith("[/AVAILABLE_TOOLS]Be brief.\n\nWeather and time in Paris?", messages[0].Content, StringComparison.Ordinal);
        Assert.DoesNotContain("Be brief.", messages[2].Content, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_mergeable_history_renders_every_message_once()
    {
        // 5,000 consecutive user messages merge into one (Mistral requires alternating roles), each written once.
        var history = Enumerable.Range(0, 5000).Select(static i => new ChatMessage(ChatRole.User, "m" + i)).ToList();

        var message = Assert.Single(ToolCallFormats.Mistral.Render(history, [], null).Messages!);

        Assert.Equal(string.Join("\n\n", Enumerable.Range(0, 5000).Select(static i => "m" + i)), message.Content);
    }

    [Fact]
    public void Pythonic_renders_defaults_nested_objects_and_arrays_without_type_hints()
    {
        var prompt = ToolCallFormats.Pythonic.Render([new(ChatRole.User, "Find a hotel")], [TestTools.SearchHotels, TestTools.GetWeather, TestTools.GetTime], null);

        Assert.Contains("def search_hotels(city, near, amenities=None, maxPrice=None, refundable=False):\n", prompt.Prompt, StringComparison.Ordinal);
        Assert.Contains("    near (dict): The address to search near. Keys: street (str), zip (str).\n", prompt.Prompt, StringComparison.Ordinal);
        Assert.Contains("    maxPrice (int): The highest nightly price.\n", prompt.Prompt, StringComparison.Ordinal);
        Assert.Contains("def get_weather(city, unit='celsius'):\n", prompt.Prompt, StringComparison.Ordinal);
        Assert.Contains("Function:\ndef get_time():\n    \"\"\"\n    Gets the current time.\n\n    Returns:\n    str\n    \"\"\"\n", prompt.Prompt, StringComparison.Ordinal);
        Assert.EndsWith("\nUser Query: Find a hotel<human_end>\n", prompt.Prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void Pythonic_is_single_turn_and_uses_the_last_user_message()
    {
        List<ChatMessage> messages =
        [
            new(ChatRole.System, "You are terse."),
            new(ChatRole.User, "Hello"),
            new(ChatRole.Assistant, "Hi!"),
            new(ChatRole.User, SeedTools.Query),
        ];

        var prompt = ToolCallFormats.Pythonic.Render(messages, SeedTools.Both, null);

        Assert.DoesNotContain("Hello", prompt.Prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("terse", prompt.Prompt, StringComparison.Ordinal);
        Assert.EndsWith($"User Query: {SeedTools.Query}<human_end>\n", prompt.Prompt, StringComparison.Ordinal);
        Assert.Equal(["<bot_end>"], prompt.StopSequences);
    }

    [Fact]
    public void Pythonic_answer_prompt_lists_results_including_errors()
    {
        var prompt = ToolCallFormats.Pythonic.Render(History(), [TestTools.GetWeather, TestTools.GetTime], null);

        const string Expected = "User Query: Weather and time in Paris?\n\nFunction Results:\n" +
            "get_weather(city='Paris') -> 15 celsius in Paris\n" +
            "get_time() -> Error: clock is broken\n\n" +
            "Answer the User Query using the Function Results.<human_end>\n";
        Assert.Equal(Expected, prompt.Prompt);
    }

    private const string HermesDefaultQwenLine = "You are Qwen, created by Alibaba Cloud. You are a helpful assistant.";
}
