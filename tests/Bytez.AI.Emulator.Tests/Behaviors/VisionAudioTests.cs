using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors;
using Bytez.AI.Emulator.Behaviors.Media;

namespace Bytez.AI.Emulator.Tests.Behaviors;

public sealed class VisionAudioTests
{
    private const string CatsAndDogs = "https://www.padoniavets.com/sites/default/files/field/image/cats-and-dogs.jpg";

    [Fact]
    public void Image_classification_ranks_scene_labels()
    {
        JsonArray output = Emulate.Output("google/vit-base-patch16-224", $$"""{"input": "{{CatsAndDogs}}"}""").AsArray();
        Assert.Equal(5, output.Count);
        Assert.Equal("tabby, tabby cat", output[0]!["label"]!.GetValue<string>());
        AssertDescendingScores(output);
        Assert.True(output.Sum(o => o!["score"]!.GetValue<double>()) <= 1.0);
    }

    [Fact]
    public void Image_inputs_accept_urls_raw_base64_data_urls_and_members()
    {
        foreach (string body in new[]
        {
            """{"input": "https://example.com/image.jpg"}""",
            $$"""{"input": "{{SeedExamples.Png1x1}}"}""",
            $$"""{"input": "data:image/png;base64,{{SeedExamples.Png1x1}}"}""",
            """{"image": "https://example.com/image.jpg"}""",
            $$"""{"b64ImageBufferPng": "{{SeedExamples.Png1x1}}"}""",
        })
        {
            Assert.NotEmpty(Emulate.Output("google/vit-base-patch16-224", body).AsArray());
        }
    }

