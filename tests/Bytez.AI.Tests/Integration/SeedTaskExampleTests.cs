using System.Text.Json;
using System.Text.Json.Nodes;
using Bytez.AI.Emulator;

namespace Bytez.AI.Tests.Integration;

/// <summary>
/// The 30 task examples of the bytez.js seed, plus its chat and function-calling examples, in C#: same model ids, same
/// inputs and parameters, run over loopback HTTP against the emulator, once per API generation (each emulator serves
/// only its own). The inputs use the generation-neutral <see cref="BytezInput"/> factories, whose v1 bodies are the
/// seed's (§2.5) and whose v2 bodies use the explicit fields (§3.4); the typed accessors read both generations' output
/// shapes (§2.8, §3.8), and each test also pins the shape that differs between them (§4).
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class SeedTaskExampleTests(GenerationEmulators fixture)
{
    private const string ImageUrl = "https://example.com/image.jpg";
    private static readonly string[] Animals = ["squid", "octopus", "human", "cat"];

    [Theory]
    [BothApiVersions]
    public async Task Token_classification(BytezApiVersion api)
    {
        var session = fixture.Session(api);
        var model = await session.LoadAsync("dslim/bert-base-NER");

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

    [Theory]
    [BothApiVersions]
    public async Task Depth_estimation(BytezApiVersion api)
    {
        var session = fixture.Session(api);
        var model = await session.LoadAsync("vinvino02/glpn-nyu");

        var output = await model.RunAsync(BytezInput.FromUrl(new Uri(ImageUrl)));

        var depth = output.Output!.Value;
        Assert.Equal(JsonValueKind.Object, depth.ValueKind);
        Assert.True(TestMedia.IsPng(Convert.FromBase64String(depth.GetProperty("depth_png").GetString()!)));
        var rows = depth.GetProperty("formatted_predicted_depth_array");
        Assert.True(rows.GetArrayLength() > 0);
        var width = rows[0].GetArrayLength();
        Assert.True(width > 0);
        Assert.All(rows.EnumerateArray(), row => Assert.Equal(width, row.GetArrayLength()));
    }

    [Theory]
    [BothApiVersions]
    public async Task Image_classification(BytezApiVersion api)
    {
        var session = fixture.Session(api);
        var model = await session.LoadAsync("google/vit-base-patch16-224");

        var output = await model.RunAsync(BytezInput.FromUrl(new Uri("https://www.padoniavets.com/sites/default/files/field/image/cats-and-dogs.jpg")));

        AssertBody(session,
            """{"model":"google/vit-base-patch16-224","stream":false,"params":{},"input":"https://www.padoniavets.com/sites/default/files/field/image/cats-and-dogs.jpg"}""",
            """{"url":"https://www.padoniavets.com/sites/default/files/field/image/cats-and-dogs.jpg"}""");

        var labels = output.GetLabels();
        Assert.NotEmpty(labels);
        Assert.All(labels, l => Assert.InRange(l.Score, 0, 1));
        Assert.Matches("cat|dog", labels[0].Label);
    }

    [Theory]
    [BothApiVersions]
    public async Task Sentence_similarity(BytezApiVersion api)
    {
        var session = fixture.Session(api);
        var model = await session.LoadAsync("sentence-transformers/all-MiniLM-L6-v2");

        var output = await model.RunAsync("What is the weather like today?");

        Assert.Equal(JsonValueKind.Number, output.Output!.Value[0].ValueKind); // a flat vector
        var vector = output.GetEmbedding();
        Assert.Equal(384, vector.Length);
        Assert.Equal(1.0, Math.Sqrt(vector.Sum(x => (double)x * x)), 3);
    }

    [Theory]
    [BothApiVersions]
    public async Task Image_to_text(BytezApiVersion api)
    {
        var session = fixture.Session(api);
        var model = await session.LoadAsync("Salesforce/blip-image-captioning-base");

        var output = await model.RunAsync(BytezInput.FromUrl(new Uri(ImageUrl)));

        // v1: [{"generated_text"}]; v2: the caption as a plain string.
        Assert.Equal(api == BytezApiVersion.V1 ? JsonValueKind.Array : JsonValueKind.String, output.Output!.Value.ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(output.GetGeneratedText()));
        Assert.Equal(output.GetGeneratedText(), output.GetText());
    }

    [Theory]
    [BothApiVersions]
    public async Task Image_feature_extraction(BytezApiVersion api)
    {
        var session = fixture.Session(api);
        var model = await session.LoadAsync("nomic-ai/nomic-embed-vision-v1");

        var output = await model.RunAsync(BytezInput.FromUrl(new Uri(ImageUrl)));

        Assert.Equal(JsonValueKind.Array, output.Output!.Value[0].ValueKind); // an array of vectors in both generations; output[0] is used
        var vector = output.GetEmbedding();
        Assert.Equal(768, vector.Length);
        Assert.Equal(output.Output!.Value[0].GetArrayLength(), vector.Length);
    }

    [Theory]
    [BothApiVersions]
    public async Task Mask_generation(BytezApiVersion api)
    {
        var session = fixture.Session(api);
        var model = await session.LoadAsync("facebook/sam-vit-base");
        var png = TestMedia.GradientPng(8, 6);

        // v1 mask generation reads its own member, b64ImageBufferPng (§2.5), which only an object input can name;
        // v2 takes the image as base64 like every image task.
        var input = api == BytezApiVersion.V1
            ? BytezInput.FromObject(new JsonObject { ["b64ImageBufferPng"] = Convert.ToBase64String(png) })
            : BytezInput.FromMedia(png, "image/png");
        var output = await model.RunAsync(input);

        AssertBody(session,
            $$"""{"model":"facebook/sam-vit-base","stream":false,"params":{},"b64ImageBufferPng":"{{Convert.ToBase64String(png)}}"}""",
            $$"""{"base64":"data:image/png;base64,{{Convert.ToBase64String(png)}}"}""");
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

    [Theory]
    [BothApiVersions]
    public async Task Summarization(BytezApiVersion api)
    {
        var session = fixture.Session(api);
        const string InputText = "Your long text goes here...";
        var model = await session.LoadAsync("ainize/bart-base-cnn");

        var output = await model.RunAsync(InputText, new JsonObject { ["max_length"] = 40 });

        // v1: [{"summary_text"}]; v2: a plain string.
        Assert.Equal(api == BytezApiVersion.V1, output.Output!.Value.ValueKind == JsonValueKind.Array && output.Output.Value[0].TryGetProperty("summary_text", out _));
        var summary = output.GetText();
        Assert.False(string.IsNullOrWhiteSpace(summary));
        Assert.True(summary.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 40);
    }

    [Theory]
    [BothApiVersions]
    public async Task Text_classification(BytezApiVersion api)
    {
        var session = fixture.Session(api);
        var model = await session.LoadAsync("AdamCodd/distilbert-base-uncased-finetuned-sentiment-amazon");

        var output = await model.RunAsync("Your text for classification goes here...");

        var labels = output.GetLabels();
        Assert.NotEmpty(labels);
        Assert.Contains(labels[0].Label, (string[])["POSITIVE", "NEGATIVE"]);
        Assert.InRange(labels[0].Score, 0, 1);
    }

    [Theory]
    [BothApiVersions]
    public async Task Feature_extraction(BytezApiVersion api)
    {
        var session = fixture.Session(api);
        var model = await session.LoadAsync("Salesforce/SFR-Embedding-2_R");

        var output = await model.RunAsync("Your text for feature extraction goes here...");

        // v1: [embedding], the seed reads output[0]; v2: the flat vector.
        Assert.Equal(api == BytezApiVersion.V1 ? JsonValueKind.Array : JsonValueKind.Number, output.Output!.Value[0].ValueKind);
        var vector = output.GetEmbedding();
        Assert.Equal(4096, vector.Length);
        Assert.Equal(1.0, Math.Sqrt(vector.Sum(x => (double)x * x)), 3);
    }

    [Theory]
    [BothApiVersions]
    public async Task Translation(BytezApiVersion api)
    {
        var session = fixture.Session(api);
        const string InputText = "Hello, how are you? Beautiful day today, isn't it?";
        var model = await session.LoadAsync("Helsinki-NLP/opus-mt-en-zh");

        var output = await model.RunAsync(InputText);

        // v1: [{"translation_text"}]; v2: a plain string.
        Assert.Equal(api == BytezApiVersion.V1 ? JsonValueKind.Array : JsonValueKind.String, output.Output!.Value.ValueKind);
        var text = output.GetText();
        Assert.NotEqual(InputText, text);
        Assert.Contains(text, c => c > 0x2E80); // the en-zh model answers with CJK characters
    }

    [Theory]
    [BothApiVersions]
    public async Task Question_answering(BytezApiVersion api)
    {
        var session = fixture.Session(api);
        var model = await session.LoadAsync("deepset/roberta-base-squad2");

        var output = await model.RunAsync(BytezInput.FromQuestion("Where does Holly live?", "My name is Holly and I live in NYC"));

        AssertBody(session,
            """{"model":"deepset/roberta-base-squad2","stream":false,"params":{},"question":"Where does Holly live?","context":"My name is Holly and I live in NYC"}""",
            """{"question":"Where does Holly live?","context":"My name is Holly and I live in NYC"}""");
        var answer = output.Output!.Value;
        Assert.Equal("NYC", answer.GetProperty("answer").GetString());
        Assert.Equal(31, answer.GetProperty("start").GetInt32());
        Assert.Equal(34, answer.GetProperty("end").GetInt32());
        Assert.InRange(answer.GetProperty("score").GetDouble(), 0, 1);
    }

    [Theory]
    [BothApiVersions]
    public async Task Text_to_video(BytezApiVersion api)
    {
        var session = fixture.Session(api);
        var model = await session.LoadAsync("ali-vilab/text-to-video-ms-1.7b");

        var output = await model.RunAsync("A cat playing with a rose");
        var media = await model.RunMediaAsync("A cat playing with a rose");

        // v1: base64 in the top-level output_mp4; v2: a link (the media run asks for the bytes with "json": false).
        if (api == BytezApiVersion.V1)
        {
            Assert.True(TestMedia.IsMp4(output.GetMp4Bytes()));
        }
        else
        {
            Assert.True(output.TryGetOutputUrl(out _));
        }

        Assert.Equal("video/mp4", media.MediaType);
        Assert.True(TestMedia.IsMp4(media.Data.ToArray()));
    }

    [Theory]
    [BothApiVersions]
    public async Task Fill_mask(BytezApiVersion api)
    {
        var session = fixture.Session(api);
        var model = await session.LoadAsync("almanach/camembert-base");

        var output = await model.RunAsync("The capital of France is <mask>.");

        var candidates = Items(output);
        Assert.True(candidates.Count > 1);
        Assert.Equal("Paris", candidates[0].GetProperty("token_str").GetString()!.Trim());
        Assert.Equal("The capital of France is Paris.", candidates[0].GetProperty("sequence").GetString());
        Assert.All(candidates, c => Assert.True(c.TryGetProperty("token", out _) && c.TryGetProperty("score", out _)));
    }

    [Theory]
    [BothApiVersions]
    public async Task Audio_classification(BytezApiVersion api)
    {
        var session = fixture.Session(api);
        var model = await session.LoadAsync("aaraki/wav2vec2-base-finetuned-ks");
        var wav = TestMedia.ToneWav();

        var output = await model.RunAsync(BytezInput.FromMedia(wav, "audio/wav"));

        AssertBody(session,
            $$"""{"model":"aaraki/wav2vec2-base-finetuned-ks","stream":false,"params":{},"b64AudioBufferWav":"{{Convert.ToBase64String(wav)}}"}""",
            $$"""{"base64":"data:audio/wav;base64,{{Convert.ToBase64String(wav)}}"}""");
        var labels = output.GetLabels();
        Assert.NotEmpty(labels);
        Assert.NotEqual("_silence_", labels[0].Label); // a tone is not silence
        Assert.Equal(labels.OrderByDescending(l => l.Score).Select(l => l.Label), labels.Select(l => l.Label));
    }

    [Theory]
    [BothApiVersions]
    public async Task Image_segmentation(BytezApiVersion api)
    {
        var session = fixture.Session(api);
        var model = await session.LoadAsync("sayeed99/segformer-b3-fashion");

        var output = await model.RunAsync(BytezInput.FromUrl(new Uri(ImageUrl)));

        var segments = Items(output);
        Assert.NotEmpty(segments);
        Assert.All(segments, s =>
        {
            Assert.False(string.IsNullOrEmpty(s.GetProperty("label").GetString()));
            Assert.True(TestMedia.IsPng(Convert.FromBase64String(s.GetProperty("mask_png").GetString()!)));
        });
    }

    [Theory]
    [BothApiVersions]
    public async Task Visual_question_answering(BytezApiVersion api)
    {
        var session = fixture.Session(api);
        var model = await session.LoadAsync("Salesforce/blip-vqa-base");

        var output = await model.RunAsync(BytezInput.FromUrl(new Uri(ImageUrl)).WithQuestion("What kind of animal is this?"));

        AssertBody(session,
            """{"model":"Salesforce/blip-vqa-base","stream":false,"params":{},"image":"https://example.com/image.jpg","question":"What kind of animal is this?"}""",
            """{"url":"https://example.com/image.jpg","question":"What kind of animal is this?"}""");
        var answers = Items(output);
        Assert.NotEmpty(answers);
        Assert.False(string.IsNullOrWhiteSpace(answers[0].GetProperty("answer").GetString()));
        Assert.InRange(answers[0].GetProperty("score").GetDouble(), 0, 1);
    }

    [Theory]
    [BothApiVersions]
    public async Task Text_to_speech(BytezApiVersion api)
    {
        var session = fixture.Session(api);
        var model = await session.LoadAsync("suno/bark-small");

        var media = await model.RunMediaAsync("Hello, how are you today?");

        Assert.Equal("audio/wav", media.MediaType);
        Assert.True(TestMedia.IsWav(media.Data.ToArray()));
        AssertBody(session,
            """{"model":"suno/bark-small","stream":false,"params":{},"input":"Hello, how are you today?"}""",
            """{"text":"Hello, how are you today?","json":false}""");
    }

    [Theory]
    [BothApiVersions]
    public async Task Text_to_audio(BytezApiVersion api)
    {
        var session = fixture.Session(api);
        // The one v1 task without a seed example; same shape as text-to-speech (top-level output_wav).
        var model = await session.LoadAsync("facebook/musicgen-stereo-small");

        var output = await model.RunAsync("lo-fi music with a soothing melody");

        // v1: the top-level output_wav; v2: a link, which the media run fetches as bytes instead.
        var wav = api == BytezApiVersion.V1 ? output.GetWavBytes() : (await model.RunMediaAsync("lo-fi music with a soothing melody")).Data.ToArray();
        Assert.True(TestMedia.IsWav(wav));
    }

    [Theory]
    [BothApiVersions]
    public async Task Video_classification(BytezApiVersion api)
    {
        var session = fixture.Session(api);
        var model = await session.LoadAsync("ahmedabdo/video-classifier");

        var output = await model.RunAsync(BytezInput.FromUrl(new Uri("https://example.com/video.mp4")));

        // v1 nests the label list in output[0]; v2 flattens it.
        var list = api == BytezApiVersion.V1 ? output.Output!.Value[0] : output.Output!.Value;
        Assert.Equal(JsonValueKind.Object, list[0].ValueKind);
        var labels = output.GetLabels();
        Assert.NotEmpty(labels);
        Assert.Equal(list.GetArrayLength(), labels.Count);
    }

    [Theory]
    [BothApiVersions]
    public async Task Object_detection(BytezApiVersion api)
    {
        var session = fixture.Session(api);
        var model = await session.LoadAsync("facebook/detr-resnet-50");

        var output = await model.RunAsync(BytezInput.FromUrl(new Uri(ImageUrl)));

        var detections = Items(output);
        Assert.NotEmpty(detections);
        Assert.All(detections, d => AssertBox(d.GetProperty("box")));
    }

    [Theory]
    [BothApiVersions]
    public async Task Text_to_text_generation(BytezApiVersion api)
    {
        var session = fixture.Session(api);
        var modelParams = new JsonObject { ["max_new_tokens"] = 20, ["temperature"] = 2 };
        var model = await session.LoadAsync("google/flan-t5-base");

        var output = await model.RunAsync("Once upon a time there was a small little man who", modelParams);

        var text = output.GetGeneratedText();
        Assert.False(string.IsNullOrWhiteSpace(text));
        Assert.True(text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 20);
    }

    [Theory]
    [BothApiVersions]
    public async Task Zero_shot_image_classification(BytezApiVersion api)
    {
        var session = fixture.Session(api);
        var model = await session.LoadAsync("BilelDJ/clip-hugging-face-finetuned");

        var output = await model.RunAsync(BytezInput.FromUrl(new Uri(ImageUrl)).WithCandidateLabels(Animals));

        AssertBody(session,
            """{"model":"BilelDJ/clip-hugging-face-finetuned","stream":false,"params":{},"image":"https://example.com/image.jpg","candidate_labels":["squid","octopus","human","cat"]}""",
            """{"url":"https://example.com/image.jpg","candidate_labels":["squid","octopus","human","cat"]}""");
        var labels = output.GetLabels();
        Assert.Equal(["cat", "human", "octopus", "squid"], labels.Select(l => l.Label).Order(StringComparer.Ordinal));
        Assert.Equal(1.0, labels.Sum(l => l.Score), 3);
    }

    [Theory]
    [BothApiVersions]
    public async Task Zero_shot_classification(BytezApiVersion api)
    {
        var session = fixture.Session(api);
        var model = await session.LoadAsync("facebook/bart-large-mnli");

        var output = await model.RunAsync(BytezInput.FromText("One day I will see the world").WithCandidateLabels(["travel", "cooking", "dancing"]));

        AssertBody(session,
            """{"model":"facebook/bart-large-mnli","stream":false,"params":{},"text":"One day I will see the world","candidate_labels":["travel","cooking","dancing"]}""",
            """{"text":"One day I will see the world","candidate_labels":["travel","cooking","dancing"]}""");
        Assert.Equal("One day I will see the world", output.Output!.Value.GetProperty("sequence").GetString());
        var labels = output.GetLabels();
        Assert.Equal("travel", labels[0].Label);
        Assert.Equal(3, labels.Count);
        Assert.Equal(1.0, labels.Sum(l => l.Score), 3);
    }

    [Theory]
    [BothApiVersions]
    public async Task Document_question_answering(BytezApiVersion api)
    {
        var session = fixture.Session(api);
        var model = await session.LoadAsync("cloudqi/CQI_Visual_Question_Awnser_PT_v0");

        var output = await model.RunAsync(
            BytezInput.FromUrl(new Uri("https://templates.invoicehome.com/invoice-template-us-neat-750px.png")).WithQuestion("What's the total cost?"));

        // The seed prints output.output[0].answer.
        var first = output.Output!.Value[0];
        Assert.False(string.IsNullOrWhiteSpace(first.GetProperty("answer").GetString()));
        Assert.True(first.TryGetProperty("start", out _) && first.TryGetProperty("end", out _) && first.TryGetProperty("score", out _));
    }

    [Theory]
    [BothApiVersions]
    public async Task Text_generation_streamed(BytezApiVersion api)
    {
        var session = fixture.Session(api);
        const string Prompt = "Once upon a time there was a beautiful home where";
        var modelParams = new JsonObject { ["max_new_tokens"] = 500, ["min_new_tokens"] = 50, ["temperature"] = 0.5 };
        var model = await session.LoadAsync("Qwen/Qwen2-7B-Instruct");

        var chunks = await model.RunStreamingAsync(Prompt, modelParams).ToListAsync();

        Assert.NotEmpty(chunks);
        var text = string.Concat(chunks);
        Assert.StartsWith(Prompt, text, StringComparison.Ordinal);
        var newWords = text[Prompt.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.InRange(newWords, 50, 500);
        Assert.Equal(
            api == BytezApiVersion.V1
                ? """{"model":"Qwen/Qwen2-7B-Instruct","stream":true,"params":{"max_new_tokens":500,"min_new_tokens":50,"temperature":0.5},"input":"Once upon a time there was a beautiful home where"}"""
                : """{"text":"Once upon a time there was a beautiful home where","params":{"max_new_tokens":500,"min_new_tokens":50,"temperature":0.5},"stream":true}""",
            session.Log.LastRequest(session.StreamKind, model.ModelId).Body);
    }

    [Theory]
    [BothApiVersions]
    public async Task Unconditional_image_generation(BytezApiVersion api)
    {
        var session = fixture.Session(api);
        var model = await session.LoadAsync("afshr/cam_finetune");

        var output = await model.RunAsync("A rose");

        // v1: a top-level output_png, not under output; v2: a link in output.
        Assert.Equal(api == BytezApiVersion.V1, output.RawRepresentation.TryGetProperty("output_png", out _));
        Assert.Equal(api == BytezApiVersion.V2, output.TryGetOutputUrl(out _));
        var png = api == BytezApiVersion.V1 ? output.GetPngBytes() : (await model.RunMediaAsync("A rose")).Data.ToArray();
        Assert.True(TestMedia.IsPng(png));
    }

    [Theory]
    [BothApiVersions]
    public async Task Automatic_speech_recognition(BytezApiVersion api)
    {
        var session = fixture.Session(api);
        var model = await session.LoadAsync("facebook/data2vec-audio-base-960h");

        var output = await model.RunAsync(BytezInput.FromMedia(TestMedia.ToneWav(), "audio/wav"));

        // v1: {"text"}; v2: the transcript as a plain string.
        Assert.Equal(api == BytezApiVersion.V1 ? JsonValueKind.Object : JsonValueKind.String, output.Output!.Value.ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(output.GetTranscription()));
    }

    [Theory]
    [BothApiVersions]
    public async Task Zero_shot_object_detection(BytezApiVersion api)
    {
        var session = fixture.Session(api);
        // The seed uses the CLIP model id here too, with a base64 PNG; that model is a zero-shot image classifier.
        var model = await session.LoadAsync("BilelDJ/clip-hugging-face-finetuned");
        var png = TestMedia.GradientPng();

        // The seed sent b64ImageBufferPng; §2.5 documents "image" (URL or base64) for the zero-shot image tasks.
        var output = await model.RunAsync(BytezInput.FromMedia(png, "image/png").WithCandidateLabels(Animals));

        AssertBody(session,
            $$"""{"model":"BilelDJ/clip-hugging-face-finetuned","stream":false,"params":{},"image":"{{Convert.ToBase64String(png)}}","candidate_labels":["squid","octopus","human","cat"]}""",
            $$"""{"base64":"data:image/png;base64,{{Convert.ToBase64String(png)}}","candidate_labels":["squid","octopus","human","cat"]}""");
        var labels = output.GetLabels();
        Assert.Equal(4, labels.Count);
        Assert.All(labels, l => Assert.Contains(l.Label, (string[])["squid", "octopus", "human", "cat"]));
    }

    [Theory]
    [BothApiVersions]
    public async Task Zero_shot_object_detection_with_a_detector(BytezApiVersion api)
    {
        var session = fixture.Session(api);
        // The same input against the catalog's zero-shot detector: boxes as documented.
        var model = await session.LoadAsync("google/owlv2-base-patch16-finetuned");

        var output = await model.RunAsync(BytezInput.FromMedia(TestMedia.GradientPng(), "image/png").WithCandidateLabels(Animals));

        var detections = Items(output);
        Assert.NotEmpty(detections);
        Assert.All(detections, d =>
        {
            Assert.Contains(d.GetProperty("label").GetString(), (string[])["squid", "octopus", "human", "cat"]);
            AssertBox(d.GetProperty("box"));
        });
    }

    [Theory]
    [BothApiVersions]
    public async Task Text_to_image(BytezApiVersion api)
    {
        var session = fixture.Session(api);
        var model = await session.LoadAsync("dreamlike-art/dreamlike-photoreal-2.0");

        var media = await model.RunMediaAsync("A beautiful landscape with mountains and a river");

        Assert.Equal("image/png", media.MediaType);
        Assert.True(TestMedia.IsPng(media.Data.ToArray()));
        Assert.True(media.Data.Length > 100);
        var streamed = await model.RunMediaStreamingAsync("A beautiful landscape with mountains and a river").ToListAsync();
        Assert.Equal(media.Data.ToArray(), streamed.SelectMany(piece => piece.ToArray()).ToArray());
    }

    [Theory]
    [BothApiVersions]
    public async Task Chat_models(BytezApiVersion api)
    {
        var session = fixture.Session(api);
        BytezChatMessage[] messages =
        [
            new("system", "You are a friendly chatbot"),
            new("user", "What is the capital of England?"),
        ];
        var model = await session.LoadAsync("microsoft/Phi-3-mini-4k-instruct");

        var output = await model.RunAsync(BytezInput.FromMessages(messages), new JsonObject { ["max_length"] = 100 });

        // v1 (the seed prints output.output[0].generated_text): the conversation plus the new assistant message.
        // v2: the new assistant message alone.
        var conversation = output.GetChatMessages();
        if (api == BytezApiVersion.V1)
        {
            Assert.Equal(3, conversation.Count);
            Assert.Equal(messages, conversation.Take(2));
        }
        else
        {
            Assert.Single(conversation);
        }

        Assert.Equal(conversation[^1], output.GetAssistantMessage());
        Assert.Equal("assistant", output.GetAssistantMessage().Role);
        Assert.Contains("London", output.GetAssistantMessage().Content, StringComparison.Ordinal);
        AssertBody(session,
            """{"model":"microsoft/Phi-3-mini-4k-instruct","stream":false,"params":{"max_length":100},"input":[{"role":"system","content":"You are a friendly chatbot"},{"role":"user","content":"What is the capital of England?"}]}""",
            """{"messages":[{"role":"system","content":"You are a friendly chatbot"},{"role":"user","content":"What is the capital of England?"}],"params":{"max_length":100}}""");
    }

    [Theory]
    [BothApiVersions]
    public async Task Models_with_function_calling(BytezApiVersion api)
    {
        var session = fixture.Session(api);
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
        var model = await session.LoadAsync("Nexusflow/NexusRaven-V2-13B");
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

        var body = JsonNode.Parse(session.Log.LastRequest(session.StreamKind, model.ModelId).Body)!.AsObject();
        Assert.Equal(prompt, (string?)body[api == BytezApiVersion.V1 ? "input" : "text"]);
        Assert.True(JsonNode.DeepEquals(modelParams, body["params"]));
    }

    /// <summary>The last run's body as the emulator received it: the seed's v1 form, or the v2 explicit fields.</summary>
    private static void AssertBody(EmulatorFixture session, string v1Body, string v2Body) =>
        Assert.Equal(session.ApiVersion == BytezApiVersion.V1 ? v1Body : v2Body, session.Emulator.RequestLog.Entries.Last(e => e.Kind == session.RunKind).Body);

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
