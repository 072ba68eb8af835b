using System.Text.Json;
using System.Text.Json.Nodes;
using Bytez.AI.Emulator;

namespace Bytez.AI.Tests.Integration;

/// <summary>
/// The 30 task examples of the bytez.js seed, plus its chat and function-calling examples, in C#: same model ids, same
/// inputs and parameters, run over loopback HTTP against the emulator. Each asserts the documented output shape
/// (wire reference §2.8) through the typed accessors or the output JSON.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class SeedTaskExampleTests(EmulatorFixture fixture)
{
    private const string ImageUrl = "https://example.com/image.jpg";

    private EmulatorFixture Session => fixture;

    [Fact]
    public async Task Token_classification()
    {
        var model = await Session.LoadAsync("dslim/bert-base-NER");

        var output = await model.RunAsync("John Doe is a software engineer at Google.");

        var entities = Items(output);
        Assert.NotEmpty(entities);
        foreach (var entity in entities)
        {
            foreach (var member in (string[])["entity", "score", "index", "word", "start", "end"])
            {
                Assert.True(entity.TryGetProperty(member, out _), $"token-classification entity lacks '{member}': {entity}");
            }
        }

        Assert.Contains(entities, e => e.GetProperty("word").GetString() == "Google" && e.GetProperty("entity").GetString()!.EndsWith("ORG", StringComparison.Ordinal));
        Assert.Contains(entities, e => e.GetProperty("word").GetString() == "John" && e.GetProperty("entity").GetString()!.EndsWith("PER", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Depth_estimation()
    {
        var model = await Session.LoadAsync("vinvino02/glpn-nyu");

        var output = await model.RunAsync(ImageUrl);

        var depth = output.Output!.Value;
        Assert.Equal(JsonValueKind.Object, depth.ValueKind);
        Assert.True(TestMedia.IsPng(Convert.FromBase64String(depth.GetProperty("depth_png").GetString()!)));
        var rows = depth.GetProperty("formatted_predicted_depth_array");
        Assert.True(rows.GetArrayLength() > 0);
        var width = rows[0].GetArrayLength();
        Assert.True(width > 0);
        Assert.All(rows.EnumerateArray(), row => Assert.Equal(width, row.GetArrayLength()));
    }

    [Fact]
    public async Task Image_classification()
    {
        var model = await Session.LoadAsync("google/vit-base-patch16-224");

        var output = await model.RunAsync("https://www.padoniavets.com/sites/default/files/field/image/cats-and-dogs.jpg");

        var labels = output.GetLabels();
        Assert.NotEmpty(labels);
        Assert.All(labels, l => Assert.InRange(l.Score, 0, 1));
        Assert.Matches("cat|dog", labels[0].Label);
    }

    [Fact]
    public async Task Sentence_similarity()
    {
        var model = await Session.LoadAsync("sentence-transformers/all-MiniLM-L6-v2");

        var output = await model.RunAsync("What is the weather like today?");

        Assert.Equal(JsonValueKind.Number, output.Output!.Value[0].ValueKind); // a flat vector
        var vector = output.GetEmbedding();
        Assert.Equal(384, vector.Length);
        Assert.Equal(1.0, Math.Sqrt(vector.Sum(x => (double)x * x)), 3);
    }

    [Fact]
    public async Task Image_to_text()
    {
        var model = await Session.LoadAsync("Salesforce/blip-image-captioning-base");

        var output = await model.RunAsync(ImageUrl);

        Assert.True(output.Output!.Value[0].TryGetProperty("generated_text", out _));
        Assert.False(string.IsNullOrWhiteSpace(output.GetGeneratedText()));
    }

    [Fact]
    public async Task Image_feature_extraction()
    {
        var model = await Session.LoadAsync("nomic-ai/nomic-embed-vision-v1");

        var output = await model.RunAsync(ImageUrl);

        Assert.Equal(JsonValueKind.Array, output.Output!.Value[0].ValueKind); // an array of vectors; output[0] is used
        var vector = output.GetEmbedding();
        Assert.NotEmpty(vector);
        Assert.Equal(output.Output!.Value[0].GetArrayLength(), vector.Length);
    }

    [Fact]
    public async Task Mask_generation()
    {
        var model = await Session.LoadAsync("facebook/sam-vit-base");
        var png = TestMedia.GradientPng(8, 6);

        var output = await model.RunAsync(BytezInput.FromObject(new JsonObject { ["b64ImageBufferPng"] = Convert.ToBase64String(png) }));

        var result = output.Output!.Value;
        Assert.Equal(JsonValueKind.Object, result.GetProperty("input_image_dimensions").ValueKind);
        var masks = result.GetProperty("masks");
        var scores = result.GetProperty("scores");
        Assert.True(masks.GetArrayLength() > 0);
        Assert.Equal(masks.GetArrayLength(), scores.GetArrayLength());
        var mask = masks[0];
        Assert.Equal(6, mask.GetArrayLength());
        Assert.Equal(8, mask[0].GetArrayLength());
        Assert.All(mask.EnumerateArray().SelectMany(r => r.EnumerateArray()), v => Assert.True(v.ToString() is "0" or "1" or "true" or "false", v.ToString()));
    }

    [Fact]
    public async Task Summarization()
    {
        const string InputText = "Your long text goes here...";
        var model = await Session.LoadAsync("ainize/bart-base-cnn");

        var output = await model.RunAsync(InputText, new JsonObject { ["max_length"] = 40 });

        Assert.True(output.Output!.Value[0].TryGetProperty("summary_text", out _));
        var summary = output.GetText();
        Assert.False(string.IsNullOrWhiteSpace(summary));
        Assert.True(summary.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 40);
    }

    [Fact]
    public async Task Text_classification()
    {
        var model = await Session.LoadAsync("AdamCodd/distilbert-base-uncased-finetuned-sentiment-amazon");

        var output = await model.RunAsync("Your text for classification goes here...");

        var labels = output.GetLabels();
        Assert.NotEmpty(labels);
        Assert.Contains(labels[0].Label, (string[])["POSITIVE", "NEGATIVE"]);
        Assert.InRange(labels[0].Score, 0, 1);
    }

    [Fact]
    public async Task Feature_extraction()
    {
        var model = await Session.LoadAsync("Salesforce/SFR-Embedding-2_R");

        var output = await model.RunAsync("Your text for feature extraction goes here...");

        Assert.Equal(JsonValueKind.Array, output.Output!.Value[0].ValueKind); // [embedding]; the seed reads output[0]
        var vector = output.GetEmbedding();
        Assert.Equal(output.Output!.Value[0].GetArrayLength(), vector.Length);
        Assert.Equal(1.0, Math.Sqrt(vector.Sum(x => (double)x * x)), 3);
    }

    [Fact]
    public async Task Translation()
    {
        const string InputText = "Hello, how are you? Beautiful day today, isn't it?";
        var model = await Session.LoadAsync("Helsinki-NLP/opus-mt-en-zh");

        var output = await model.RunAsync(InputText);

        Assert.True(output.Output!.Value[0].TryGetProperty("translation_text", out _));
        var text = output.GetText();
        Assert.NotEqual(InputText, text);
        Assert.Contains(text, c => c > 0x2E80); // the en-zh model answers with CJK characters
    }

    [Fact]
    public async Task Question_answering()
    {
        var model = await Session.LoadAsync("deepset/roberta-base-squad2");
        var qaInput = new JsonObject
        {
            ["question"] = "Where does Holly live?",
            ["context"] = "My name is Holly and I live in NYC",
        };

        var output = await model.RunAsync(BytezInput.FromObject(qaInput));

        var answer = output.Output!.Value;
        Assert.Equal("NYC", answer.GetProperty("answer").GetString());
        Assert.Equal(31, answer.GetProperty("start").GetInt32());
        Assert.Equal(34, answer.GetProperty("end").GetInt32());
        Assert.InRange(answer.GetProperty("score").GetDouble(), 0, 1);
    }

    [Fact]
    public async Task Text_to_video()
    {
        var model = await Session.LoadAsync("ali-vilab/text-to-video-ms-1.7b");

        var output = await model.RunAsync("A cat playing with a rose");

        Assert.True(TestMedia.IsMp4(output.GetMp4Bytes()));
    }

    [Fact]
    public async Task Fill_mask()
    {
        var model = await Session.LoadAsync("almanach/camembert-base");

        var output = await model.RunAsync("The capital of France is <mask>.");

        var candidates = Items(output);
        Assert.True(candidates.Count > 1);
        Assert.Equal("Paris", candidates[0].GetProperty("token_str").GetString()!.Trim());
        Assert.Equal("The capital of France is Paris.", candidates[0].GetProperty("sequence").GetString());
        Assert.All(candidates, c => Assert.True(c.TryGetProperty("token", out _) && c.TryGetProperty("score", out _)));
    }

    [Fact]
    public async Task Audio_classification()
    {
        var model = await Session.LoadAsync("aaraki/wav2vec2-base-finetuned-ks");
        var inputAudioBase64 = Convert.ToBase64String(TestMedia.ToneWav());

        var output = await model.RunAsync(BytezInput.FromObject(new JsonObject { ["b64AudioBufferWav"] = inputAudioBase64 }));

        var labels = output.GetLabels();
        Assert.NotEmpty(labels);
        Assert.NotEqual("_silence_", labels[0].Label); // a tone is not silence
        Assert.Equal(labels.OrderByDescending(l => l.Score).Select(l => l.Label), labels.Select(l => l.Label));
    }

    [Fact]
    public async Task Image_segmentation()
    {
        var model = await Session.LoadAsync("sayeed99/segformer-b3-fashion");

        var output = await model.RunAsync(ImageUrl);

        var segments = Items(output);
        Assert.NotEmpty(segments);
        Assert.All(segments, s =>
        {
            Assert.False(string.IsNullOrEmpty(s.GetProperty("label").GetString()));
            Assert.True(TestMedia.IsPng(Convert.FromBase64String(s.GetProperty("mask_png").GetString()!)));
        });
    }

    [Fact]
    public async Task Visual_question_answering()
    {
        var model = await Session.LoadAsync("Salesforce/blip-vqa-base");
        var input = new JsonObject { ["image"] = ImageUrl, ["question"] = "What kind of animal is this?" };

        var output = await model.RunAsync(BytezInput.FromObject(input));

        var answers = Items(output);
        Assert.NotEmpty(answers);
        Assert.False(string.IsNullOrWhiteSpace(answers[0].GetProperty("answer").GetString()));
        Assert.InRange(answers[0].GetProperty("score").GetDouble(), 0, 1);
    }

    [Fact]
    public async Task Text_to_speech()
    {
        var model = await Session.LoadAsync("suno/bark-small");

        var output = await model.RunAsync("Hello, how are you today?");

        Assert.True(TestMedia.IsWav(output.GetWavBytes()));
    }

    [Fact]
    public async Task Text_to_audio()
    {
        // The one v1 task without a seed example; same shape as text-to-speech (top-level output_wav).
        var model = await Session.LoadAsync("facebook/musicgen-stereo-small");

        var output = await model.RunAsync("lo-fi music with a soothing melody");

        Assert.True(TestMedia.IsWav(output.GetWavBytes()));
    }

    [Fact]
    public async Task Video_classification()
    {
        var model = await Session.LoadAsync("ahmedabdo/video-classifier");

        var output = await model.RunAsync("https://example.com/video.mp4");

        Assert.Equal(JsonValueKind.Array, output.Output!.Value[0].ValueKind); // nested: the label list is output[0]
        var labels = output.GetLabels();
        Assert.NotEmpty(labels);
        Assert.Equal(output.Output!.Value[0].GetArrayLength(), labels.Count);
    }

    [Fact]
    public async Task Object_detection()
    {
        var model = await Session.LoadAsync("facebook/detr-resnet-50");

        var output = await model.RunAsync(ImageUrl);

        var detections = Items(output);
        Assert.NotEmpty(detections);
        Assert.All(detections, d => AssertBox(d.GetProperty("box")));
    }

    [Fact]
    public async Task Text_to_text_generation()
    {
        var modelParams = new JsonObject { ["max_new_tokens"] = 20, ["temperature"] = 2 };
        var model = await Session.LoadAsync("google/flan-t5-base");

        var output = await model.RunAsync("Once upon a time there was a small little man who", modelParams);

        var text = output.GetGeneratedText();
        Assert.False(string.IsNullOrWhiteSpace(text));
        Assert.True(text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 20);
    }

    [Fact]
    public async Task Zero_shot_image_classification()
    {
        var model = await Session.LoadAsync("BilelDJ/clip-hugging-face-finetuned");
        var input = new JsonObject { ["image"] = ImageUrl, ["candidate_labels"] = new JsonArray("squid", "octopus", "human", "cat") };

        var output = await model.RunAsync(BytezInput.FromObject(input));

        var labels = output.GetLabels();
        Assert.Equal(["cat", "human", "octopus", "squid"], labels.Select(l => l.Label).Order(StringComparer.Ordinal));
        Assert.Equal(1.0, labels.Sum(l => l.Score), 3);
    }

    [Fact]
    public async Task Zero_shot_classification()
    {
        var model = await Session.LoadAsync("facebook/bart-large-mnli");
        var input = new JsonObject { ["text"] = "One day I will see the world", ["candidate_labels"] = new JsonArray("travel", "cooking", "dancing") };

        var output = await model.RunAsync(BytezInput.FromObject(input));

        Assert.Equal("One day I will see the world", output.Output!.Value.GetProperty("sequence").GetString());
        var labels = output.GetLabels();
        Assert.Equal("travel", labels[0].Label);
        Assert.Equal(3, labels.Count);
        Assert.Equal(1.0, labels.Sum(l => l.Score), 3);
    }

    [Fact]
    public async Task Document_question_answering()
    {
        var model = await Session.LoadAsync("cloudqi/CQI_Visual_Question_Awnser_PT_v0");
        var input = new JsonObject
        {
            ["image"] = "https://templates.invoicehome.com/invoice-template-us-neat-750px.png",
            ["question"] = "What's the total cost?",
        };

        var output = await model.RunAsync(BytezInput.FromObject(input));

        // The seed prints output.output[0].answer.
        var first = output.Output!.Value[0];
        Assert.False(string.IsNullOrWhiteSpace(first.GetProperty("answer").GetString()));
        Assert.True(first.TryGetProperty("start", out _) && first.TryGetProperty("end", out _) && first.TryGetProperty("score", out _));
    }

    [Fact]
    public async Task Text_generation_streamed()
    {
        const string Prompt = "Once upon a time there was a beautiful home where";
        var modelParams = new JsonObject { ["max_new_tokens"] = 500, ["min_new_tokens"] = 50, ["temperature"] = 0.5 };
        var model = await Session.LoadAsync("Qwen/Qwen2-7B-Instruct");

        var chunks = await model.RunStreamingAsync(Prompt, modelParams).ToListAsync();

        Assert.NotEmpty(chunks);
        var text = string.Concat(chunks);
        Assert.StartsWith(Prompt, text, StringComparison.Ordinal);
        var newWords = text[Prompt.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.InRange(newWords, 50, 500);
        Assert.Equal("""{"model":"Qwen/Qwen2-7B-Instruct","stream":true,"params":{"max_new_tokens":500,"min_new_tokens":50,"temperature":0.5},"input":"Once upon a time there was a beautiful home where"}""",
            Session.Log.LastRequest(EmulatorRequestKind.RunStream, model.ModelId).Body);
    }

    [Fact]
    public async Task Unconditional_image_generation()
    {
        var model = await Session.LoadAsync("afshr/cam_finetune");

        var output = await model.RunAsync("A rose");

        Assert.True(output.RawRepresentation.TryGetProperty("output_png", out _)); // a top-level member, not under output
        Assert.True(TestMedia.IsPng(output.GetPngBytes()));
    }

    [Fact]
    public async Task Automatic_speech_recognition()
    {
        var model = await Session.LoadAsync("facebook/data2vec-audio-base-960h");
        var inputAudioBase64 = Convert.ToBase64String(TestMedia.ToneWav());

        var output = await model.RunAsync(BytezInput.FromObject(new JsonObject { ["b64AudioBufferWav"] = inputAudioBase64 }));

        Assert.Equal(JsonValueKind.Object, output.Output!.Value.ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(output.GetTranscription()));
    }

    [Fact]
    public async Task Zero_shot_object_detection()
    {
        // The seed uses the CLIP model id here too, with a base64 PNG; that model is a zero-shot image classifier.
        var model = await Session.LoadAsync("BilelDJ/clip-hugging-face-finetuned");
        var input = new JsonObject
        {
            ["b64ImageBufferPng"] = Convert.ToBase64String(TestMedia.GradientPng()),
            ["candidate_labels"] = new JsonArray("squid", "octopus", "human", "cat"),
        };

        var output = await model.RunAsync(BytezInput.FromObject(input));

        var labels = output.GetLabels();
        Assert.Equal(4, labels.Count);
        Assert.All(labels, l => Assert.Contains(l.Label, (string[])["squid", "octopus", "human", "cat"]));
    }

    [Fact]
    public async Task Zero_shot_object_detection_with_a_detector()
    {
        // The same input against the catalog's zero-shot detector: boxes as documented.
        var model = await Session.LoadAsync("google/owlv2-base-patch16-finetuned");
        var input = new JsonObject
        {
            ["b64ImageBufferPng"] = Convert.ToBase64String(TestMedia.GradientPng()),
            ["candidate_labels"] = new JsonArray("squid", "octopus", "human", "cat"),
        };

        var output = await model.RunAsync(BytezInput.FromObject(input));

        var detections = Items(output);
        Assert.NotEmpty(detections);
        Assert.All(detections, d =>
        {
            Assert.Contains(d.GetProperty("label").GetString(), (string[])["squid", "octopus", "human", "cat"]);
            AssertBox(d.GetProperty("box"));
        });
    }

    [Fact]
    public async Task Text_to_image()
    {
        var model = await Session.LoadAsync("dreamlike-art/dreamlike-photoreal-2.0");

        var output = await model.RunAsync("A beautiful landscape with mountains and a river");

        var png = output.GetPngBytes();
        Assert.True(TestMedia.IsPng(png));
        Assert.True(png.Length > 100);
    }

    [Fact]
    public async Task Chat_models()
    {
        BytezChatMessage[] messages =
        [
            new("system", "You are a friendly chatbot"),
            new("user", "What is the capital of England?"),
        ];
        var model = await Session.LoadAsync("microsoft/Phi-3-mini-4k-instruct");

        var output = await model.RunAsync(BytezInput.FromMessages(messages), new JsonObject { ["max_length"] = 100 });

        // The seed prints output.output[0].generated_text: the conversation plus the new assistant message.
        var conversation = output.GetChatMessages();
        Assert.Equal(3, conversation.Count);
        Assert.Equal(messages, conversation.Take(2));
        Assert.Equal("assistant", output.GetAssistantMessage().Role);
        Assert.Contains("London", output.GetAssistantMessage().Content, StringComparison.Ordinal);
        Assert.Equal(
            """{"model":"microsoft/Phi-3-mini-4k-instruct","stream":false,"params":{"max_length":100},"input":[{"role":"system","content":"You are a friendly chatbot"},{"role":"user","content":"What is the capital of England?"}]}""",
            Session.Log.LastRequest(EmulatorRequestKind.Run, model.ModelId).Body);
    }

    [Fact]
    public async Task Models_with_function_calling()
    {
        const string InputText = "What's the weather like in Seattle right now?";
        const string PromptTemplate = """"

            Function:
            def get_weather_data(coordinates):
                """
                Fetches weather data from the Open-Meteo API for the given latitude and longitude.

                Args:
                coordinates (tuple): The latitude and longitude of the location.

                Returns:
                float: The current temperature in the coordinates you've asked for
                """

            Function:
            def get_coordinates_from_city(city_name):
                """
                Fetches the latitude and longitude of a given city name using the Maps.co Geocoding API.

                Args:
                city_name (str): The name of the city.

                Returns:
                tuple: The latitude and longitude of the city.
                """

            User Query: {query}<human_end>

            """";
        var modelParams = new JsonObject { ["max_new_tokens"] = 500, ["min_new_tokens"] = 50, ["temperature"] = 0.001, ["do_sample"] = false };
        var model = await Session.LoadAsync("Nexusflow/NexusRaven-V2-13B");
        var prompt = PromptTemplate.Replace("{query}", InputText, StringComparison.Ordinal);

        var chunks = await model.RunStreamingAsync(prompt, modelParams).ToListAsync();

        Assert.NotEmpty(chunks);
        var text = string.Concat(chunks);
        // A text-generation container echoes the prompt; the emulator does not emulate NexusRaven's tool answers yet,
        // so its continuation is plain text. Should it answer with a call, the call must name a declared function.
        Assert.StartsWith(prompt, text, StringComparison.Ordinal);
        var continuation = text[prompt.Length..];
        Assert.False(string.IsNullOrWhiteSpace(continuation));
        if (continuation.Contains("Call:", StringComparison.Ordinal))
        {
            Assert.Matches(@"Call:\s*(get_weather_data|get_coordinates_from_city)\(", continuation);
        }

        var body = JsonNode.Parse(Session.Log.LastRequest(EmulatorRequestKind.RunStream, model.ModelId).Body)!.AsObject();
        Assert.Equal(prompt, (string?)body["input"]);
        Assert.True(JsonNode.DeepEquals(modelParams, body["params"]));
    }

    private static List<JsonElement> Items(BytezRunResult output)
    {
        Assert.Equal(JsonValueKind.Array, output.Output!.Value.ValueKind);
        return [.. output.Output!.Value.EnumerateArray()];
    }

    private static void AssertBox(JsonElement box)
    {
        var xmin = box.GetProperty("xmin").GetDouble();
        var ymin = box.GetProperty("ymin").GetDouble();
        Assert.True(box.GetProperty("xmax").GetDouble() >= xmin);
        Assert.True(box.GetProperty("ymax").GetDouble() >= ymin);
    }
}
