using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling.Tests;

public class RenderingTests
{
    private static readonly List<ChatMessage> SeedConversation = [new(ChatRole.User, SeedTools.Query)];

    [Fact]
    public void Pythonic_renders_the_seed_prompt_layout()
    {
        var prompt = ToolCallFormats.Pythonic.Render(SeedConversation, SeedTools.Both, null);

        const string Expected = """

            Function:
            def get_weather_data(coordinates: list):
                \"\"\"
                Fetches weather data from the Open-Meteo API for the given latitude and longitude.

                Args:
                coordinates (list): The latitude and longitude of the location.

                Returns:
                float: The current temperature in the coordinates you've asked for
                \"\"\"

            Function:
            def get_coordinates_from_city(city_name: str):
                \"\"\"
                Fetches the latitude and longitude of a given city name using the Maps.co Geocoding API.

                Args:
                city_name (str): The name of the city.

                Returns:
                list: The latitude and longitude of the city.
                \"\"\"

            User Query: What's the weather like in Seattle right now?<human_end>

            """;
        Assert.True(prompt.IsRawPrompt);
        Assert.Null(prompt.Messages);
        Assert.Equal(Expected.Replace("\\\"", "\"", StringComparison.Ordinal), prompt.Prompt);
        Assert.Equal(["<bot_end>"], prompt.StopSequences);
    }

    [Fact]
    public void Pythonic_renders_types_defaults_nested_objects_and_arrays()
    {
        var prompt = ToolCallFormats.Pythonic.Render([new(ChatRole.User, "Find a hotel")], [TestTools.SearchHotels, TestTools.GetWeather, TestTools.GetTime], null);

        Assert.Contains("def search_hotels(city: str, near: dict, amenities: list = None, maxPrice: int = None, refundable: bool = False):\n", prompt.Prompt, StringComparison.Ordinal);
        Assert.Contains("    near (dict): The address to search near. Keys: street (str), zip (str).\n", prompt.Prompt, StringComparison.Ordinal);
        Assert.Contains("    maxPrice (int): The highest nightly price.\n", prompt.Prompt, StringComparison.Ordinal);
        Assert.Contains("def get_weather(city: str, unit: str = 'celsius'):\n", prompt.Prompt, StringComparison.Ordinal);
        Assert.Contains("Function:\ndef get_time():\n    \"\"\"\n    Gets the current time.\n    \"\"\"\n", prompt.Prompt, StringComparison.Ordinal);
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
    }

    [Fact]
    public void Hermes_renders_the_system_prompt_with_tools_json()
    {
        List<ChatMessage> messages = [new(ChatRole.System, "Be brief."), new(ChatRole.User, "Weather in Paris?")];

        var prompt = ToolCallFormats.Hermes.Render(messages, [TestTools.GetWeather, TestTools.GetTime], null);

        const string ExpectedSystem = """
            Be brief.

            # Tools

            You may call one or more functions to assist with the user query.

            You are provided with function signatures within <tools></tools> XML tags:
            <tools>
            {"type":"function","function":{"name":"get_weather","description":"Gets the current weather of a city.","parameters":{"type":"object","properties":{"city":{"description":"The city.","type":"string"},"unit":{"description":"Temperature unit.","type":"string","default":"celsius"}},"required":["city"]}}}
            {"type":"function","function":{"name":"get_time","description":"Gets the current time.","parameters":{"type":"object","properties":{}}}}
            </tools>

            For each function call, return a json object with function name and arguments within <tool_call></tool_call> XML tags:
            <tool_call>
            {"name": <function-name>, "arguments": <args-json-object>}
            </tool_call>
            """;
        Assert.False(prompt.IsRawPrompt);
        Assert.Equal([new ToolPromptMessage("system", ExpectedSystem), new ToolPromptMessage("user", "Weather in Paris?")], prompt.Messages);
        Assert.DoesNotContain("</tool_call>", prompt.StopSequences);
    }

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
    public void Hermes_renders_history_calls_and_results_in_call_order()
    {
        var prompt = ToolCallFormats.Hermes.Render(History(), [TestTools.GetWeather, TestTools.GetTime], null);
        var messages = prompt.Messages!;

        Assert.Equal(new ToolPromptMessage("user", "Weather and time in Paris?"), messages[1]);
        Assert.Equal(
            new ToolPromptMessage("assistant", "Checking.\n<tool_call>\n{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Paris\"}}\n</tool_call>\n<tool_call>\n{\"name\":\"get_time\",\"arguments\":{}}\n</tool_call>"),
            messages[2]);
        Assert.Equal(
            new ToolPromptMessage("user", "<tool_response>\n15 celsius in Paris\n</tool_response>\n<tool_response>\nError: clock is broken\n</tool_response>"),
            messages[3]);
        Assert.Equal(4, messages.Count);
    }

