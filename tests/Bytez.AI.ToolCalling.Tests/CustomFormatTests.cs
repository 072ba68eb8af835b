using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling.Tests;

/// <summary>
/// A format written outside the library, with only its public API (this project has no InternalsVisibleTo): calls are
/// <c>&lt;call&gt;{json}&lt;/call&gt;</c>, results <c>&lt;result&gt;...&lt;/result&gt;</c>. It runs on the shared stream
/// engine through the middleware, streamed and not.
/// </summary>
public class CustomFormatTests
{
    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 1)]
    [InlineData(true, 3)]
    public async Task A_custom_format_runs_through_the_middleware_and_the_function_invoker(bool streaming, int chunkSize)
    {
        var model = new ScriptedModel(
            static request => request.LastText.StartsWith("<result>", StringComparison.Ordinal)
                ? "It is " + request.LastText["<result>".Length..request.LastText.IndexOf("</result>", StringComparison.Ordinal)] + "."
                : "Checking.<call>{'name': 'get_weather', 'arguments': {'city': 'Paris'}}</call>",
            streamChunkSize: chunkSize);
        using IChatClient client = new ChatClientBuilder(model).UseFunctionInvocation().UsePromptToolCalling(new CallTagFormat()).Build();
        var options = new ChatOptions { Tools = [TestTools.GetWeather] };

        List<ChatResponseUpdate> updates = [];
        ChatResponse response = streaming
            ? (updates = await client.GetStreamingResponseAsync("Weather in Paris?", options).ToListAsync()).ToChatResponse()
            : await client.GetResponseAsync("Weather in Paris?", options);

        Assert.Equal("It is 15 celsius in Paris.", response.Messages[^1].Text);
        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal("Paris", call.Arguments!["city"]!.ToString());
        Assert.All(updates, u => Assert.DoesNotContain("<", u.Text, StringComparison.Ordinal));

        // The format rendered the tool, then the call and its result, in its own syntax.
        Assert.Contains("get_weather: Gets the current weather of a city.", model.Requests[0].Messages[0].Text, StringComparison.Ordinal);
        Assert.Equal("Checking.\n<call>{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Paris\"}}</call>", model.Requests[1].Messages[^2].Text);
        Assert.Equal("<result>15 celsius in Paris</result>", model.Requests[1].LastText);
    }

    [Theory]
    [InlineData("<call>{\"name\": \"get_time\", \"arguments\": {}}", "C:get_time{}")]
    [InlineData("<call>{\"name\": \"get_time\", \"arguments\": {", "E:truncated_tool_call")]
    [InlineData("<call>not json</call> then prose", "E:invalid_tool_call|T: then prose")]
    [InlineData("a <caller> is not a call", "T:a <caller> is not a call")]
    public void The_engine_gives_a_custom_reader_the_same_guarantees_whole_and_streamed(string text, string expected)
    {
        var format = new CallTagFormat();

        string whole = ContentDescriber.Describe(format.Parse(text, TestTools.All).Contents);
        var (streamed, _, _) = ContentDescriber.Stream(format, text.Select(static c => c.ToString()));

        Assert.Equal(expected, whole);
        Assert.Equal(expected, streamed);
    }

    /// <summary>The custom format: a system message listing the tools, calls in <c>&lt;call&gt;</c> tags.</summary>
    private sealed class CallTagFormat : ToolCallFormat
    {
        public override string Name => "call-tag";

        public override ToolPrompt Render(IReadOnlyList<ChatMessage> messages, IReadOnlyList<AIFunctionDeclaration> tools, ChatToolMode? mode)
        {
            var output = new List<ToolPromptMessage>();
            if (ShouldRenderTools(tools, mode))
            {
                var system = new StringBuilder("Call a tool by writing <call>{\"name\": ..., \"arguments\": {...}}</call>. Tools:");
                foreach (AIFunctionDeclaration tool in tools)
                {
                    system.Append('\n').Append(tool.Name).Append(": ").Append(tool.Description).Append(' ').Append(tool.JsonSchema.GetRawText());
                }

                output.Add(new ToolPromptMessage("system", system.ToString()));
            }

            foreach (ChatMessage message in messages)
            {
                var calls = message.Contents.OfType<FunctionCallContent>().Select(static c =>
                    "<call>" + JsonSerializer.Serialize(new Dictionary<string, object?> { ["name"] = c.Name, ["arguments"] = c.Arguments }, ContentDescriber.CompactJson) + "</call>");
                var results = message.Contents.OfType<FunctionResultContent>().Select(static r => "<result>" + r.Result + "</result>");
                string text = string.Join("\n", new[] { message.Text }.Concat(calls).Concat(results).Where(static t => t.Length > 0));
                output.Add(new ToolPromptMessage(message.Role == ChatRole.Tool ? "user" : message.Role.Value, text));
            }

            return ToolPrompt.FromMessages(output);
        }

        public override IToolCallStreamParser CreateStreamParser(IReadOnlyList<AIFunctionDeclaration> tools, ToolCallParseOptions? options = null) =>
            CreateStreamParser(tools, options, static context => new CallTagReader(context));
    }

    /// <summary>
    /// Reads the JSON after <c>&lt;call&gt;</c> up to <c>&lt;/call&gt;</c> with the public helpers; a
    /// <see cref="JsonValueScanner"/> keeps its place while the call arrives, so each character is read once.
    /// </summary>
    private sealed class CallTagReader(ToolCallParseContext context) : CallRegionReader(context)
    {
        private const string Open = "<call>";
        private const string Close = "</call>";

        private readonly JsonValueScanner _scanner = new();

        public override IReadOnlyList<string> Markers { get; } = [Open];

        public override void Begin(RegionStart start) => _scanner.Reset();

        public override RegionStep Read(ReadOnlySpan<char> region, bool final)
        {
            int start = ToolCallJson.SkipWhiteSpace(region, 0);
            if (start >= region.Length)
            {
                return final ? RegionStep.Truncate(region.Length, Open) : RegionStep.NeedMore;
            }

            if (region[start] != '{')
            {
                int close = region.IndexOf(Close, StringComparison.Ordinal);
                if (close < 0)
                {
                    return final ? RegionStep.End(region.Length, ToolCallErrors.Invalid("The call is not JSON.", region[start..].ToString())) : RegionStep.NeedMore;
                }

                return RegionStep.End(close + Close.Length, ToolCallErrors.Invalid("The call is not JSON.", region[start..close].ToString()));
            }

            int end = _scanner.FindEnd(region, start);
            if (end < 0)
            {
                return final ? RegionStep.Truncate(region.Length, Open + region.ToString()) : RegionStep.NeedMore;
            }

            int after = ToolCallJson.SkipWhiteSpace(region, end);
            ReadOnlySpan<char> rest = region[after..];
            if (!final && rest.Length < Close.Length && Close.AsSpan().StartsWith(rest, StringComparison.Ordinal))
            {
                // The closing tag may still be arriving: never show a piece of it as text.
                return RegionStep.NeedMore;
            }

            Context.ReadCallObject(region[start..end].ToString(), explicitMarker: true, out AIContent? content);
            int consumed = rest.StartsWith(Close, StringComparison.Ordinal) ? after + Close.Length : end;
            return RegionStep.End(consumed, content!);
        }
    }
}
