using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling.Tests;

public class FormatSelectionTests
{
    [Theory]
    [InlineData("Nexusflow/NexusRaven-V2-13B", "pythonic")]
    [InlineData("Qwen/Qwen2.5-7B-Instruct", "hermes")]
    [InlineData("Qwen/Qwen3-8B", "hermes")]
    [InlineData("NousResearch/Hermes-2-Pro-Llama-3-8B", "hermes")]
    [InlineData("NousResearch/Hermes-3-Llama-3.1-8B", "hermes")]
    [InlineData("meta-llama/Llama-3.1-8B-Instruct", "llama3")]
    [InlineData("meta-llama/Meta-Llama-3.1-8B-Instruct", "llama3")]
    [InlineData("meta-llama/Llama-3.2-3B-Instruct", "llama3")]
    [InlineData("meta-llama/Llama-3.3-70B-Instruct", "llama3")]
    [InlineData("meta-llama/Meta-Llama-3-8B-Instruct", "hermes")]
    [InlineData("mistralai/Mistral-7B-Instruct-v0.3", "mistral")]
    [InlineData("mistralai/Mistral-7B-Instruct-v0.2", "hermes")]
    [InlineData("Qwen/Qwen2-7B-Instruct", "hermes")]
    [InlineData("microsoft/Phi-3-mini-4k-instruct", "hermes")]
    [InlineData("openai-community/gpt2", "hermes")]
    public void ForModel_picks_the_format_of_the_table(string modelId, string expected)
    {
        Assert.Equal(expected, ToolCallFormats.ForModel(modelId).Name);
    }

    [Theory]
    [InlineData("pythonic")]
    [InlineData("hermes")]
    [InlineData("LLAMA3")]
    [InlineData("mistral")]
    public void Formats_are_found_by_name(string name)
    {
        Assert.True(ToolCallFormats.TryGetByName(name, out var format));
        Assert.Equal(name.ToLowerInvariant(), format.Name);
        Assert.Same(format, ToolCallFormats.GetByName(name));
    }

    [Fact]
    public void An_unknown_name_is_refused_with_the_known_names()
    {
        Assert.False(ToolCallFormats.TryGetByName("chatml", out _));
        var ex = Assert.Throws<ArgumentException>(() => ToolCallFormats.GetByName("chatml"));
        Assert.Contains("pythonic, hermes, llama3, mistral", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_call_ids_are_distinct()
    {
        string text = string.Concat(Enumerable.Repeat("<tool_call>{\"name\": \"get_time\", \"arguments\": {}}</tool_call>", 20));

        var ids = ToolCallFormats.Hermes.Parse(text, TestTools.All).ToolCalls.Select(static c => c.CallId).ToList();

        Assert.Equal(20, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^call_[0-9a-f]{24}$", id));
    }

    [Fact]
    public void Mistral_call_ids_are_nine_alphanumerics_unless_the_model_gave_one()
    {
        var result = ToolCallFormats.Mistral.Parse(
            "[TOOL_CALLS] [{\"name\": \"get_time\", \"arguments\": {}}, {\"name\": \"get_time\", \"arguments\": {}, \"id\": \"given1234\"}]", TestTools.All);

        Assert.Matches(new Regex("^[a-zA-Z0-9]{9}$"), result.ToolCalls[0].CallId);
        Assert.Equal("given1234", result.ToolCalls[1].CallId);
    }

    [Fact]
    public void A_call_id_factory_replaces_the_default()
    {
        int n = 0;
        var options = new ToolCallParseOptions { CallIdFactory = () => $"id{++n}" };

        var result = ToolCallFormats.Pythonic.Parse("Call: get_time(); get_time()", TestTools.All, options);

        Assert.Equal(["id1", "id2"], result.ToolCalls.Select(static c => c.CallId));
    }

    [Fact]
    public async Task Arguments_are_json_elements_that_bind_to_the_function()
    {
        var result = ToolCallFormats.Hermes.Parse("<tool_call>{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\", \"unit\": \"kelvin\"}}</tool_call>", TestTools.All);
        var call = Assert.Single(result.ToolCalls);

        var value = await TestTools.GetWeather.InvokeAsync(new AIFunctionArguments(call.Arguments));

        Assert.Equal("15 kelvin in Paris", value?.ToString());
    }
}
