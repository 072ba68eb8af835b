using Microsoft.Extensions.AI;

namespace Bytez.AI.ToolCalling.Tests.Templates;

/// <summary>
/// Template fidelity: for one conversation (a system message, a question, an assistant message with text and two calls,
/// their results, one failed), the messages each format renders are put through the model's chat template the way the
/// server applies it, without tools (<see cref="ServedTemplates"/>), and compared with the template's own output when it
/// is given the tools, calls and results natively (<see cref="TemplateGoldens"/>, rendered by Jinja2 from the template
/// source named on each). Where a message list cannot reach a place the template writes to, the test names the
/// difference and checks that it is the only one.
/// </summary>
public class ChatTemplateGoldenTests
{
    private static readonly IReadOnlyList<AIFunctionDeclaration> Tools = [TestTools.GetWeather, TestTools.GetTime];

    [Fact]
    public void Qwen25_matches_its_template_exactly()
    {
        // Source: Qwen/Qwen2.5-7B-Instruct tokenizer_config.json chat_template (llama.cpp models/templates/Qwen-Qwen2.5-7B-Instruct.jinja).
        var format = new HermesToolCallFormat(HermesTemplate.Qwen25);

        var messages = format.Render(Conversation(), Tools, null).Messages!;

        Assert.Equal(["system", "user", "assistant", "user"], messages.Select(static m => m.Role));
        Assert.Equal(TemplateGoldens.Qwen, ServedTemplates.Qwen25(messages));
    }

    [Fact]
    public void Qwen25_writes_the_default_system_line_when_the_conversation_has_none()
    {
        var messages = new HermesToolCallFormat(HermesTemplate.Qwen25).Render(Conversation(system: false), Tools, null).Messages!;

        Assert.StartsWith("You are Qwen, created by Alibaba Cloud. You are a helpful assistant.\n\n# Tools\n\n", messages[0].Content, StringComparison.Ordinal);
        Assert.Equal(TemplateGoldens.Qwen25NoSystem, ServedTemplates.Qwen25(messages));
    }

    [Fact]
    public void Qwen3_matches_its_template_exactly()
    {
        // Source: Qwen/Qwen3-0.6B chat template (llama.cpp models/templates/Qwen-Qwen3-0.6B.jinja), the same for the Qwen3 family.
        var messages = new HermesToolCallFormat(HermesTemplate.Qwen3).Render(Conversation(), Tools, null).Messages!;

        Assert.Equal(TemplateGoldens.Qwen, ServedTemplates.Qwen3(messages));
    }

    [Fact]
    public void Qwen3_gives_reasoning_back_so_the_template_keeps_it_within_the_turn()
    {
        var messages = new HermesToolCallFormat(HermesTemplate.Qwen3)
            .Render(Conversation(system: false, reasoning: "I need the weather and the time."), Tools, null).Messages!;

        Assert.StartsWith("# Tools\n\n", messages[0].Content, StringComparison.Ordinal);
        Assert.StartsWith("<think>\nI need the weather and the time.\n</think>\n\nChecking.\n<tool_call>", messages[2].Content, StringComparison.Ordinal);
        Assert.Equal(TemplateGoldens.Qwen3NoSystemWithReasoning, ServedTemplates.Qwen3(messages));
    }

    [Theory]
    [InlineData("NousResearch/Hermes-2-Pro-Llama-3-8B")]
    [InlineData("NousResearch/Hermes-3-Llama-3.1-8B")]
    public void Hermes_models_get_their_own_tool_use_prompt_and_results_as_role_tool(string modelId)
    {
        const string Golden = TemplateGoldens.HermesToolUse;
        // Source: the models' "tool_use" chat template (llama.cpp models/templates/NousResearch-Hermes-2-Pro-Llama-3-8B-tool_use.jinja
        // and NousResearch-Hermes-3-Llama-3.1-8B-tool_use.jinja); without tools the server applies their default ChatML template.
        var format = ToolCallFormats.ForModel(modelId);

        var messages = format.Render(Conversation(), Tools, null).Messages!;

        Assert.Equal(HermesTemplate.NousHermes, Assert.IsType<HermesToolCallFormat>(format).Template);
        Assert.Equal(["system", "system", "user", "assistant", "tool"], messages.Select(static m => m.Role));

        // The only difference: the tool_use template ends a tool turn with "<|im_end|>" and no line break; ChatML adds one.
        string expected = Golden.Replace("</tool_response><|im_end|><|im_start|>assistant\n", "</tool_response><|im_end|>\n<|im_start|>assistant\n", StringComparison.Ordinal);
        Assert.NotEqual(Golden, expected);
        Assert.Equal(expected, ServedTemplates.ChatMl(messages, "<|begin_of_text|>"));
    }

