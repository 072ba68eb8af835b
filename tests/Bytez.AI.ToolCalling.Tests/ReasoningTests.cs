using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling.Tests;

/// <summary>
/// Reasoning blocks (<c>&lt;think&gt;...&lt;/think&gt;</c>, and the unopened form where the template writes the opening
/// tag) are separated before calls are looked for: the reasoning is <see cref="TextReasoningContent"/>, nothing inside it
/// is a call, and whole, streamed and character-by-character parsing agree.
/// </summary>
public class ReasoningTests
{
    private const string WeatherCall = "<tool_call>{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}</tool_call>";

    private static readonly ToolCallFormat Prefilled = new HermesToolCallFormat(HermesTemplate.Qwen3) { Reasoning = ReasoningSyntax.ThinkTagsPrefilled };
    private static readonly ToolCallFormat NoReasoning = new HermesToolCallFormat() { Reasoning = ReasoningSyntax.None };

    public static TheoryData<string, string, string> Cases() => new()
    {
        // llama.cpp tests/test-chat.cpp, Hermes 2 Pro block: message_assist_thoughts.
        { "think tags", "<think>I'm\nthinking</think>Hello, world!\nWhat's up?", "R:I'm\nthinking|T:Hello, world!\nWhat's up?" },

        // llama.cpp: "<think><tool_call>nah uhg</tool_call>" is all reasoning, not an invalid call.
        { "a call inside an unclosed block", "<think><tool_call>nah uhg</tool_call>", "R:<tool_call>nah uhg</tool_call>" },

        // A call the model only thought about is never a call; the one after the block is.
        { "thought-about call", $"<think>Maybe {WeatherCall} would do.</think>\n\n{WeatherCall}", "R:Maybe " + WeatherCall + " would do.|C:get_weather{\"city\":\"Paris\"}" },
        { "white space around the block", "  \n<think>\n\nplan\n\n</think>\n\nAnswer.", "R:plan|T:Answer." },
        { "empty block (thinking off)", "<think>\n\n</think>\n\nAnswer.", "T:Answer." },
        { "no block", "Just an answer.", "T:Just an answer." },
        { "a tag after prose is text", "Answer <think>not reasoning</think>", "T:Answer <think>not reasoning</think>" },
        { "unclosed block: all reasoning", "<think>still thinking about Paris", "R:still thinking about Paris" },
        { "cut closing tag stays reasoning", "<think>abc</thi", "R:abc</thi" },
        { "near tag", "<thinking>is not the tag", "T:<thinking>is not the tag" },
    };

