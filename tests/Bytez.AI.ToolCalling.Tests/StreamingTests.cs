using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling.Tests;

/// <summary>Cases 13-15 spelled out, plus the hold-back behaviour the chat adapter relies on.</summary>
public class StreamingTests
{
    private const string HermesCall = "<tool_call>{\"name\": \"get_time\", \"arguments\": {}}</tool_call>";

    public static TheoryData<string, string, string> Markers() => new()
    {
        { "hermes", "<tool_call>", "{\"name\": \"get_time\", \"arguments\": {}}</tool_call>" },
        { "llama3", "<|python_tag|>", "{\"name\": \"get_time\", \"parameters\": {}}" },
        { "mistral", "[TOOL_CALLS]", " [{\"name\": \"get_time\", \"arguments\": {}}]" },
        { "pythonic", "Call:", " get_time()<bot_end>" },
    };

    [Theory]
    [MemberData(nameof(Markers))]
    public void Case13_a_marker_split_at_every_two_points_never_leaks(string format, string marker, string rest)
    {
        string text = "Let me see.\n" + marker + rest;
        int markerStart = text.IndexOf(marker, StringComparison.Ordinal);
        for (int a = markerStart; a <= markerStart + marker.Length; a++)
        {
            for (int b = a; b <= markerStart + marker.Length; b++)
            {
                var (description, _, contents) = ContentDescriber.Stream(ToolCallFormats.GetByName(format), [text[..a], text[a..b], text[b..]]);

                Assert.Equal("T:Let me see.\n|C:get_time{}", description);
                Assert.All(contents.OfType<TextContent>(), t => Assert.DoesNotContain(marker[..1], t.Text, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Case13_hermes_chunks_from_the_spec()
    {
        var parser = ToolCallFormats.Hermes.CreateStreamParser(TestTools.All);

        Assert.Empty(parser.Feed("<to"));
        Assert.Empty(parser.Feed("ol_c"));
        Assert.Empty(parser.Feed("all>"));
        Assert.Empty(parser.Feed("{\"name\": \"get_time\", "));
        var call = Assert.IsType<FunctionCallContent>(Assert.Single(parser.Feed("\"arguments\": {}}")));
        Assert.Equal("get_time", call.Name);
        Assert.Empty(parser.Feed("</tool_call>"));
        Assert.Empty(parser.Complete());
        Assert.Equal(ChatFinishReason.ToolCalls, parser.FinishReason);
    }

    [Fact]
    public void Case14_a_near_marker_is_delivered_once_as_soon_as_it_cannot_be_a_marker()
    {
        var parser = ToolCallFormats.Hermes.CreateStreamParser(TestTools.All);

        var first = parser.Feed("a <ta");
        var second = parser.Feed("ble> b");
        var end = parser.Complete();

        Assert.Equal("a <ta", Assert.IsType<TextContent>(Assert.Single(first)).Text);
        Assert.Equal("ble> b", Assert.IsType<TextContent>(Assert.Single(second)).Text);
        Assert.Empty(end);
        Assert.Null(parser.FinishReason);
    }

    [Fact]
    public void Case15_a_stream_ending_with_a_marker_start_flushes_it_as_text()
    {
        var parser = ToolCallFormats.Hermes.CreateStreamParser(TestTools.All);

        var held = parser.Feed("hello <tool");
        var end = parser.Complete();

        Assert.Equal("hello ", Assert.IsType<TextContent>(Assert.Single(held)).Text);
        Assert.Equal("<tool", Assert.IsType<TextContent>(Assert.Single(end)).Text);
    }

    [Fact]
    public void Text_before_a_call_is_released_before_the_call_completes()
    {
        var parser = ToolCallFormats.Hermes.CreateStreamParser(TestTools.All);

        var text = parser.Feed("Checking the weather now. <tool_call>{\"name\": \"get_w");

        Assert.Equal("Checking the weather now. ", Assert.IsType<TextContent>(Assert.Single(text)).Text);
        var rest = parser.Feed("eather\", \"arguments\": {\"city\": \"Paris\"}}</tool_call> and more");
        Assert.Equal("C:get_weather{\"city\":\"Paris\"}|T: and more", ContentDescriber.Describe(rest));
        Assert.Empty(parser.Complete());
    }

    [Fact]
    public void A_completed_parser_refuses_more_input()
    {
        var parser = ToolCallFormats.Hermes.CreateStreamParser(TestTools.All);
        parser.Complete();

        Assert.Throws<InvalidOperationException>(() => parser.Feed("x"));
        Assert.Empty(parser.Complete());
    }

    [Fact]
    public void Pythonic_stream_drops_the_thought_after_the_call()
    {
        string text = "Call: get_time()\nThought: I called get_time because the user asked.";
        var (description, finish, _) = ContentDescriber.Stream(ToolCallFormats.Pythonic, text.Select(static c => c.ToString()));

        Assert.Equal("C:get_time{}", description);
        Assert.Equal(ChatFinishReason.ToolCalls, finish);
    }

    [Fact]
    public void Calls_are_emitted_as_soon_as_they_are_complete()
    {
        var parser = ToolCallFormats.Pythonic.CreateStreamParser(TestTools.All);

        Assert.Empty(parser.Feed("Call: get_weather(city='Paris'"));
        var first = parser.Feed(")");
        Assert.Equal("C:get_weather{\"city\":\"Paris\"}", ContentDescriber.Describe(first));
        Assert.Equal("C:get_time{}", ContentDescriber.Describe(parser.Feed("; get_time()")));
        Assert.Empty(parser.Feed("<bot_end>"));
        Assert.Empty(parser.Complete());
    }
}