    [Fact]
    public void Llama3_matches_its_template_but_for_where_the_environment_line_goes()
    {
        const string Golden = TemplateGoldens.Llama3;

        // Source: meta-llama/Llama-3.1-8B-Instruct and Llama-3.2-3B-Instruct chat templates (llama.cpp models/templates/
        // meta-llama-Llama-3.1-8B-Instruct.jinja, meta-llama-Llama-3.2-3B-Instruct.jinja). The template takes one call per message.
        var messages = ToolCallFormats.Llama3Json.Render(Conversation(twoCalls: false), Tools, null).Messages!;

        Assert.Equal(["system", "user", "assistant", "ipython"], messages.Select(static m => m.Role));

        // The only difference: the template writes "Environment: ipython" above the date lines of the system header; a
        // message can only add to the header after them.
        const string Dates = "Cutting Knowledge Date: December 2023\nToday Date: 26 Jul 2024\n\n";
        string expected = Golden.Replace("Environment: ipython\n" + Dates, Dates + "Environment: ipython\n", StringComparison.Ordinal);
        Assert.NotEqual(Golden, expected);
        Assert.Equal(expected, ServedTemplates.Llama3(messages));
    }

    [Fact]
    public void Mistral_v03_matches_its_template_but_for_what_a_message_list_cannot_place()
    {
        // Source: mistralai/Mistral-7B-Instruct-v0.3 tokenizer_config.json chat_template (the revision that keeps the system
        // prompt in the last user message: "message == user_messages[-1]").
        var messages = ToolCallFormats.Mistral.Render(Conversation(), Tools, null).Messages!;

        Assert.Equal(["user", "assistant", "user"], messages.Select(static m => m.Role));
        Assert.Equal(MistralAsServed(TemplateGoldens.MistralV03, v3: true), ServedTemplates.Mistral(messages, v3: true));
    }

    [Fact]
    public void Mistral_Nemo_matches_its_template_but_for_what_a_message_list_cannot_place()
    {
        // Source: mistralai/Mistral-Nemo-Instruct-2407 chat template (llama.cpp models/templates/mistralai-Mistral-Nemo-Instruct-2407.jinja).
        // Its template writes the system prompt only into a user message that ends the conversation: here it has none.
        var format = ToolCallFormats.ForModel("mistralai/Mistral-Nemo-Instruct-2407");

        var messages = format.Render(Conversation(), Tools, null).Messages!;

        Assert.Equal(MistralTemplate.Tekken, Assert.IsType<MistralToolCallFormat>(format).Template);
        Assert.DoesNotContain("Be brief.", messages[0].Content, StringComparison.Ordinal);
        Assert.Equal(MistralAsServed(TemplateGoldens.MistralNemo, v3: false), ServedTemplates.Mistral(messages, v3: false));
    }

    [Fact]
    public void Mistral_Nemo_writes_the_system_prompt_when_the_question_ends_the_conversation()
    {
        List<ChatMessage> conversation = [new(ChatRole.System, "Be brief."), new(ChatRole.User, "Weather in Paris?")];

        var messages = ToolCallFormats.ForModel("mistralai/Mistral-Nemo-Instruct-2407").Render(conversation, [TestTools.GetTime], null).Messages!;

        Assert.EndsWith("[/AVAILABLE_TOOLS]Be brief.\n\nWeather in Paris?", Assert.Single(messages).Content, StringComparison.Ordinal);
    }

