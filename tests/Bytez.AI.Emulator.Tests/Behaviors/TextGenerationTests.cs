using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors;

namespace Bytez.AI.Emulator.Tests.Behaviors;

public sealed class TextGenerationTests
{
    private const string Gpt2 = "openai-community/gpt2";
    private const string Prompt = "Once upon a time there was a";

    [Fact]
    public void Echoes_the_prompt_and_adds_twenty_words_by_default()
    {
        string text = Emulate.Text(Gpt2, Prompt);
        Assert.StartsWith(Prompt + " ", text, StringComparison.Ordinal);
        Assert.Equal(7 + 20, Emulate.WordCount(text));
    }

    [Theory]
    [InlineData("""{"max_new_tokens": 1, "min_new_tokens": 1}""", 1)]
    [InlineData("""{"max_new_tokens": 5}""", 5)]
    [InlineData("""{"max_new_tokens": 0}""", 0)]
    [InlineData("""{"max_new_tokens": 500, "min_new_tokens": 50}""", 500)]
    [InlineData("""{"max_new_tokens": 5000}""", 512)]
    [InlineData("""{"max_new_tokens": 3, "min_new_tokens": 8}""", 8)]
    [InlineData("""{"min_new_tokens": 30}""", 30)]
    [InlineData("""{"max_length": 10}""", 3)]
    [InlineData("""{"max_new_tokens": "4"}""", 4)]
    public void Word_count_is_prompt_plus_new_tokens(string parameters, int newTokens)
    {
        string text = Emulate.Text(Gpt2, Prompt, parameters);
        Assert.Equal(7 + newTokens, Emulate.WordCount(text));
        Assert.StartsWith(Prompt, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Shorter_generations_are_prefixes_of_longer_ones()
    {
        string shortText = Emulate.Text(Gpt2, Prompt, """{"max_new_tokens": 4}""");
        string longText = Emulate.Text(Gpt2, Prompt, """{"max_new_tokens": 40}""");
        Assert.StartsWith(shortText, longText, StringComparison.Ordinal);
    }

    [Fact]
    public void Different_prompts_and_models_continue_differently()
    {
        string a = Emulate.Text(Gpt2, "Jack and Jill")["Jack and Jill".Length..];
        string b = Emulate.Text(Gpt2, "Humpty Dumpty")["Humpty Dumpty".Length..];
        string c = Emulate.Text("Qwen/Qwen2-7B-Instruct", "Jack and Jill")["Jack and Jill".Length..];
        Assert.NotEqual(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Prompt_ending_in_whitespace_gets_no_double_space()
    {
        string text = Emulate.Text(Gpt2, "Hello ", """{"max_new_tokens": 3}""");
        Assert.DoesNotContain("  ", text, StringComparison.Ordinal);
        Assert.Equal(4, Emulate.WordCount(text));
    }

    [Fact]
    public void Hand_built_requests_with_clr_values_work()
    {
        var model = Emulate.Model(Gpt2);
        var request = new EmulatorRunRequest(model, JsonValue.Create(Prompt), new JsonObject { ["max_new_tokens"] = 3 }, new JsonObject(), false);
        string text = TaskBehaviors.For(model).Run(request)["output"]![0]!["generated_text"]!.GetValue<string>();
        Assert.Equal(7 + 3, Emulate.WordCount(text));
    }

    [Fact]
    public void Stop_sequences_cut_the_continuation()
    {
        string full = Emulate.Text(Gpt2, Prompt, """{"max_new_tokens": 30}""");
        string continuation = full[Prompt.Length..];
        string stopWord = continuation.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3];
        string stopped = Emulate.Text(Gpt2, Prompt, $$"""{"max_new_tokens": 30, "stop": ["{{stopWord}}"]}""");
        Assert.Equal(full[..(Prompt.Length + continuation.IndexOf(stopWord, StringComparison.Ordinal))], stopped);
    }

    [Fact]
    public void Stream_echoes_the_prompt_in_word_chunks_that_concatenate_to_the_output()
    {
        const string body = """{"input": "Jack and Jill", "stream": true, "params": {"max_new_tokens": 6}}""";
        IReadOnlyList<string> chunks = Emulate.Stream(Gpt2, body)!;
        Assert.Equal(["Jack", " and", " Jill"], chunks.Take(3));
        Assert.Equal(3 + 6, chunks.Count);
        Assert.All(chunks.Skip(1), c => Assert.StartsWith(" ", c, StringComparison.Ordinal));
        Assert.Equal(Emulate.Output(Gpt2, body)[0]!["generated_text"]!.GetValue<string>(), string.Concat(chunks));
    }

    [Fact]
    public void Chat_returns_the_conversation_with_the_reply_last()
    {
        JsonNode output = Emulate.Output("microsoft/Phi-3-mini-4k-instruct", """
            {"input": [{"role": "system", "content": "You are a friendly chatbot"},
                       {"role": "user", "content": "What is the capital of England?"}],
             "params": {"max_length": 100}}
            """);
        JsonArray conversation = output[0]!["generated_text"]!.AsArray();
        Assert.Equal(3, conversation.Count);
        Assert.Equal("You are a friendly chatbot", conversation[0]!["content"]!.GetValue<string>());
        Assert.Equal("assistant", conversation[2]!["role"]!.GetValue<string>());
        Assert.Equal("The capital of England is London.", conversation[2]!["content"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("What is the capital of France?", "The capital of France is Paris.")]
    [InlineData("what is 2+2", "2 + 2 = 4.")]
    [InlineData("What is 1 + 2? Reply with a single number.", "1 + 2 = 3.")]
    [InlineData("What is 6 * 7?", "6 * 7 = 42.")]
    [InlineData("What's the biggest animal?", "The blue whale is the biggest animal on Earth.")]
    [InlineData("Hello!", "Hello! How can I help you today?")]
    [InlineData("Quote, word for word, Neil Armstrong's famous words.", "Neil Armstrong said: \"That's one small step for man, one giant leap for mankind.\"")]
    public void Chat_answers_from_the_canned_table(string question, string expected)
    {
        Assert.Equal(expected, Reply("Qwen/Qwen2-7B-Instruct", [("user", question)]));
    }

    [Fact]
    public void Chat_uses_the_whole_conversation_for_continents()
    {
        string reply = Reply("Qwen/Qwen2-7B-Instruct",
        [
            ("user", "Pick a city, any city"), ("assistant", "Seattle"), ("user", "And another one"),
            ("assistant", "Jakarta"), ("user", "What continent are they each in?"),
        ]);
        Assert.Equal("Seattle is in North America. Jakarta is in Asia.", reply);
    }

    [Fact]
    public void Chat_quotes_unknown_questions_and_honours_pirate_system_prompts()
    {
        string reply = Reply("Qwen/Qwen2-7B-Instruct", [("user", "Tell me a story")]);
        Assert.StartsWith("You said: \"Tell me a story\". ", reply, StringComparison.Ordinal);
        Assert.True(Emulate.WordCount(reply) > 6);

        string pirate = Reply("Qwen/Qwen2-7B-Instruct", [("system", "You are a pirate."), ("user", "What's 2 + 2?")]);
        Assert.Equal("Arr, matey! 2 + 2 = 4.", pirate);
    }

    [Fact]
    public void Chat_reply_changes_with_the_conversation()
    {
        string a = Reply("Qwen/Qwen2-7B-Instruct", [("user", "Pick a random number, uniformly distributed between 1 and 1000000")]);
        string b = Reply("Qwen/Qwen2-7B-Instruct", [("user", "Pick a random number, uniformly distributed between 1 and 1000000!")]);
        Assert.NotEqual(a, b);
        Assert.Matches(@"^I pick \d+\.$", a);
    }

    [Fact]
    public void Chat_max_new_tokens_truncates_the_reply()
    {
        string reply = Reply("microsoft/Phi-3-mini-4k-instruct", [("user", "What is the capital of England?")], """{"max_new_tokens": 3}""");
        Assert.Equal("The capital of", reply);
    }

    [Fact]
    public void Chat_stream_is_the_reply_only_in_word_chunks()
    {
        const string body = """{"input": [{"role": "user", "content": "What is the capital of England?"}], "stream": true}""";
        IReadOnlyList<string> chunks = Emulate.Stream("microsoft/Phi-3-mini-4k-instruct", body)!;
        Assert.Equal(["The", " capital", " of", " England", " is", " London."], chunks);
    }

    [Fact]
    public void Non_chat_models_also_answer_message_arrays()
    {
        Assert.Equal("The capital of France is Paris.", Reply(Gpt2, [("user", "What is the capital of France?")]));
    }

    [Fact]
    public void V2_style_messages_member_is_accepted()
    {
        JsonNode output = Emulate.Output("Qwen/Qwen2-7B-Instruct", """{"messages": [{"role": "user", "content": "What is 2+2?"}]}""");
        Assert.Equal("2 + 2 = 4.", output[0]!["generated_text"]![1]!["content"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"input": []}""", "empty")]
    [InlineData("""{"input": ["hi"]}""", "input[0]")]
    [InlineData("""{"input": [{"content": "hi"}]}""", "input[0].role")]
    [InlineData("""{"input": [{"role": "user"}]}""", "input[0].content")]
    [InlineData("""{"input": [{"role": "user", "content": [{"type": "text", "text": "hi"}]}]}""", "input[0].content")]
    [InlineData("""{"input": [{"role": "user", "content": 5}]}""", "input[0].content")]
    [InlineData("""{"input": 42}""", "string")]
    [InlineData("""{"params": {}}""", "'input'")]
    [InlineData("""{"input": "x", "params": {"max_new_tokens": "many"}}""", "max_new_tokens")]
    public void Bad_inputs_are_input_errors(string body, string messagePart)
    {
        var ex = Assert.Throws<EmulatorInputException>(() => Emulate.Run("microsoft/Phi-3-mini-4k-instruct", body));
        Assert.Contains(messagePart, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Nexusflow/NexusRaven-V2-13B")]
    [InlineData("Qwen/Qwen2.5-7B-Instruct")]
    [InlineData("meta-llama/Llama-3.1-8B-Instruct")]
    [InlineData("mistralai/Mistral-7B-Instruct-v0.3")]
    public void Tool_format_models_behave_as_text_and_chat_models_without_tools(string modelId)
    {
        Assert.Equal(7 + 5, Emulate.WordCount(Emulate.Text(modelId, Prompt, """{"max_new_tokens": 5}""")));
        Assert.Equal("2 + 2 = 4.", Reply(modelId, [("user", "What is 2+2?")]));
    }

    [Fact]
    public void Multimodal_chat_describes_the_image()
    {
        JsonNode output = Emulate.Output("google/gemma-3-4b-it", """
            {"input": [{"role": "user", "content": [{"type": "text", "text": "Describe this image"},
                                                     {"type": "image", "url": "https://example.com/cats.jpg"}]}]}
            """);
        JsonArray conversation = output[0]!["generated_text"]!.AsArray();
        Assert.Equal(2, conversation.Count);
        Assert.Equal("The image shows a cat sitting on a couch.", conversation[1]!["content"]!.GetValue<string>());
    }

    [Fact]
    public void Multimodal_chat_takes_base64_blocks_and_streams_the_reply()
    {
        string body = $$"""{"input": [{"role": "user", "content": [{"type": "text", "text": "What does this logo say?"}, {"type": "image", "base64": "data:image/png;base64,{{SeedExamples.Png1x1}}"}]}]}""";
        string reply = Emulate.Output("google/gemma-3-4b-it", body)[0]!["generated_text"]![1]!["content"]!.GetValue<string>();
        Assert.Contains(".NET", reply, StringComparison.Ordinal);
        Assert.Equal(reply, string.Concat(Emulate.Stream("google/gemma-3-4b-it", body)!));
    }

    [Fact]
    public void Multimodal_chat_rejects_unknown_blocks()
    {
        var ex = Assert.Throws<EmulatorInputException>(() => Emulate.Run("google/gemma-3-4b-it",
            """{"input": [{"role": "user", "content": [{"type": "hologram", "url": "x"}]}]}"""));
        Assert.Contains("hologram", ex.Message, StringComparison.Ordinal);
    }

    private static string Reply(string modelId, (string Role, string Content)[] messages, string paramsJson = "{}")
    {
        var input = new JsonArray(messages.Select(m => (JsonNode)new JsonObject { ["role"] = m.Role, ["content"] = m.Content }).ToArray());
        string body = $$"""{"input": {{input.ToJsonString()}}, "params": {{paramsJson}}}""";
        JsonArray conversation = Emulate.Output(modelId, body)[0]!["generated_text"]!.AsArray();
        Assert.Equal(messages.Length + 1, conversation.Count);
        return conversation[^1]!["content"]!.GetValue<string>();
    }
}