    [Fact]
    public void Llama3_renders_tools_in_the_first_user_message_and_results_as_ipython()
    {
        var prompt = ToolCallFormats.Llama3Json.Render(History(), [TestTools.GetWeather, TestTools.GetTime], null);
        var messages = prompt.Messages!;

        Assert.Equal("user", messages[0].Role);
        Assert.StartsWith("Given the following functions, please respond with a JSON for a function call", messages[0].Content, StringComparison.Ordinal);
        Assert.Contains("{\"name\": function name, \"parameters\": dictionary of argument name and its value}", messages[0].Content, StringComparison.Ordinal);
        Assert.Contains("    \"type\": \"function\",\n    \"function\": {\n        \"name\": \"get_weather\",", messages[0].Content, StringComparison.Ordinal);
        Assert.EndsWith("\n\nWeather and time in Paris?", messages[0].Content, StringComparison.Ordinal);
        Assert.Equal(
            new ToolPromptMessage("assistant", "Checking.\n{\"name\":\"get_weather\",\"parameters\":{\"city\":\"Paris\"}}; {\"name\":\"get_time\",\"parameters\":{}}"),
            messages[1]);
        Assert.Equal(new ToolPromptMessage("ipython", "15 celsius in Paris"), messages[2]);
        Assert.Equal(new ToolPromptMessage("ipython", "Error: clock is broken"), messages[3]);
    }

    [Fact]
    public void Llama3_can_render_results_as_user_text()
    {
        var prompt = new Llama3JsonToolCallFormat("user").Render(History(), [TestTools.GetWeather, TestTools.GetTime], null);

        Assert.Equal(new ToolPromptMessage("user", "Result of get_weather: 15 celsius in Paris"), prompt.Messages![2]);
        Assert.Equal(new ToolPromptMessage("user", "Result of get_time: Error: clock is broken"), prompt.Messages[3]);
    }

    [Fact]
    public void Mistral_renders_available_tools_calls_with_ids_and_results_with_call_ids()
    {
        var prompt = ToolCallFormats.Mistral.Render(History(), [TestTools.GetTime], null);
        var messages = prompt.Messages!;

        Assert.Equal(
            new ToolPromptMessage("user", "[AVAILABLE_TOOLS] [{\"type\":\"function\",\"function\":{\"name\":\"get_time\",\"description\":\"Gets the current time.\",\"parameters\":{\"type\":\"object\",\"properties\":{}}}}][/AVAILABLE_TOOLS]Weather and time in Paris?"),
            messages[0]);
        Assert.Equal(
            new ToolPromptMessage("assistant", "Checking.\n[TOOL_CALLS] [{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Paris\"},\"id\":\"abcDEF123\"}, {\"name\":\"get_time\",\"arguments\":{},\"id\":\"xyz789QRS\"}]"),
            messages[1]);
        Assert.Equal(
            new ToolPromptMessage("user", "[TOOL_RESULTS] {\"content\":\"15 celsius in Paris\",\"call_id\":\"abcDEF123\"}[/TOOL_RESULTS][TOOL_RESULTS] {\"content\":\"Error: clock is broken\",\"call_id\":\"xyz789QRS\"}[/TOOL_RESULTS]"),
            messages[2]);
        Assert.Equal(3, messages.Count);
    }

    [Fact]
    public void Mistral_merges_consecutive_messages_of_one_role()
    {
        List<ChatMessage> messages = [new(ChatRole.User, "One."), new(ChatRole.User, "Two.")];

        var prompt = ToolCallFormats.Mistral.Render(messages, [], null);

        Assert.Equal([new ToolPromptMessage("user", "One.\n\nTwo.")], prompt.Messages);
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
}
