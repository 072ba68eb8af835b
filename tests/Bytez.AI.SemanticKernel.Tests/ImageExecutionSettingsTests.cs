using System.Drawing;
using System.Text.Json;
using Bytez.AI.SemanticKernel.TextToImage;
using Microsoft.SemanticKernel;

namespace Bytez.AI.SemanticKernel.Tests;

public sealed class ImageExecutionSettingsTests
{
    [Fact]
    public void No_settings_means_model_defaults()
    {
        var read = ImageExecutionSettings.Read(null);

        Assert.Null(read.Size);
        Assert.Null(read.Count);
        Assert.Empty(read.Additional);
    }

    [Fact]
    public void Width_and_height_as_numbers()
    {
        var settings = new PromptExecutionSettings { ExtensionData = new Dictionary<string, object> { ["width"] = 512, ["height"] = 256L } };

        Assert.Equal(new Size(512, 256), ImageExecutionSettings.Read(settings).Size);
    }

    [Fact]
    public void Width_and_height_from_json_as_the_obsolete_GenerateImageAsync_builds_them()
    {
        // TextToImageServiceExtensions.GenerateImageAsync deserializes {"width": w, "height": h} into PromptExecutionSettings.
        var settings = JsonSerializer.Deserialize<PromptExecutionSettings>("""{ "width": 640, "height": "480" }""")!;

        Assert.Equal(new Size(640, 480), ImageExecutionSettings.Read(settings).Size);
    }

    [Theory]
    [InlineData("512x512", 512, 512)]
    [InlineData("1024X768", 1024, 768)]
    public void Size_string(string size, int width, int height)
    {
        var settings = new PromptExecutionSettings { ExtensionData = new Dictionary<string, object> { ["size"] = size } };

        Assert.Equal(new Size(width, height), ImageExecutionSettings.Read(settings).Size);
    }

    [Fact]
    public void Explicit_width_overrides_size_whatever_the_order()
    {
        var settings = new PromptExecutionSettings { ExtensionData = new Dictionary<string, object> { ["width"] = 300, ["size"] = "512x512" } };

        Assert.Equal(new Size(300, 512), ImageExecutionSettings.Read(settings).Size);
    }

    [Fact]
    public void Count_and_unknown_keys_pass_through()
    {
        var settings = new PromptExecutionSettings
        {
            ExtensionData = new Dictionary<string, object> { ["n"] = 2, ["num_inference_steps"] = 20 },
        };

        var read = ImageExecutionSettings.Read(settings);

        Assert.Equal(2, read.Count);
        Assert.Equal(20, Assert.Single(read.Additional, p => p.Key == "num_inference_steps").Value);
    }

    [Theory]
    [InlineData("width", 0)]
    [InlineData("width", -5)]
    [InlineData("height", "wide")]
    [InlineData("size", "512")]
    [InlineData("size", "x512")]
    public void Invalid_values_are_refused_naming_the_key(string key, object value)
    {
        var data = new Dictionary<string, object> { [key] = value };
        if (key != "size")
        {
            data[key == "width" ? "height" : "width"] = 100;
        }

        var error = Assert.Throws<ArgumentException>(() => ImageExecutionSettings.Read(new PromptExecutionSettings { ExtensionData = data }));
        Assert.Contains($"'{key}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_one_dimension_is_refused()
    {
        var settings = new PromptExecutionSettings { ExtensionData = new Dictionary<string, object> { ["width"] = 512 } };

        var error = Assert.Throws<ArgumentException>(() => ImageExecutionSettings.Read(settings));
        Assert.Contains("both", error.Message, StringComparison.Ordinal);
    }
}
