using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors;
using Bytez.AI.Emulator.Behaviors.Media;

namespace Bytez.AI.Emulator.Tests.Behaviors;

public sealed class MediaTests
{
    [Fact]
    public void Crc32_matches_the_standard_check_value_and_the_fixture_png()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute(Encoding.ASCII.GetBytes("123456789")));
        PngImage fixture = PngImage.Read(Convert.FromBase64String(SeedExamples.Png1x1));
        Assert.Equal((1, 1), (fixture.Width, fixture.Height));
    }

    [Fact]
    public void Png_encoder_round_trips_rgba_and_grayscale_pixels()
    {
        byte[] rgba = Enumerable.Range(0, 5 * 3 * 4).Select(i => (byte)(i * 37)).ToArray();
        PngImage image = PngImage.Read(PngEncoder.Encode(5, 3, rgba));
        Assert.Equal((5, 3, 6), (image.Width, image.Height, image.ColorType));
        Assert.Equal(rgba, image.Pixels);
        Assert.Equal(["IHDR", "IDAT", "IEND"], image.Chunks);

        byte[] gray = Enumerable.Range(0, 7 * 2).Select(i => (byte)(i * 11)).ToArray();
        PngImage grayImage = PngImage.Read(PngEncoder.EncodeGrayscale(7, 2, gray));
        Assert.Equal((7, 2, 0), (grayImage.Width, grayImage.Height, grayImage.ColorType));
        Assert.Equal(gray, grayImage.Pixels);
    }

    [Fact]
    public void Png_encoder_rejects_bad_sizes()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PngEncoder.Encode(0, 1, []));
        Assert.Throws<ArgumentException>(() => PngEncoder.Encode(2, 2, new byte[3]));
    }

    [Fact]
    public void Text_to_image_returns_a_valid_64_by_64_png_by_default()
    {
        JsonObject body = Emulate.Run("dreamlike-art/dreamlike-photoreal-2.0", """{"input": "A beautiful landscape with mountains and a river"}""");
        Assert.Null(body["output"]);
        PngImage image = PngImage.Read(Convert.FromBase64String(body["output_png"]!.GetValue<string>()));
        Assert.Equal((64, 64, 6), (image.Width, image.Height, image.ColorType));
        Assert.True(image.Pixels.Where((_, i) => i % 4 == 3).All(a => a == 255));
        Assert.True(image.Pixels.Distinct().Count() > 10, "expected a pattern, not a flat colour");
    }

    [Theory]
    [InlineData("""{"width": 32, "height": 16}""", 32, 16)]
    [InlineData("""{"width": 5000, "height": 0}""", 1024, 1)]
    public void Text_to_image_honours_width_and_height(string parameters, int width, int height)
    {
        JsonObject body = Emulate.Run("stabilityai/stable-diffusion-xl-base-1.0", $$"""{"input": "An astronaut", "params": {{parameters}}}""");
        PngImage image = PngImage.Read(Convert.FromBase64String(body["output_png"]!.GetValue<string>()));
        Assert.Equal((width, height), (image.Width, image.Height));
    }

    [Fact]
    public void Images_depend_on_the_prompt_only_deterministically()
    {
        string a = Emulate.Run("dreamlike-art/dreamlike-photoreal-2.0", """{"input": "A red barn"}""")["output_png"]!.GetValue<string>();
        string b = Emulate.Run("dreamlike-art/dreamlike-photoreal-2.0", """{"input": "A blue lake"}""")["output_png"]!.GetValue<string>();
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Unconditional_generation_works_with_or_without_a_prompt()
    {
        foreach (string body in new[] { """{"input": "A rose"}""", """{"params": {}}""" })
        {
            PngImage image = PngImage.Read(Convert.FromBase64String(Emulate.Run("afshr/cam_finetune", body)["output_png"]!.GetValue<string>()));
            Assert.Equal(64, image.Width);
        }
    }

    [Fact]
    public void Text_to_image_needs_a_prompt()
    {
        Assert.Throws<EmulatorInputException>(() => Emulate.Run("dreamlike-art/dreamlike-photoreal-2.0", """{"params": {}}"""));
    }

    [Theory]
    [InlineData("suno/bark-small")]
    [InlineData("facebook/musicgen-stereo-small")]
    public void Text_to_speech_returns_a_valid_16khz_pcm_wav(string modelId)
    {
        const string text = "Hello, how are you today?";
        JsonObject body = Emulate.Run(modelId, $$"""{"input": "{{text}}"}""");
        byte[] wav = Convert.FromBase64String(body["output_wav"]!.GetValue<string>());

        Assert.Equal("RIFF", Encoding.ASCII.GetString(wav, 0, 4));
        Assert.Equal(wav.Length - 8, BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(4)));
        Assert.Equal("WAVE", Encoding.ASCII.GetString(wav, 8, 4));
        Assert.Equal("fmt ", Encoding.ASCII.GetString(wav, 12, 4));
        Assert.Equal(16, BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(16)));
        Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(20))); // PCM
        Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(22))); // mono
        Assert.Equal(16000, BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(24)));
        Assert.Equal(32000, BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(28)));
        Assert.Equal(16, BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(34)));

        WavInfo info = MediaProbe.Wav(wav)!;
        Assert.Equal(text, info.Comment);
        Assert.False(info.IsSilent);
        Assert.Equal(0.06 * text.Length, info.DurationSeconds, 2);

        int dataAt = wav.AsSpan().IndexOf("data"u8);
        Assert.Equal(wav.Length - dataAt - 8, BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(dataAt + 4)));
    }

    [Fact]
    public void Text_to_video_returns_an_ftyp_and_mdat_mp4()
    {
        JsonObject body = Emulate.Run("ali-vilab/text-to-video-ms-1.7b", """{"input": "A cat playing with a rose"}""");
        byte[] mp4 = Convert.FromBase64String(body["output_mp4"]!.GetValue<string>());
        int ftypSize = BinaryPrimitives.ReadInt32BigEndian(mp4);
        Assert.Equal("ftyp", Encoding.ASCII.GetString(mp4, 4, 4));
        Assert.Equal("isom", Encoding.ASCII.GetString(mp4, 8, 4));
        Assert.Equal("mdat", Encoding.ASCII.GetString(mp4, ftypSize + 4, 4));
        Assert.Equal(mp4.Length, ftypSize + BinaryPrimitives.ReadInt32BigEndian(mp4.AsSpan(ftypSize)));
    }
}
