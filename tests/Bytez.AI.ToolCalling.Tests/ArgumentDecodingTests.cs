using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling.Tests;

/// <summary>
/// What a tool receives when the model escapes characters in its arguments: Python string escapes in the pythonic
/// format, and Python-flavoured JSON (single quotes, <c>True</c>/<c>False</c>/<c>None</c>, trailing commas) in the JSON formats.
/// </summary>
public class ArgumentDecodingTests
{
    private static FunctionCallContent SingleCall(string format, string text, bool lenient = true)
    {
        var result = ToolCallFormats.GetByName(format).Parse(text, TestTools.All, new ToolCallParseOptions { LenientJson = lenient });
        Assert.Empty(result.Errors);
        return Assert.Single(result.ToolCalls);
    }

    private static void AssertInvalid(string text, bool lenient = true)
    {
        var result = ToolCallFormats.GetByName("hermes").Parse(text, TestTools.All, new ToolCallParseOptions { LenientJson = lenient });
        Assert.Empty(result.ToolCalls);
        Assert.Equal(ToolCallErrorCodes.InvalidToolCall, Assert.Single(result.Errors).ErrorCode);
    }

    private static string? Argument(FunctionCallContent call, string name) => call.Arguments![name]?.ToString();

    private static string Json(FunctionCallContent call, string name) =>
        System.Text.Json.JsonSerializer.Serialize(call.Arguments![name], ContentDescriber.CompactJson);

    [Theory]
    [InlineData(@"'a\nb'", "a\nb")]
    [InlineData(@"'a\tb\rc'", "a\tb\rc")]
    [InlineData(@"'\a\b\f\v\0'", "\a\b\f\v\0")]
    [InlineData(@"'back\\slash, it\'s, \""quoted\""'", "back\\slash, it's, \"quoted\"")]
    [InlineData(@"'\x41\x62'", "Ab")]
    [InlineData(@"'caf\u00e9'", "café")]
    [InlineData(@"'smile \U0001F600'", "smile \U0001F600")]
    [InlineData("'one \\\ntwo'", "one two")]
    public void Pythonic_string_escapes_are_decoded(string literal, string expected)
    {
        var call = SingleCall("pythonic", $"Call: get_weather(city={literal})<bot_end>");

        Assert.Equal(expected, Argument(call, "city"));
    }

    [Theory]
    [InlineData(@"'\q'", @"\q")]
    [InlineData(@"'\xZZ'", @"\xZZ")]
    [InlineData(@"'\x4'", @"\x4")]
    [InlineData(@"'\u12'", @"\u12")]
    [InlineData(@"'\U00110000'", @"\U00110000")]
    [InlineData(@"r'C:\new\table'", @"C:\new\table")]
    public void Pythonic_unknown_or_incomplete_escapes_and_raw_strings_keep_their_backslash(string literal, string expected)
    {
        var call = SingleCall("pythonic", $"Call: get_weather(city={literal})<bot_end>");

        Assert.Equal(expected, Argument(call, "city"));
    }

    [Fact]
    public void Pythonic_True_False_and_None_become_JSON_literals()
    {
        var call = SingleCall("pythonic", "Call: search_hotels(city='Rome', near=None, refundable=False, amenities=[True])<bot_end>");

        Assert.Equal("null", Json(call, "near"));
        Assert.Equal("false", Json(call, "refundable"));
        Assert.Equal("[true]", Json(call, "amenities"));
    }

    [Fact]
    public void Lenient_JSON_single_quoted_strings_decode_their_escapes()
    {
        var call = SingleCall("hermes", """<tool_call>{'name': 'get_weather', 'arguments': {'city': 'It\'s "Paris"\nnext \u00e9'}}</tool_call>""");

        Assert.Equal("It's \"Paris\"\nnext é", Argument(call, "city"));
    }

    [Fact]
    public void Lenient_JSON_Python_literals_and_trailing_commas_are_read()
    {
        var call = SingleCall("hermes", "<tool_call>{'name': 'search_hotels', 'arguments': {'city': 'Rome', 'near': None, 'refundable': True, 'amenities': ['wifi', False,],},}</tool_call>");

        Assert.Equal("Rome", Argument(call, "city"));
        Assert.Equal("null", Json(call, "near"));
        Assert.Equal("true", Json(call, "refundable"));
        Assert.Equal("""["wifi",false]""", Json(call, "amenities"));
    }

    [Fact]
    public void Lenient_JSON_leaves_double_quoted_strings_and_longer_words_alone()
    {
        var call = SingleCall("hermes", """<tool_call>{'name': 'get_weather', 'arguments': {"city": "True North, None \"quoted\" \\ 'x'", 'unit': 'Nonesuch'}}</tool_call>""");

        Assert.Equal("True North, None \"quoted\" \\ 'x'", Argument(call, "city"));
        Assert.Equal("Nonesuch", Argument(call, "unit"));
    }

    [Fact]
    public void Lenient_JSON_with_an_escape_JSON_does_not_know_is_an_invalid_call()
    {
        AssertInvalid(@"<tool_call>{'name': 'get_weather', 'arguments': {'city': '\x41'}}</tool_call>");
    }

    [Fact]
    public void Strict_JSON_refuses_Python_literals()
    {
        AssertInvalid("""<tool_call>{"name": "get_weather", "arguments": {"city": "Paris", "unit": None}}</tool_call>""", lenient: false);
    }
}
