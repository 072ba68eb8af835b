using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors;

namespace Bytez.AI.Emulator.Tests.Behaviors;

public sealed class TextTaskTests
{
    [Fact]
    public void Summarization_returns_leading_sentences_within_max_length()
    {
        const string text = "The city council met on Monday. It approved a new budget for parks and libraries. Critics said the plan was too expensive. The mayor disagreed.";
        JsonNode output = Emulate.Output("ainize/bart-base-cnn", $$$"""{"input": "{{{text}}}", "params": {"max_length": 8}}""");
        string summary = output[0]!["summary_text"]!.GetValue<string>();
        Assert.Equal("The city council met on Monday.", summary);

        string capped = Emulate.Output("ainize/bart-base-cnn", $$$"""{"input": "{{{text}}}", "params": {"max_length": 3}}""")[0]!["summary_text"]!.GetValue<string>();
        Assert.Equal("The city council", capped);

        string longer = Emulate.Output("ainize/bart-base-cnn", $$$"""{"input": "{{{text}}}", "params": {"min_length": 12, "max_length": 16}}""")[0]!["summary_text"]!.GetValue<string>();
        Assert.Equal("The city council met on Monday. It approved a new budget for parks and libraries.", longer);
    }

    [Fact]
    public void Translation_to_chinese_uses_the_dictionary_and_full_width_punctuation()
    {
        JsonNode output = Emulate.Output("Helsinki-NLP/opus-mt-en-zh", """{"input": "Hello, how are you? Beautiful day today, isn't it?"}""");
        Assert.Equal("你好，你好吗？美丽的天今天，不是吗？", output[0]!["translation_text"]!.GetValue<string>());
    }

    [Fact]
    public void Translation_keeps_unknown_words_and_honours_tgt_lang()
    {
        JsonNode zh = Emulate.Output("Helsinki-NLP/opus-mt-en-zh", """{"input": "Quarterly revenue grew"}""");
        Assert.Equal("Quarterly revenue grew", zh[0]!["translation_text"]!.GetValue<string>());

        JsonNode fr = Emulate.Output("Helsinki-NLP/opus-mt-en-zh", """{"input": "Hello, the cat is good.", "params": {"tgt_lang": "fra_Latn"}}""");
        Assert.Equal("Bonjour, le chat est bon.", fr[0]!["translation_text"]!.GetValue<string>());

        JsonNode other = Emulate.Output("Helsinki-NLP/opus-mt-en-zh", """{"input": "Hello", "params": {"tgt_lang": "ja"}}""");
        Assert.Equal("[ja] Hello", other[0]!["translation_text"]!.GetValue<string>());
    }

    [Fact]
    public void Text2text_generates_max_new_tokens_words_without_the_prompt()
    {
        JsonNode output = Emulate.Output("google/flan-t5-base", """{"input": "Once upon a time there was a small little man who", "params": {"max_new_tokens": 20, "temperature": 2}}""");
        string text = output[0]!["generated_text"]!.GetValue<string>();
        Assert.Equal(20, Emulate.WordCount(text));
        Assert.DoesNotContain("Once upon a time", text, StringComparison.Ordinal);

        Assert.Equal("The capital of Japan is Tokyo.", Emulate.Output("google/flan-t5-base", """{"input": "What is the capital of Japan?"}""")[0]!["generated_text"]!.GetValue<string>());
        Assert.Equal("Bonjour monde", Emulate.Output("google/flan-t5-base", """{"input": "translate English to French: Hello world"}""")[0]!["generated_text"]!.GetValue<string>());
    }

