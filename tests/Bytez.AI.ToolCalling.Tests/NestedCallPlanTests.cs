using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling.Tests;

/// <summary>Case 17: the seed's nested Seattle call across rounds, with the state kept only in the history.</summary>
public class NestedCallPlanTests
{
    private static readonly ToolCallFormat Raven = ToolCallFormats.Pythonic;

    [Fact]
    public async Task Round_one_emits_the_inner_call_and_round_two_the_outer_call_without_the_model()
    {
        List<ChatMessage> history = [new(ChatRole.User, SeedTools.Query)];
        Assert.False(Raven.TryContinuePlan(history, SeedTools.Both, null, out _));

        // Round 1: the model's nested call yields only the innermost call.
        var round1 = Raven.Parse(SeedTools.NestedCall, SeedTools.Both);
        var inner = Assert.Single(round1.ToolCalls);
        Assert.Equal("C:get_coordinates_from_city{\"city_name\":\"Seattle\"}", ContentDescriber.Describe(round1.Contents));
        Assert.Equal(ChatFinishReason.ToolCalls, round1.FinishReason);
        history.Add(new ChatMessage(ChatRole.Assistant, [.. round1.Contents]));
        history.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(inner.CallId, await SeedTools.GetCoordinatesFromCity.InvokeAsync(new(inner.Arguments)))]));

        // Round 2: the outer call, with the inner result substituted, and no request to the model.
        Assert.True(Raven.TryContinuePlan(history, SeedTools.Both, null, out var round2));
        var outer = Assert.Single(round2.ToolCalls);
        Assert.Equal("C:get_weather_data{\"coordinates\":[47.6062,-122.3321]}", ContentDescriber.Describe(round2.Contents));
        Assert.Equal(ChatFinishReason.ToolCalls, round2.FinishReason);
        Assert.NotEqual(inner.CallId, outer.CallId);
        history.Add(new ChatMessage(ChatRole.Assistant, [.. round2.Contents]));
        history.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(outer.CallId, await SeedTools.GetWeatherData.InvokeAsync(new(outer.Arguments)))]));

        // Round 3: nothing left to call; the model is asked for the answer with the results.
        Assert.False(Raven.TryContinuePlan(history, SeedTools.Both, null, out _));
        var answerPrompt = Raven.Render(history, SeedTools.Both, null);
        Assert.Equal(
            "User Query: What's the weather like in Seattle right now?\n\n" +
            "Function Results:\n" +
            "get_coordinates_from_city(city_name='Seattle') -> [47.6062,-122.3321]\n" +
            "get_weather_data(coordinates=[47.6062, -122.3321]) -> 12.5\n\n" +
            "Answer the User Query using the Function Results.<human_end>\n",
            answerPrompt.Prompt);
    }

    [Fact]
    public async Task The_plan_survives_a_json_round_trip_of_the_history()
    {
        List<ChatMessage> history = [new(ChatRole.User, SeedTools.Query)];
        var inner = Raven.Parse(SeedTools.NestedCall, SeedTools.Both).ToolCalls[0];
        history.Add(new ChatMessage(ChatRole.Assistant, [inner]));
        history.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(inner.CallId, await SeedTools.GetCoordinatesFromCity.InvokeAsync(new(inner.Arguments)))]));

        string json = JsonSerializer.Serialize(history, AIJsonUtilities.DefaultOptions);
        var restored = JsonSerializer.Deserialize<List<ChatMessage>>(json, AIJsonUtilities.DefaultOptions)!;

        Assert.True(Raven.TryContinuePlan(restored, SeedTools.Both, null, out var round2));
        Assert.Equal("C:get_weather_data{\"coordinates\":[47.6062,-122.3321]}", ContentDescriber.Describe(round2.Contents));
    }

    [Fact]
    public void A_failed_inner_call_ends_the_plan_and_the_answer_prompt_shows_the_error()
    {
        List<ChatMessage> history = [new(ChatRole.User, SeedTools.Query)];
        var inner = Raven.Parse(SeedTools.NestedCall, SeedTools.Both).ToolCalls[0];
        history.Add(new ChatMessage(ChatRole.Assistant, [inner]));
        history.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(inner.CallId, "Error: Function failed.")]));

        Assert.False(Raven.TryContinuePlan(history, SeedTools.Both, null, out _));
        Assert.Contains("get_coordinates_from_city(city_name='Seattle') -> Error: Function failed.\n", Raven.Render(history, SeedTools.Both, null).Prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeper_nesting_and_parallel_statements_resolve_layer_by_layer()
    {
        int n = 0;
        var options = new ToolCallParseOptions { CallIdFactory = () => $"c{++n}" };
        List<ChatMessage> history = [new(ChatRole.User, "q")];
        var round1 = Raven.Parse("Call: get_time(); get_weather(city=get_weather(city=get_weather(city='a')), unit='x')<bot_end>", TestTools.All, options);
        Assert.Equal("C:get_time{}|C:get_weather{\"city\":\"a\"}", ContentDescriber.Describe(round1.Contents));

        history.Add(new ChatMessage(ChatRole.Assistant, [.. round1.Contents]));
        history.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent("c1", "noon"), new FunctionResultContent("c2", "b")]));
        Assert.True(Raven.TryContinuePlan(history, TestTools.All, options, out var round2));
        Assert.Equal("C:get_weather{\"city\":\"b\"}", ContentDescriber.Describe(round2.Contents));

        history.Add(new ChatMessage(ChatRole.Assistant, [.. round2.Contents]));
        history.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(round2.ToolCalls[0].CallId, "c")]));
        Assert.True(Raven.TryContinuePlan(history, TestTools.All, options, out var round3));
        Assert.Equal("C:get_weather{\"city\":\"c\",\"unit\":\"x\"}", ContentDescriber.Describe(round3.Contents));

        history.Add(new ChatMessage(ChatRole.Assistant, [.. round3.Contents]));
        history.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(round3.ToolCalls[0].CallId, "d")]));
        Assert.False(Raven.TryContinuePlan(history, TestTools.All, options, out _));
    }

    [Fact]
    public void A_new_user_message_ends_an_unfinished_plan()
    {
        List<ChatMessage> history = [new(ChatRole.User, SeedTools.Query)];
        var inner = Raven.Parse(SeedTools.NestedCall, SeedTools.Both).ToolCalls[0];
        history.Add(new ChatMessage(ChatRole.Assistant, [inner]));
        history.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(inner.CallId, "[1, 2]")]));
        history.Add(new ChatMessage(ChatRole.User, "Never mind."));

        Assert.False(Raven.TryContinuePlan(history, SeedTools.Both, null, out _));
    }

    [Fact]
    public void Other_formats_never_continue_a_plan()
    {
        List<ChatMessage> history = [new(ChatRole.User, SeedTools.Query)];
        var inner = Raven.Parse(SeedTools.NestedCall, SeedTools.Both).ToolCalls[0];
        history.Add(new ChatMessage(ChatRole.Assistant, [inner]));
        history.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(inner.CallId, "[1, 2]")]));

        Assert.False(ToolCallFormats.Hermes.TryContinuePlan(history, SeedTools.Both, null, out var none));
        Assert.Null(none);
    }
}
