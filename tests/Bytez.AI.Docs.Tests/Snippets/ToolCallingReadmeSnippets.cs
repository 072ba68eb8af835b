using Bytez.AI.Docs.Tests.Running;
using static Bytez.AI.Docs.Tests.Snippets.Wrappers;

namespace Bytez.AI.Docs.Tests.Snippets;

/// <summary>The checks of src/Bytez.AI.ToolCalling/README.md's C# blocks.</summary>
internal static class ToolCallingReadmeSnippets
{
    public static IEnumerable<SnippetCheck> Checks =>
    [
        new("toolcalling-quick-start", Complete with
        {
            Provides = "`innerClient`: a chat client with no tool API (a Bytez model with PromptToolCalling off); `GetWeather(string city)` (using static WrapperTools); prints the answer",
            Usings = ["static WrapperTools"],
            Before = TextOnlyChatClient("innerClient"),
            After = "System.Console.WriteLine(response.Text);",
            Types = $$"""
                public static class WrapperTools
                {
                    [global::System.ComponentModel.Description("Gets the current weather in a city.")]
                    public static string GetWeather(string city)
                    {
                        {{Host}}.Record("city", city);
                        return $"15 °C in {city}";
                    }
                }
                """,
        },
        run => WeatherToolRoundTrip.Verify(run, "15 °C in Paris", "It is 15 °C in Paris."))
        {
            Arrange = WeatherToolRoundTrip.Script("GetWeather", "It is 15 °C in Paris."),
        },

        new("toolcalling-custom-format", Complete with
        {
            Provides = "the class the members belong to (MyFormat : ToolCallFormat, rendering like Hermes), the usings Bytez.AI.ToolCalling and Microsoft.Extensions.AI, and a MyCallReader for calls written `CALL {json}`; parses a reply and prints its calls",
            BlockIsMembers = true,
            Usings = ["Bytez.AI.ToolCalling", "Microsoft.Extensions.AI"],
            After = """
                AIFunctionDeclaration[] tools = [AIFunctionFactory.Create((string city) => city, "get_weather")];
                ToolParseResult parsed = new MyFormat().Parse("Checking. CALL {\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}", tools);
                System.Console.WriteLine($"text: {parsed.Text.Trim()}");
                foreach (FunctionCallContent call in parsed.ToolCalls)
                {
                    System.Console.WriteLine($"call: {call.Name}(city: {call.Arguments!["city"]})");
                }
                """,
            Types = $$"""
                public sealed class MyFormat : ToolCallFormat
                {
                    public override string Name => "my-format";

                    public override ToolPrompt Render(IReadOnlyList<ChatMessage> messages, IReadOnlyList<AIFunctionDeclaration> tools, ChatToolMode? mode) =>
                        ToolCallFormats.Hermes.Render(messages, tools, mode);

                {{SnippetWrapper.MembersPlaceholder}}
                }

                public sealed class MyCallReader(ToolCallParseContext context) : CallRegionReader(context)
                {
                    private readonly JsonValueScanner _scanner = new();

                    public override IReadOnlyList<string> Markers { get; } = ["CALL "];

                    public override void Begin(RegionStart start) => _scanner.Reset();

                    public override RegionStep Read(ReadOnlySpan<char> region, bool final)
                    {
                        int start = ToolCallJson.SkipWhiteSpace(region, 0);
                        int end = start < region.Length ? _scanner.FindEnd(region, start) : -1;
                        if (end < 0)
                        {
                            return final ? RegionStep.Truncate(region.Length, "CALL " + region.ToString()) : RegionStep.NeedMore;
                        }

                        Context.ReadCallObject(region[start..end].ToString(), explicitMarker: true, out AIContent? content);
                        return RegionStep.End(end, content!);
                    }
                }
                """,
        },
        run =>
        {
            run.Printed("text: Checking.");
            run.Printed("call: get_weather(city: Paris)");
        }),
    ];
}
