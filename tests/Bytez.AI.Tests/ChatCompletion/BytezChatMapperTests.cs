using System.Text.Json;
using System.Text.Json.Nodes;
using Bytez.AI.ChatCompletion;
using Microsoft.Extensions.AI;
using NSubstitute;

namespace Bytez.AI.Tests.ChatCompletion;

public class BytezChatMapperTests
{
    private static readonly IChatClient NoClient = Substitute.For<IChatClient>();

    [Fact]
    public void ToParameters_NullOptions_IsEmpty()
    {
        Assert.True(JsonNode.DeepEquals(new JsonObject(), BytezChatMapper.ToParameters(null, NoClient)));
    }

    [Fact]
    public void ToParameters_StronglyTypedOptions_AllMapped()
    {
        var options = new ChatOptions
        {
            Temperature = 0.5f,
            TopP = 0.9f,
            TopK = 40,
            MaxOutputTokens = 64,
            StopSequences = ["\nUser:", "###"],
            Seed = 42,
            FrequencyPenalty = 0.25f,
            PresencePenalty = 0.75f,
        };

        JsonObject parameters = BytezChatMapper.ToParameters(options, NoClient);

        AssertJson("""
            {"temperature":0.5,"do_sample":true,"top_p":0.9,"top_k":40,"max_new_tokens":64,
             "stop_strings":["\nUser:","###"],"seed":42,"repetition_penalty":1.25}
            """, parameters);
    }

    [Fact]
    public void ToParameters_TemperatureZero_IsGreedyWithoutTemperature()
    {
        AssertJson("""{"do_sample":false}""", BytezChatMapper.ToParameters(new ChatOptions { Temperature = 0 }, NoClient));
    }

    [Fact]
    public void ToParameters_PresencePenaltyAlone_MapsToRepetitionPenalty()
    {
        AssertJson("""{"repetition_penalty":1.5}""", BytezChatMapper.ToParameters(new ChatOptions { PresencePenalty = 0.5f }, NoClient));
    }