    [Fact]
    public void Fill_mask_puts_paris_first_with_five_candidates()
    {
        JsonArray output = Emulate.Output("almanach/camembert-base", """{"input": "The capital of France is <mask>."}""").AsArray();
        Assert.Equal(5, output.Count);
        Assert.Equal("Paris", output[0]!["token_str"]!.GetValue<string>());
        Assert.Equal("The capital of France is Paris.", output[0]!["sequence"]!.GetValue<string>());
        double[] scores = output.Select(o => o!["score"]!.GetValue<double>()).ToArray();
        Assert.True(scores.Sum() <= 1.0);
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        Assert.All(output, o =>
        {
            Assert.IsType<int>(o!["token"]!.GetValue<int>());
            Assert.DoesNotContain("<mask>", o["sequence"]!.GetValue<string>(), StringComparison.Ordinal);
        });
        Assert.Equal(5, output.Select(o => o!["token_str"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public void Fill_mask_accepts_bert_masks_top_k_and_several_masks()
    {
        JsonArray single = Emulate.Output("almanach/camembert-base", """{"input": "I love the [MASK].", "params": {"top_k": 3}}""").AsArray();
        Assert.Equal(3, single.Count);

        JsonArray nested = Emulate.Output("almanach/camembert-base", """{"input": "The <mask> is <mask>."}""").AsArray();
        Assert.Equal(2, nested.Count);
        Assert.All(nested, list => Assert.Equal(5, list!.AsArray().Count));
    }

    [Fact]
    public void Fill_mask_without_a_mask_is_an_input_error()
    {
        var ex = Assert.Throws<EmulatorInputException>(() => Emulate.Run("almanach/camembert-base", """{"input": "No mask here."}"""));
        Assert.Contains("<mask>", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I love this product, it is excellent!", "POSITIVE")]
    [InlineData("Terrible quality, it broke and I want a refund.", "NEGATIVE")]
    [InlineData("This is not good at all.", "NEGATIVE")]
    public void Text_classification_reads_sentiment(string text, string label)
    {
        JsonArray output = Emulate.Output("AdamCodd/distilbert-base-uncased-finetuned-sentiment-amazon", $$"""{"input": "{{text}}"}""").AsArray();
        JsonNode top = Assert.Single(output)!;
        Assert.Equal(label, top["label"]!.GetValue<string>());
        Assert.InRange(top["score"]!.GetValue<double>(), 0.5, 1.0);
    }

    [Fact]
    public void Text_classification_with_top_k_returns_both_labels()
    {
        JsonArray output = Emulate.Output("AdamCodd/distilbert-base-uncased-finetuned-sentiment-amazon", """{"input": "Great!", "params": {"top_k": null}}""").AsArray();
        Assert.Equal(["POSITIVE", "NEGATIVE"], output.Select(o => o!["label"]!.GetValue<string>()));
        Assert.Equal(1.0, output.Sum(o => o!["score"]!.GetValue<double>()), 3);
    }

    [Fact]
    public void Token_classification_finds_people_and_organisations_with_offsets()
    {
        const string text = "John Doe is a software engineer at Google.";
        JsonArray output = Emulate.Output("dslim/bert-base-NER", $$"""{"input": "{{text}}"}""").AsArray();
        Assert.Equal(["B-PER", "I-PER", "B-ORG"], output.Select(o => o!["entity"]!.GetValue<string>()));
        Assert.Equal(["John", "Doe", "Google"], output.Select(o => o!["word"]!.GetValue<string>()));
        Assert.All(output, o =>
        {
            int start = o!["start"]!.GetValue<int>();
            int end = o["end"]!.GetValue<int>();
            Assert.Equal(o["word"]!.GetValue<string>(), text[start..end]);
            Assert.InRange(o["score"]!.GetValue<double>(), 0.9, 1.0);
        });
        Assert.Equal([1, 2, 8], output.Select(o => o!["index"]!.GetValue<int>()));
    }

    [Fact]
    public void Token_classification_finds_locations_and_groups_on_request()
    {
        const string text = "My name is Holly and I live in New York.";
        JsonArray words = Emulate.Output("dslim/bert-base-NER", $$"""{"input": "{{text}}"}""").AsArray();
        Assert.Equal(["B-PER", "B-LOC", "I-LOC"], words.Select(o => o!["entity"]!.GetValue<string>()));

        JsonArray groups = Emulate.Output("dslim/bert-base-NER", $$$"""{"input": "{{{text}}}", "params": {"aggregation_strategy": "simple"}}""").AsArray();
        Assert.Equal(["PER", "LOC"], groups.Select(o => o!["entity_group"]!.GetValue<string>()));
        Assert.Equal("New York", groups[1]!["word"]!.GetValue<string>());
        Assert.Equal("New York", text[groups[1]!["start"]!.GetValue<int>()..groups[1]!["end"]!.GetValue<int>()]);
    }

    [Fact]
    public void Zero_shot_classification_ranks_travel_first_and_sums_to_one()
    {
        JsonNode output = Emulate.Output("facebook/bart-large-mnli", """{"text": "One day I will see the world", "candidate_labels": ["travel", "cooking", "dancing"]}""");
        Assert.Equal("One day I will see the world", output["sequence"]!.GetValue<string>());
        string[] labels = output["labels"]!.AsArray().Select(l => l!.GetValue<string>()).ToArray();
        double[] scores = output["scores"]!.AsArray().Select(s => s!.GetValue<double>()).ToArray();
        Assert.Equal("travel", labels[0]);
        Assert.Equal(["cooking", "dancing", "travel"], labels.Order());
        Assert.Equal(1.0, scores.Sum(), 6);
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        Assert.True(scores[0] > 0.9);
    }

    [Fact]
    public void Zero_shot_classification_supports_multi_label_and_params_labels()
    {
        JsonNode output = Emulate.Output("facebook/bart-large-mnli", """{"input": "I bake bread in my kitchen", "params": {"candidate_labels": "cooking, travel", "multi_label": true}}""");
        Assert.Equal("cooking", output["labels"]![0]!.GetValue<string>());
        double[] scores = output["scores"]!.AsArray().Select(s => s!.GetValue<double>()).ToArray();
        Assert.All(scores, s => Assert.InRange(s, 0, 1));
        Assert.True(scores[0] > 0.5 && scores[1] < 0.5);
    }

    [Theory]
    [InlineData("""{"candidate_labels": ["a"]}""", "'text'")]
    [InlineData("""{"text": "hello"}""", "'candidate_labels'")]
    [InlineData("""{"text": "hello", "candidate_labels": []}""", "'candidate_labels'")]
    [InlineData("""{"text": "hello", "candidate_labels": [1]}""", "candidate_labels")]
    public void Zero_shot_classification_names_missing_members(string body, string member)
    {
        var ex = Assert.Throws<EmulatorInputException>(() => Emulate.Run("facebook/bart-large-mnli", body));
        Assert.Contains(member, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Where does Holly live?", "My name is Holly and I live in NYC", "NYC")]
    [InlineData("Where do I live?", "My name is Merve and I live in Istanbul.", "Istanbul")]
    [InlineData("What is my name?", "My name is Holly and I live in NYC", "Holly")]
    [InlineData("When was the company founded?", "The company was founded in 1998 by two students.", "1998")]
    [InlineData("Where is the office?", "Our office is located in New York near the park.", "New York")]
    public void Question_answering_extracts_a_span_with_offsets(string question, string context, string answer)
    {
        JsonNode output = Emulate.Output("deepset/roberta-base-squad2", $$"""{"question": "{{question}}", "context": "{{context}}"}""");
        Assert.Equal(answer, output["answer"]!.GetValue<string>());
        int start = output["start"]!.GetValue<int>();
        int end = output["end"]!.GetValue<int>();
        Assert.Equal(answer, context[start..end]);
        Assert.InRange(output["score"]!.GetValue<double>(), 0.0, 1.0);
    }

    [Fact]
    public void Object_inputs_are_also_read_from_the_input_member()
    {
        var input = new JsonObject { ["question"] = "Where does Holly live?", ["context"] = "My name is Holly and I live in NYC" };
        var model = Emulate.Model("deepset/roberta-base-squad2");
        var request = new EmulatorRunRequest(model, input, [], new JsonObject(), false);
        Assert.Equal("NYC", Bytez.AI.Emulator.Behaviors.TaskBehaviors.For(model).Run(request)["output"]!["answer"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"context": "My name is Holly"}""", "'question'")]
    [InlineData("""{"question": "Who?"}""", "'context'")]
    [InlineData("""{"question": 3, "context": "x"}""", "'question'")]
    public void Question_answering_names_missing_members(string body, string member)
    {
        var ex = Assert.Throws<EmulatorInputException>(() => Emulate.Run("deepset/roberta-base-squad2", body));
        Assert.Contains(member, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Summarization_translation_and_text2text_stream_their_text()
    {
        const string body = """{"input": "Hello, how are you? Beautiful day today, isn't it?"}""";
        Assert.Equal(
            Emulate.Output("ainize/bart-base-cnn", body)[0]!["summary_text"]!.GetValue<string>(),
            string.Concat(Emulate.Stream("ainize/bart-base-cnn", body)!));
        Assert.Equal(
            Emulate.Output("Helsinki-NLP/opus-mt-en-zh", body)[0]!["translation_text"]!.GetValue<string>(),
            string.Concat(Emulate.Stream("Helsinki-NLP/opus-mt-en-zh", body)!));
        Assert.Equal(
            Emulate.Output("google/flan-t5-base", body)[0]!["generated_text"]!.GetValue<string>(),
            string.Concat(Emulate.Stream("google/flan-t5-base", body)!));
    }
}