    public static TheoryData<string, string, string> PrefilledCases() => new()
    {
        // llama.cpp test-chat.cpp: QwQ-32B's template adds <think> to the generation prompt (thinking_forced_open).
        { "unopened block then a call", "I'm\nthinking</think>\n<tool_call>{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}</tool_call>", "R:I'm\nthinking|C:get_weather{\"city\":\"Paris\"}" },
        { "unopened block then prose", "I'm\nthinking</think>Hello, world!\nWhat's up?", "R:I'm\nthinking|T:Hello, world!\nWhat's up?" },
        { "the model repeats the opening tag", "<think>\nplan\n</think>\n\nAnswer.", "R:plan|T:Answer." },
        { "no closing tag: all reasoning (cut off while thinking)", "Let me think about " + WeatherCall, "R:Let me think about " + WeatherCall },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Think_tags_opening_the_output_are_reasoning(string name, string output, string expected)
    {
        AssertParses(ToolCallFormats.Hermes, output, expected, name);
    }

    [Theory]
    [MemberData(nameof(PrefilledCases))]
    public void With_a_prefilled_tag_the_output_starts_inside_the_block(string name, string output, string expected)
    {
        AssertParses(Prefilled, output, expected, name);
    }

    [Fact]
    public void Every_format_separates_reasoning_before_its_calls()
    {
        Assert.Equal("R:Paris?|C:get_time{}", Describe(ToolCallFormats.Llama3Json, "<think>Paris?</think>{\"name\": \"get_time\", \"parameters\": {}}"));
        Assert.Equal("R:Paris?|C:get_time{}", Describe(ToolCallFormats.Mistral, "<think>Paris?</think>[TOOL_CALLS] [{\"name\": \"get_time\", \"arguments\": {}}]"));
        Assert.Equal("R:Paris?|C:get_time{}", Describe(ToolCallFormats.Pythonic, "<think>Paris?</think>\nCall: get_time()<bot_end>"));
    }

    [Fact]
    public void Without_a_reasoning_syntax_the_tags_are_text()
    {
        Assert.Equal("T:<think>x</think>|C:get_weather{\"city\":\"Paris\"}", Describe(NoReasoning, "<think>x</think>" + WeatherCall));
        Assert.True(ReasoningSyntax.None.IsNone);
    }

    [Fact]
    public void Reasoning_streams_as_it_is_written()
    {
        var parser = ToolCallFormats.Hermes.CreateStreamParser(TestTools.All);

        Assert.Empty(parser.Feed("<thi"));
        Assert.Empty(parser.Feed("nk>\n"));
        Assert.Equal("R:First", ContentDescriber.Describe(parser.Feed("First")));
        Assert.Equal("R: I check", ContentDescriber.Describe(parser.Feed(" I check </")));
        Assert.Equal("R: </b> the", ContentDescriber.Describe(parser.Feed("b> the \n")));
        Assert.Equal("R: \nmap.", ContentDescriber.Describe(parser.Feed("map.</think>\n\n")));
        Assert.Equal("T:Sunny.", ContentDescriber.Describe(parser.Feed("Sunny.")));
        Assert.Empty(parser.Complete());
    }

    [Theory]
    [InlineData("Qwen/QwQ-32B", true)]
    [InlineData("Qwen/Qwen3-30B-A3B-Thinking-2507", true)]
    [InlineData("deepseek-ai/DeepSeek-R1-Distill-Qwen-32B", true)]
    [InlineData("deepseek-ai/DeepSeek-R1-Distill-Llama-8B", true)]
    [InlineData("Qwen/Qwen3-8B", false)]
    [InlineData("Qwen/Qwen2.5-7B-Instruct", false)]
    [InlineData("some/other-model", false)]
    public void The_model_id_tells_whether_the_template_opens_the_block(string modelId, bool prefilled)
    {
        var format = ToolCallFormats.ForModel(modelId);

        Assert.Equal(prefilled, format.Reasoning.StartsOpen);
        Assert.False(format.Reasoning.IsNone);
        Assert.Equal("<think>", format.Reasoning.OpenTag);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_middleware_returns_reasoning_as_TextReasoningContent(bool streaming)
    {
        var model = new ScriptedModel(static _ => "I'm\nthinking</think>\n" + WeatherCall, "Qwen/QwQ-32B", streamChunkSize: 3);
        using IChatClient client = new ChatClientBuilder(model).UsePromptToolCalling().Build();
        var options = new ChatOptions { Tools = [TestTools.GetWeather] };

        ChatResponse response = streaming
            ? await client.GetStreamingResponseAsync("Weather in Paris?", options).ToChatResponseAsync()
            : await client.GetResponseAsync("Weather in Paris?", options);

        var contents = response.Messages.SelectMany(static m => m.Contents).ToList();
        Assert.Equal("R:I'm\nthinking|C:get_weather{\"city\":\"Paris\"}", ContentDescriber.Describe(contents));
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        Assert.Equal(string.Empty, response.Text);
    }

    [Fact]
    public void A_syntax_needs_both_tags()
    {
        Assert.Throws<ArgumentException>(() => new ReasoningSyntax("", "</think>", startsOpen: false));
        Assert.Throws<ArgumentNullException>(() => new HermesToolCallFormat() { Reasoning = null! });
        Assert.Equal("<r> (prefilled)...</r>", new ReasoningSyntax("<r>", "</r>", startsOpen: true).ToString());
    }

    private static string Describe(ToolCallFormat format, string output) => ContentDescriber.Describe(format.Parse(output, TestTools.All).Contents);

    private static void AssertParses(ToolCallFormat format, string output, string expected, string name)
    {
        Assert.True(expected == Describe(format, output), $"{name}: whole text gave {Describe(format, output)}");
        for (int i = 0; i <= output.Length; i++)
        {
            var (split, _, _) = ContentDescriber.Stream(format, [output[..i], output[i..]]);
            Assert.True(expected == split, $"{name}: split at {i} gave {split}");
        }

        var (characters, _, _) = ContentDescriber.Stream(format, output.Select(static c => c.ToString()));
        Assert.Equal(expected, characters);
    }
}
