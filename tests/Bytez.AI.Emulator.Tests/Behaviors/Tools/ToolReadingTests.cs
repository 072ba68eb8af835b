using Bytez.AI.Emulator.Behaviors.Tools;

namespace Bytez.AI.Emulator.Tests.Behaviors.Tools;

/// <summary>How the tool models read questions and declarations.</summary>
public class ToolReadingTests
{
    [Fact]
    public void Questions_give_places_names_numbers_and_quotes()
    {
        var facts = QueryFacts.Parse("Book 2 rooms in New York and Paris, Rome for 149.5 dollars with a 'Central Park' view. MSFT says I should.");

        Assert.Equal(["New York", "Paris", "Rome"], facts.Places);
        Assert.Equal(["New York", "Paris", "Rome", "Central Park", "MSFT"], facts.Names);
        Assert.Equal(["2", "149.5"], facts.Numbers);
        Assert.Equal(["Central Park"], facts.Quoted);
        Assert.DoesNotContain("Book", facts.Names);
    }

    [Theory]
    [InlineData("get_weather_data", "weather data")]
    [InlineData("getCurrentTime", "current time")]
    [InlineData("GetHTTPStatus", "http status")]
    [InlineData("search", "search")]
    public void Identifiers_split_into_words_without_leading_verbs(string name, string subject) =>
        Assert.Equal(subject, ToolWords.Subject(name));

    [Fact]
    public void Pythonic_blocks_give_typed_parameters_defaults_and_returns()
    {
        const string Prompt = "\nFunction:\ndef search_hotels(city: str, amenities: List[str] = None, max_price: Optional[int] = 100):\n    \"\"\"\n    Searches hotels.\n\n    Args:\n    city (str): The city to search in.\n    amenities (list): Wanted amenities.\n\n    Returns:\n    list: Matching hotels.\n    \"\"\"\n\nFunction:\ndef ping():\n    pass\n\nUser Query: Hotels in Rome<human_end>\n";

        var tools = PythonicDeclarations.Read(Prompt);

        Assert.Equal(["search_hotels", "ping"], tools.Select(static t => t.Name));
        var hotels = tools[0];
        Assert.Equal("Searches hotels.", hotels.Description);
        Assert.Equal("list: Matching hotels.", hotels.Returns);
        Assert.Equal(
            [("city", "string", true, "The city to search in."), ("amenities", "array", false, "Wanted amenities."), ("max_price", "integer", false, "")],
            hotels.Parameters.Select(static p => (p.Name, p.Type!, p.Required, p.Description)));
        Assert.Equal("string", hotels.Parameters[1].ItemType);
        Assert.Empty(tools[1].Parameters);
    }

    [Fact]
    public void Json_declarations_are_read_bare_or_wrapped_and_calls_are_not_declarations()
    {
        var wrapped = JsonToolDeclarations.Read(System.Text.Json.Nodes.JsonNode.Parse("""
            {"type": "function", "function": {"name": "get_weather", "description": "Weather.", "parameters": {"type": "object",
             "properties": {"city": {"type": "string"}, "unit": {"type": ["string", "null"], "enum": ["celsius", "fahrenheit"]}}, "required": ["city"]}}}
            """));
        var call = JsonToolDeclarations.Read(System.Text.Json.Nodes.JsonNode.Parse("""{"name": "get_weather", "arguments": {"city": "Paris"}}"""));

        Assert.NotNull(wrapped);
        Assert.Equal([("city", true), ("unit", false)], wrapped.Parameters.Select(static p => (p.Name, p.Required)));
        Assert.Equal(["celsius", "fahrenheit"], wrapped.Parameters[1].Enum);
        Assert.Equal("string", wrapped.Parameters[1].Type);
        Assert.Null(call);
    }

    [Fact]
    public void An_enum_value_named_in_the_question_is_passed_for_an_optional_parameter()
    {
        var tool = new ToolDeclaration("get_weather", "Gets the weather.", [
            new ToolParameter("city", "string", "The city.", true),
            new ToolParameter("unit", "string", "The unit.", false) { Enum = ["celsius", "fahrenheit"] },
        ], string.Empty);

        var call = Assert.Single(ToolPlanner.Plan(QueryFacts.Parse("Weather in Oslo in fahrenheit?"), [tool], ToolRequirement.Auto));

        Assert.Equal("get_weather(city='Oslo', unit='fahrenheit')", CallText.Python(call));
    }

    [Fact]
    public void Numbers_fill_numeric_parameters_in_order()
    {
        var tool = new ToolDeclaration("add_numbers", "Adds two numbers.", [
            new ToolParameter("a", "number", string.Empty, true),
            new ToolParameter("b", "integer", string.Empty, true),
        ], string.Empty);

        var call = Assert.Single(ToolPlanner.Plan(QueryFacts.Parse("Please add numbers 2.5 and 4"), [tool], ToolRequirement.Auto));

        Assert.Equal("add_numbers(a=2.5, b=4)", CallText.Python(call));
    }
}