    [Fact]
    public void NexusRaven_renders_the_model_card_prompt()
    {
        // Source: NexusRaven-V2's model card prompt, as the seed's function-calling example (docs: seed-bytez-js-api.md)
        // and nexusflowai/NexusRaven-V2 How-To-Prompt.ipynb write it. The tools' JSON schemas say "array", so where the
        // card says "tuple" the prompt says "list".
        const string ModelCard = """

            Function:
            def get_weather_data(coordinates):
                \"\"\"
                Fetches weather data from the Open-Meteo API for the given latitude and longitude.

                Args:
                coordinates (tuple): The latitude and longitude of the location.

                Returns:
                float: The current temperature in the coordinates you've asked for
                \"\"\"

            Function:
            def get_coordinates_from_city(city_name):
                \"\"\"
                Fetches the latitude and longitude of a given city name using the Maps.co Geocoding API.

                Args:
                city_name (str): The name of the city.

                Returns:
                tuple: The latitude and longitude of the city.
                \"\"\"

            User Query: What's the weather like in Seattle right now?<human_end>

            """;

        var prompt = ToolCallFormats.Pythonic.Render([new(ChatRole.User, SeedTools.Query)], SeedTools.Both, null);

        string expected = ModelCard.Replace("\\\"", "\"", StringComparison.Ordinal)
            .Replace("coordinates (tuple)", "coordinates (list)", StringComparison.Ordinal)
            .Replace("    tuple: The latitude", "    list: The latitude", StringComparison.Ordinal);
        Assert.Equal(expected, prompt.Prompt);
    }

    /// <summary>
    /// The template's output as a message list can give it. A message list cannot put the tools block before
    /// <c>[INST]</c> (it goes first inside the last user turn), v0.3 puts a space before every assistant turn (so before
    /// <c>[TOOL_CALLS]</c>), and results go in a user turn (<c>[INST] ...[/INST]</c>): a Mistral template renders only
    /// user and assistant messages from a list without tool calls.
    /// </summary>
    private static string MistralAsServed(string golden, bool v3)
    {
        string inst = v3 ? "[INST] " : "[INST]";
        string tools = v3 ? "[AVAILABLE_TOOLS] [" : "[AVAILABLE_TOOLS][";
        string calls = v3 ? "[TOOL_CALLS] [" : "[TOOL_CALLS][";
        int toolsStart = golden.IndexOf(tools, StringComparison.Ordinal);
        int toolsEnd = golden.IndexOf("[/AVAILABLE_TOOLS]", StringComparison.Ordinal) + "[/AVAILABLE_TOOLS]".Length;
        string expected = golden[..toolsStart] + inst + golden[toolsStart..toolsEnd] + golden[(toolsEnd + inst.Length)..];
        expected = expected.Replace("[/INST]" + calls, "[/INST]" + (v3 ? " " : string.Empty) + calls, StringComparison.Ordinal);
        int results = expected.IndexOf("</s>[TOOL_RESULTS]", StringComparison.Ordinal) + "</s>".Length;
        return expected[..results] + inst + expected[results..] + "[/INST]";
    }

    private static List<ChatMessage> Conversation(bool system = true, bool twoCalls = true, string? reasoning = null)
    {
        List<ChatMessage> messages = system ? [new(ChatRole.System, "Be brief.")] : [];
        messages.Add(new(ChatRole.User, "Weather and time in Paris?"));

        List<AIContent> assistant = reasoning is null ? [] : [new TextReasoningContent(reasoning)];
        assistant.Add(new TextContent("Checking."));
        assistant.Add(new FunctionCallContent("abcDEF123", "get_weather", new Dictionary<string, object?> { ["city"] = "Paris" }));
        List<AIContent> results = [new FunctionResultContent("abcDEF123", "15 celsius in Paris")];
        if (twoCalls)
        {
            assistant.Add(new FunctionCallContent("xyz789QRS", "get_time", new Dictionary<string, object?>()));
            results.Add(new FunctionResultContent("xyz789QRS", null) { Exception = new InvalidOperationException("clock is broken") });
        }

        messages.Add(new(ChatRole.Assistant, assistant));
        messages.Add(new(ChatRole.Tool, results));
        return messages;
    }
}
