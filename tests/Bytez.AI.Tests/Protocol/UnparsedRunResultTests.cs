using System.Text;
using System.Text.Json;
using Bytez.AI.Serialization;

namespace Bytez.AI.Tests.Protocol;

/// <summary>
/// A run result over a body not parsed yet (what a successful answer gives) reads the same values as one over the DOM,
/// whether a member is read straight from the bytes or the DOM is built on demand; the transport's one-pass check sends
/// every body it cannot vouch for down the DOM path.
/// </summary>
public sealed class UnparsedRunResultTests
{
    [Theory]
    [InlineData("""{"error":null,"output":{"role":"assistant","content":"Hi \u00e9\n"}}""")]
    [InlineData("""{"output":{"content":"c","role":"assistant","extra":[1,{"role":"x"}]},"provider":null}""")]
    [InlineData("""{"output":{"role":"assistant","content":"one","content":"two"}}""")]
    [InlineData("""{"output":{"role":"assistant","content":[{"type":"text","text":"a"},"b"]}}""")]
    [InlineData("""{"output":[{"generated_text":[{"role":"user","content":"q"},{"role":"assistant","content":"a"}]}]}""")]
    [InlineData("""{"output":{"role":"assistant","content":null}}""")]
    [InlineData("""{"output":{"role":"assist\u0061nt","content":"escaped role"}}""")]
    [InlineData("""{"output":{"role":"tool","content":"a role read as it is"}}""")]

    // v1: the last message of the echoed conversation, read from the bytes when its role and content are strings.
    [InlineData("""{"output":[{"generated_text":[{"role":"assistant","content":"only one"}]}]}""")]
    [InlineData("""{"error":null,"output":[{"x":1,"generated_text":[{"role":"user","content":"q","n":[1]},{"content":"a","role":"assistant","k":{}}],"y":[]}],"z":2}""")]
    [InlineData("""{"output":[{"generated_text":[{"role":"user","content":"q"},{"role":"assistant","content":"first item"}]},{"generated_text":[{"role":"assistant","content":"second item"}]}]}""")]
    [InlineData("""{"output":[{"generated_text":[{"role":"user","content":"q"}],"generated_text":[{"role":"assistant","content":"twice"}]}]}""")]
    [InlineData("""{"output":[{"generated_text":[{"role":"user","content":"q"},{"role":"assistant","content":[{"type":"text","text":"blocks"}]}]}]}""")]
    [InlineData("""{"output":[{"generated_text":[{"role":"user","content":"q"},{"role":"assistant","content":null}]}]}""")]
    [InlineData("""{"output":[{"generated_text":[{"role":"user","content":"q"},{"role":"assistant","content":"a","content":"b"}]}]}""")]
    [InlineData("""{"output":[{"generated_text":[{"role":"user","content":"q"},{"role":"assistant","content":"multi-byte \u00e9 \ud83d\ude00 \n"}]}]}""")]
    public void Assistant_message_is_the_same_as_the_dom_reads(string body)
    {
        var (unparsed, dom) = Both(body);

        Assert.Equal(dom.GetAssistantMessage(), unparsed.GetAssistantMessage());
        Assert.Equal(dom.GetGeneratedText(), unparsed.GetGeneratedText());
    }

    [Theory]
    [InlineData("""{"error":null,"output":"plain text"}""")]
    [InlineData("""{"output":"first","output":"second"}""")]
    [InlineData("""{"output":[{"generated_text":"from v1"}]}""")]
    public void Generated_text_is_the_same_as_the_dom_reads(string body)
    {
        var (unparsed, dom) = Both(body);

        Assert.Equal(dom.GetGeneratedText(), unparsed.GetGeneratedText());
        Assert.Equal(dom.GetText(), unparsed.GetText());
    }

    [Fact]
    public void Dom_members_are_parsed_on_first_access_and_match()
    {
        const string Body = """{"error":null,"output":{"role":"assistant","content":"x"},"provider":{"usage":{"total_tokens":3}}}""";
        var (unparsed, dom) = Both(Body);

        Assert.Equal("x", unparsed.GetAssistantMessage().Content);
        Assert.Equal(dom.RawRepresentation.GetRawText(), unparsed.RawRepresentation.GetRawText());
        Assert.Equal(dom.Output!.Value.GetRawText(), unparsed.Output!.Value.GetRawText());
        Assert.Equal(3, unparsed.Provider!.Value.GetProperty("usage").GetProperty("total_tokens").GetInt32());
        Assert.Equal("x", unparsed.GetAssistantMessage().Content); // after the DOM exists: read from it
    }

    [Theory]
    [InlineData("""{"output":{"role":1,"content":"x"}}""")]
    [InlineData("""{"output":[{"generated_text":[{"role":"user","content":"q"},{"role":1,"content":"x"}]}]}""")]
    [InlineData("""{"output":[{"generated_text":[{"role":"user","content":"q"},"not a message"]}]}""")]
    [InlineData("""{"output":[{"generated_text":[]}]}""")]
    [InlineData("""{"output":["not an object"]}""")]
    [InlineData("""{"output":[]}""")]
    public void A_shape_that_is_not_a_message_throws_as_the_dom_path_does(string body)
    {
        var (unparsed, dom) = Both(body);

        var expected = Assert.Throws<BytezProtocolException>(() => dom.GetAssistantMessage());
        var actual = Assert.Throws<BytezProtocolException>(() => unparsed.GetAssistantMessage());
        Assert.Equal(expected.Message, actual.Message);
    }

    [Theory]
    [InlineData("""{"error":null,"output":"x"}""", true)]
    [InlineData("""{"output":"x"}""", true)]
    [InlineData("""[1,2]""", true)]
    [InlineData("""  "text"  """, true)]
    [InlineData("""{"error":"boom","output":"x"}""", false)]
    [InlineData("""{"error":false}""", false)]
    [InlineData("""{"error":null,"error":null}""", false)]
    [InlineData("""{"output":"x"} {}""", false)]
    [InlineData("""{"output":"x",}""", false)]
    [InlineData("""{"output":"x" /* c */}""", false)]
    [InlineData("""{"output":""", false)]
    [InlineData("""not json""", false)]
    public void The_one_pass_check_vouches_only_for_valid_bodies_without_an_error(string body, bool expected)
    {
        Assert.Equal(expected, JsonBody.IsValidWithoutError(Encoding.UTF8.GetBytes(body)));

        // Whatever it vouches for, the serializer (the DOM path) accepts too.
        if (expected)
        {
            _ = JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(body), BytezJsonContext.Default.JsonElement);
        }
    }

    [Fact]
    public void A_byte_order_mark_takes_the_dom_path()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. "{\"output\":\"x\"}"u8];

        Assert.False(JsonBody.IsValidWithoutError(body));
    }

    private static (BytezRunResult Unparsed, BytezRunResult Dom) Both(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        return (new BytezRunResult(bytes.AsMemory(), "org/model"), new BytezRunResult(JsonSerializer.Deserialize(bytes, BytezJsonContext.Default.JsonElement), "org/model"));
    }
}