    [Theory]
    [InlineData("""{"input": "not an image !!"}""", "neither")]
    [InlineData("""{"params": {}}""", "'image'")]
    [InlineData("""{"image": 5}""", "'image'")]
    [InlineData("""{"input": ["https://example.com/a.jpg"]}""", "array")]
    public void Bad_image_inputs_are_input_errors(string body, string messagePart)
    {
        var ex = Assert.Throws<EmulatorInputException>(() => Emulate.Run("google/vit-base-patch16-224", body));
        Assert.Contains(messagePart, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Object_detection_boxes_fit_inside_the_image()
    {
        string png = Convert.ToBase64String(PngEncoder.Encode(100, 50, new byte[100 * 50 * 4]));
        JsonArray output = Emulate.Output("facebook/detr-resnet-50", $$"""{"input": "{{png}}"}""").AsArray();
        Assert.NotEmpty(output);
        AssertDescendingScores(output);
        Assert.All(output, d =>
        {
            JsonNode box = d!["box"]!;
            int xmin = box["xmin"]!.GetValue<int>(), ymin = box["ymin"]!.GetValue<int>();
            int xmax = box["xmax"]!.GetValue<int>(), ymax = box["ymax"]!.GetValue<int>();
            Assert.InRange(xmin, 0, xmax - 1);
            Assert.InRange(ymin, 0, ymax - 1);
            Assert.InRange(xmax, 1, 99);
            Assert.InRange(ymax, 1, 49);
            Assert.False(string.IsNullOrEmpty(d["label"]!.GetValue<string>()));
        });

        JsonArray cats = Emulate.Output("facebook/detr-resnet-50", """{"input": "https://example.com/cat.jpg"}""").AsArray();
        Assert.Contains(cats, d => d!["label"]!.GetValue<string>() == "cat");
    }

    [Fact]
    public void Zero_shot_object_detection_boxes_every_candidate_and_ranks_the_subject_first()
    {
        JsonArray output = Emulate.Output("google/owlv2-base-patch16-finetuned", """{"image": "https://example.com/my-cat.png", "candidate_labels": ["squid", "octopus", "human", "cat"]}""").AsArray();
        Assert.Equal(4, output.Count);
        Assert.Equal("cat", output[0]!["label"]!.GetValue<string>());
        AssertDescendingScores(output);
        Assert.Throws<EmulatorInputException>(() => Emulate.Run("google/owlv2-base-patch16-finetuned", """{"image": "https://example.com/x.png"}"""));
    }

    [Fact]
    public void Zero_shot_image_classification_sums_to_one_and_prefers_the_subject()
    {
        JsonArray output = Emulate.Output("BilelDJ/clip-hugging-face-finetuned", """{"image": "https://example.com/cute-cat.jpg", "candidate_labels": ["squid", "octopus", "human", "cat"]}""").AsArray();
        Assert.Equal("cat", output[0]!["label"]!.GetValue<string>());
        Assert.Equal(1.0, output.Sum(o => o!["score"]!.GetValue<double>()), 3);
        AssertDescendingScores(output);
    }

    [Fact]
    public void Image_segmentation_masks_are_valid_pngs_that_partition_the_image()
    {
        JsonArray output = Emulate.Output("sayeed99/segformer-b3-fashion", """{"input": "https://example.com/image.jpg"}""").AsArray();
        Assert.Equal(3, output.Count);
        PngImage[] masks = output.Select(o => PngImage.Read(Convert.FromBase64String(o!["mask_png"]!.GetValue<string>()))).ToArray();
        Assert.All(masks, m => Assert.Equal((320, 240, 0), (m.Width, m.Height, m.ColorType)));
        for (int i = 0; i < 320 * 240; i++)
        {
            Assert.Equal(255, masks.Sum(m => m.Pixels[i]));
        }

        Assert.All(output, o => Assert.InRange(o!["score"]!.GetValue<double>(), 0, 1));
    }

    [Fact]
    public void Depth_estimation_returns_a_png_and_a_coarse_depth_grid()
    {
        JsonNode output = Emulate.Output("vinvino02/glpn-nyu", """{"input": "https://example.com/image.jpg"}""");
        PngImage depth = PngImage.Read(Convert.FromBase64String(output["depth_png"]!.GetValue<string>()));
        Assert.Equal((320, 240, 0), (depth.Width, depth.Height, depth.ColorType));
        JsonArray grid = output["formatted_predicted_depth_array"]!.AsArray();
        Assert.Equal(12, grid.Count);
        Assert.All(grid, row =>
        {
            Assert.Equal(16, row!.AsArray().Count);
            Assert.All(row.AsArray(), v => Assert.InRange(v!.GetValue<double>(), 1.0, 10.0));
        });
    }

    [Fact]
    public void Mask_generation_reports_the_png_dimensions_and_binary_masks()
    {
        string png = Convert.ToBase64String(PngEncoder.Encode(40, 30, new byte[40 * 30 * 4]));
        JsonNode output = Emulate.Output("facebook/sam-vit-base", $$"""{"b64ImageBufferPng": "{{png}}"}""");
        Assert.Equal(40, output["input_image_dimensions"]!["width"]!.GetValue<int>());
        Assert.Equal(30, output["input_image_dimensions"]!["height"]!.GetValue<int>());
        JsonArray masks = output["masks"]!.AsArray();
        Assert.Equal(masks.Count, output["scores"]!.AsArray().Count);
        Assert.All(masks, mask => Assert.All(mask!.AsArray(), row => Assert.All(row!.AsArray(), v => Assert.Contains(v!.GetValue<int>(), new[] { 0, 1 }))));

        JsonNode tiny = Emulate.Output("facebook/sam-vit-base", $$"""{"b64ImageBufferPng": "{{SeedExamples.Png1x1}}"}""");
        Assert.Equal(1, tiny["input_image_dimensions"]!["width"]!.GetValue<int>());
        Assert.Throws<EmulatorInputException>(() => Emulate.Run("facebook/sam-vit-base", """{"params": {}}"""));
    }

    [Fact]
    public void Image_to_text_captions_from_the_url()
    {
        JsonNode output = Emulate.Output("Salesforce/blip-image-captioning-base", $$"""{"input": "{{CatsAndDogs}}"}""");
        Assert.Equal("a picture of cats and dogs", output[0]!["generated_text"]!.GetValue<string>());
        string generic = Emulate.Output("Salesforce/blip-image-captioning-base", """{"input": "https://example.com/image.jpg"}""")[0]!["generated_text"]!.GetValue<string>();
        Assert.StartsWith("a ", generic, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("What kind of animal is this?", "https://example.com/dog.jpg", "dog")]
    [InlineData("What color is the car?", "https://example.com/car.jpg", "red")]
    [InlineData("How many cats are there?", "https://example.com/cats.jpg", "2")]
    [InlineData("Is there a cat?", "https://example.com/cats.jpg", "yes")]
    public void Visual_question_answering_answers_from_the_scene(string question, string image, string answer)
    {
        JsonArray output = Emulate.Output("Salesforce/blip-vqa-base", $$"""{"image": "{{image}}", "question": "{{question}}"}""").AsArray();
        Assert.Equal(answer, Assert.Single(output)!["answer"]!.GetValue<string>());
        Assert.InRange(output[0]!["score"]!.GetValue<double>(), 0, 1);
    }

    [Fact]
    public void Visual_question_answering_always_names_an_animal_when_asked()
    {
        string answer = Emulate.Output("Salesforce/blip-vqa-base", """{"image": "https://example.com/image.jpg", "question": "What kind of animal is this?"}""")[0]!["answer"]!.GetValue<string>();
        Assert.Contains(answer, new[] { "cat", "dog" });
        Assert.Throws<EmulatorInputException>(() => Emulate.Run("Salesforce/blip-vqa-base", """{"image": "https://example.com/image.jpg"}"""));
    }

    [Fact]
    public void Document_question_answering_returns_the_invoice_total()
    {
        JsonArray output = Emulate.Output("cloudqi/CQI_Visual_Question_Awnser_PT_v0", """{"image": "https://templates.invoicehome.com/invoice-template-us-neat-750px.png", "question": "What's the total cost?"}""").AsArray();
        JsonNode answer = Assert.Single(output)!;
        Assert.Equal("$154.06", answer["answer"]!.GetValue<string>());
        Assert.True(answer["end"]!.GetValue<int>() >= answer["start"]!.GetValue<int>());
        Assert.InRange(answer["score"]!.GetValue<double>(), 0, 1);
    }

    [Fact]
    public void Audio_classification_hears_silence_and_spoken_keywords()
    {
        JsonArray silent = Emulate.Output("aaraki/wav2vec2-base-finetuned-ks", $$"""{"b64AudioBufferWav": "{{SeedExamples.SilentWav}}"}""").AsArray();
        Assert.Equal(5, silent.Count);
        Assert.Equal("_silence_", silent[0]!["label"]!.GetValue<string>());
        AssertDescendingScores(silent);

        string speech = Emulate.Run("suno/bark-small", """{"input": "Please stop now"}""")["output_wav"]!.GetValue<string>();
        JsonArray heard = Emulate.Output("aaraki/wav2vec2-base-finetuned-ks", $$"""{"b64AudioBufferWav": "{{speech}}"}""").AsArray();
        Assert.Equal("stop", heard[0]!["label"]!.GetValue<string>());
    }

    [Fact]
    public void Speech_recognition_round_trips_emulated_speech_and_transcribes_other_audio()
    {
        string speech = Emulate.Run("suno/bark-small", """{"input": "Hello, how are you today?"}""")["output_wav"]!.GetValue<string>();
        JsonNode output = Emulate.Output("facebook/data2vec-audio-base-960h", $$"""{"b64AudioBufferWav": "{{speech}}"}""");
        Assert.Equal("HELLO HOW ARE YOU TODAY", output["text"]!.GetValue<string>());

        string fixture = Emulate.Output("facebook/data2vec-audio-base-960h", $$"""{"b64AudioBufferWav": "{{SeedExamples.SilentWav}}"}""")["text"]!.GetValue<string>();
        Assert.Equal("GO", fixture);

        string flac = Convert.ToBase64String(Enumerable.Range(0, 20000).Select(i => (byte)(i * 7)).ToArray());
        string other = Emulate.Output("facebook/data2vec-audio-base-960h", $$"""{"b64AudioBufferWav": "{{flac}}"}""")["text"]!.GetValue<string>();
        Assert.Equal(4, other.Split(' ').Length); // one word per 4 KB of audio that is not a WAV
        Assert.Equal(other, other.ToUpperInvariant());
    }

    [Fact]
    public void Speech_recognition_of_audio_with_sound_depends_on_every_byte_and_is_deterministic()
    {
        // Two tones of the same length: the same number of words, different words; the same bytes, the same words.
        string Transcribe(byte[] wav) =>
            Emulate.Output("facebook/data2vec-audio-base-960h", $$"""{"b64AudioBufferWav": "{{Convert.ToBase64String(wav)}}"}""")["text"]!.GetValue<string>();
        byte[] low = Tone(2.0, 220), high = Tone(2.0, 660);

        string first = Transcribe(low);
        string second = Transcribe(high);

        Assert.Equal(5, first.Split(' ').Length); // one word per 0.4 s of WAV audio
        Assert.Equal(5, second.Split(' ').Length);
        Assert.NotEqual(first, second);
        Assert.Equal(first, Transcribe(low));
        Assert.Equal(3, Transcribe(Tone(1.3, 220)).Split(' ').Length);
    }

    [Fact]
    public void Text_to_speech_gives_a_valid_wav_whose_length_follows_the_text()
    {
        byte[] Speak(string text) => Convert.FromBase64String(Emulate.Run("suno/bark-small", $$"""{"input": "{{text}}"}""")["output_wav"]!.GetValue<string>());

        byte[] shortSpeech = Speak("Hello there, friend.");
        byte[] longSpeech = Speak("Hello there, friend. The weather in Paris is fine today.");

        foreach (byte[] wav in new[] { shortSpeech, longSpeech })
        {
            Assert.True(wav.AsSpan().StartsWith("RIFF"u8) && wav.AsSpan(8, 4).SequenceEqual("WAVE"u8), "not a RIFF/WAVE file");
            Assert.Equal(wav.Length - 8, BitConverter.ToInt32(wav, 4)); // the RIFF size covers the whole file
        }

        // 0.06 s per character at 16 kHz, 16-bit mono: 1,920 bytes of samples per character (give or take a rounded sample).
        Assert.InRange(SampleBytes(shortSpeech), (20 * 1920) - 2, 20 * 1920);
        Assert.InRange(SampleBytes(longSpeech), (56 * 1920) - 2, 56 * 1920);
        Assert.Equal(shortSpeech, Speak("Hello there, friend."));
    }

    [Theory]
    [InlineData("""{"params": {}}""", "'b64AudioBufferWav'")]
    [InlineData("""{"b64AudioBufferWav": "%%%"}""", "base64")]
    public void Audio_inputs_must_be_present_and_base64(string body, string messagePart)
    {
        var ex = Assert.Throws<EmulatorInputException>(() => Emulate.Run("facebook/data2vec-audio-base-960h", body));
        Assert.Contains(messagePart, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"input": "https://example.com/video.mp4"}""")]
    [InlineData("""{"mp4Url": "https://example.com/guitar-lesson.mp4"}""")]
    [InlineData("""{"b64VideoBufferMp4": "AAAAGGZ0eXBpc29tAAACAGlzb21pc28y"}""")]
    public void Video_classification_returns_a_nested_label_list(string body)
    {
        JsonArray output = Emulate.Output("ahmedabdo/video-classifier", body).AsArray();
        JsonArray labels = Assert.IsType<JsonArray>(Assert.Single(output));
        Assert.Equal(5, labels.Count);
        AssertDescendingScores(labels);
    }

    [Fact]
    public void Video_classification_uses_url_keywords()
    {
        JsonArray labels = Emulate.Output("ahmedabdo/video-classifier", """{"mp4Url": "https://example.com/guitar-lesson.mp4"}""")[0]!.AsArray();
        Assert.Equal("playing guitar", labels[0]!["label"]!.GetValue<string>());
        Assert.Throws<EmulatorInputException>(() => Emulate.Run("ahmedabdo/video-classifier", """{"params": {}}"""));
    }

    private static void AssertDescendingScores(JsonArray items)
    {
        double[] scores = items.Select(o => o!["score"]!.GetValue<double>()).ToArray();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        Assert.All(scores, s => Assert.InRange(s, 0, 1));
    }

    /// <summary>The size of a WAV's <c>data</c> chunk, found by walking its RIFF chunks.</summary>
    private static int SampleBytes(byte[] wav)
    {
        for (int offset = 12; offset + 8 <= wav.Length;)
        {
            int size = BitConverter.ToInt32(wav, offset + 4);
            if (wav.AsSpan(offset, 4).SequenceEqual("data"u8))
            {
                Assert.Equal(wav.Length, offset + 8 + size);
                return size;
            }

            offset += 8 + size + (size & 1);
        }

        throw new InvalidOperationException("The WAV has no data chunk.");
    }

    private static byte[] Tone(double seconds, int frequency)
    {
        var samples = new short[(int)(seconds * 16000)];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(8000 * Math.Sin(2 * Math.PI * frequency * i / 16000));
        }

        return WavEncoder.EncodePcm16Mono(16000, samples);
    }
}