    [Fact]
    public void ToParameters_PenaltyOfMinusOneOrLess_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BytezChatMapper.ToParameters(new ChatOptions { FrequencyPenalty = -1 }, NoClient));
    }

    [Fact]
    public void ToParameters_RawRepresentation_IsNotOverwrittenAndNotMutated()
    {
        var raw = new JsonObject { ["temperature"] = 0.1, ["max_new_tokens"] = 5, ["num_beams"] = 2 };
        IChatClient? seenClient = null;
        var options = new ChatOptions
        {
            RawRepresentationFactory = c => { seenClient = c; return raw; },
            Temperature = 0.9f,
            MaxOutputTokens = 50,
            TopP = 0.8f,
            AdditionalProperties = new() { ["num_beams"] = 7, ["min_new_tokens"] = 3 },
        };

        JsonObject parameters = BytezChatMapper.ToParameters(options, NoClient);

        AssertJson("""{"temperature":0.1,"max_new_tokens":5,"num_beams":2,"do_sample":true,"top_p":0.8,"min_new_tokens":3}""", parameters);
        Assert.Same(NoClient, seenClient);
        Assert.Equal(3, raw.Count);
    }

    [Fact]
    public void ToParameters_AdditionalProperties_PassThroughVerbatimAndWinOverTypedOptions()
    {
        var options = new ChatOptions
        {
            Temperature = 0.7f,
            AdditionalProperties = new()
            {
                ["temperature"] = 1.5,
                ["num_beams"] = 4,
                ["early_stopping"] = true,
                ["eos_token_id"] = null,
                ["length_penalty"] = 1.25m,
                ["bad_words"] = new[] { "a", "b" },
                ["stream_options"] = new Dictionary<string, object> { ["include_usage"] = true },
                ["element"] = JsonDocument.Parse("""{"x":[1,2]}""").RootElement,
                ["node"] = new JsonObject { ["y"] = "z" },
                ["mode"] = DayOfWeek.Friday,
            },
        };

        AssertJson("""
            {"temperature":1.5,"num_beams":4,"early_stopping":true,"eos_token_id":null,"length_penalty":1.25,
             "bad_words":["a","b"],"stream_options":{"include_usage":true},"element":{"x":[1,2]},"node":{"y":"z"},"mode":"Friday","do_sample":true}
            """, BytezChatMapper.ToParameters(options, NoClient));
    }

    [Fact]
    public void ToTurns_Instructions_PrependedAsSystemMessage()
    {
        List<BytezChatMessage> turns = BytezChatMapper.ToTurns([new(ChatRole.User, "Hi")], new ChatOptions { Instructions = "Be brief." }, "m/x");

        Assert.Equal([new BytezChatMessage("system", "Be brief."), new BytezChatMessage("user", "Hi")], turns);
    }

    [Fact]
    public void ToTurns_Instructions_MergedIntoLeadingSystemMessage()
    {
        List<BytezChatMessage> turns = BytezChatMapper.ToTurns(
            [new(ChatRole.System, "You are a pirate."), new(ChatRole.User, "Hi")],
            new ChatOptions { Instructions = "Be brief." },
            "m/x");

        Assert.Equal([new BytezChatMessage("system", "Be brief.\n\nYou are a pirate."), new BytezChatMessage("user", "Hi")], turns);
    }

    [Fact]
    public void ToTurns_EmptyMessagesSkipped_MultipleTextsConcatenated_ToolContentLeftOut()
    {
        List<BytezChatMessage> turns = BytezChatMapper.ToTurns(
            [
                new(ChatRole.System, []),
                new(ChatRole.User, []),
                new(ChatRole.Assistant, [new FunctionCallContent("c1", "F")]),
                new(ChatRole.User, [new TextContent("What is "), new TextContent("1 + 2?")]),
            ],
            null,
            "m/x");

        Assert.Equal([new BytezChatMessage("user", "What is 1 + 2?")], turns);
    }

    [Fact]
    public void ToTurns_Image_ThrowsNotSupportedNamingTheContent()
    {
        var ex = Assert.Throws<NotSupportedException>(() => BytezChatMapper.ToTurns(
            [new(ChatRole.User, [new TextContent("What is this?"), new DataContent(new byte[] { 1, 2, 3 }, "image/png")])],
            null,
            "openai-community/gpt2"));

        Assert.Contains("DataContent", ex.Message, StringComparison.Ordinal);
        Assert.Contains("image/png", ex.Message, StringComparison.Ordinal);
        Assert.Contains("openai-community/gpt2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToTurns_JsonSchemaFormat_AddsInstructionWithSchema()
    {
        var format = ChatResponseFormat.ForJsonSchema(JsonDocument.Parse("""{"type":"object","properties":{"name":{"type":"string"}}}""").RootElement, "person", "A person");

        List<BytezChatMessage> turns = BytezChatMapper.ToTurns([new(ChatRole.User, "Who?")], new ChatOptions { ResponseFormat = format }, "m/x");

        BytezChatMessage system = turns[0];
        Assert.Equal("system", system.Role);
        Assert.StartsWith("Respond only with a single JSON value", system.Content, StringComparison.Ordinal);
        Assert.Contains("Schema name: person", system.Content, StringComparison.Ordinal);
        Assert.Contains("Description: A person", system.Content, StringComparison.Ordinal);
        Assert.Contains("""{"type":"object","properties":{"name":{"type":"string"}}}""", system.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void ToTurns_JsonFormatWithoutSchema_AddsPlainJsonInstruction()
    {
        List<BytezChatMessage> turns = BytezChatMapper.ToTurns([new(ChatRole.User, "Who?")], new ChatOptions { ResponseFormat = ChatResponseFormat.Json }, "m/x");

        Assert.Equal("Respond only with valid JSON: a single JSON value, with no code fences and no other text.", turns[0].Content);
    }

    [Theory]
    [InlineData("```json\n{\"a\":1}\n```", "{\"a\":1}")]
    [InlineData("  ```\n[1,2]\n```  ", "[1,2]")]
    [InlineData("{\"a\":1}", "{\"a\":1}")]
    public void StripJsonFences_RemovesSurroundingFence(string reply, string expected)
    {
        Assert.Equal(expected, BytezChatMapper.StripJsonFences(reply));
    }

    [Fact]
    public void ReadStopSequencesAndMaxNewTokens_FromEffectiveParams()
    {
        var parameters = JsonNode.Parse("""{"stop_strings":["a","b"],"max_new_tokens":12}""")!.AsObject();

        Assert.Equal(["a", "b"], BytezChatMapper.ReadStopSequences(parameters));
        Assert.Equal(12, BytezChatMapper.ReadMaxNewTokens(parameters));
        Assert.Equal(["x"], BytezChatMapper.ReadStopSequences(JsonNode.Parse("""{"stop_strings":"x"}""")!.AsObject()));
        Assert.Null(BytezChatMapper.ReadMaxNewTokens(new JsonObject()));
    }

    [Theory]
    [InlineData("one two three", 3, false, "length")]
    [InlineData("one two", 3, false, "stop")]
    [InlineData("one two three", 3, true, "stop")]
    [InlineData("one two three", null, false, "stop")]
    public void ToFinishReason_WordCountHeuristic(string reply, int? maxNewTokens, bool stopped, string expected)
    {
        Assert.Equal(new ChatFinishReason(expected), BytezChatMapper.ToFinishReason(reply, maxNewTokens, stopped));
    }

    [Fact]
    public void NewResponseId_IsUniqueChatCompletionStyle()
    {
        string[] ids = [.. Enumerable.Range(0, 64).Select(_ => BytezChatMapper.NewResponseId())];

        Assert.All(ids, id => Assert.Matches("^chatcmpl-[0-9a-f]{32}$", id));
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());

        // Every digit position takes more than one value: no position is stuck (a shift or mask lost would show here).
        for (int position = "chatcmpl-".Length; position < ids[0].Length; position++)
        {
            Assert.True(ids.Select(id => id[position]).Distinct().Count() > 1, $"digit {position} never changes");
        }
    }

    private static void AssertJson(string expected, JsonNode actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"Expected {expected} but got {actual.ToJsonString()}");
}
