using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Tests.Mapping;

/// <summary>
/// One precedence for <c>params</c> in every adapter (issue 14 item 14): the raw representation first, then a key the
/// caller wrote by name in <c>AdditionalProperties</c>, then the typed options for what is still unset. Checked on the
/// request bodies the emulator received.
/// </summary>
public sealed class ParameterPrecedenceTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Chat_an_additional_property_wins_over_the_typed_option_that_maps_to_the_same_key(bool streaming)
    {
        await using var env = await EmulatorFixture.StartAsync();
        using var chat = env.CreateChat();
        var options = new ChatOptions
        {
            FrequencyPenalty = 0.2f, // would be repetition_penalty 1.2
            MaxOutputTokens = 20,
            Temperature = 0.7f,
            AdditionalProperties = new() { ["repetition_penalty"] = 1.5, ["max_new_tokens"] = 40 },
            RawRepresentationFactory = _ => new JsonObject { ["max_new_tokens"] = 60 },
        };

        if (streaming)
        {
            await chat.GetStreamingResponseAsync("Tell me about Paris.", options).ToChatResponseAsync();
        }
        else
        {
            await chat.GetResponseAsync("Tell me about Paris.", options);
        }

        var parameters = env.Log.RunBodies(TestModels.Chat)[^1]["params"]!;
        Assert.Equal(1.5, parameters["repetition_penalty"]!.GetValue<double>()); // by name, over FrequencyPenalty
        Assert.Equal(60, parameters["max_new_tokens"]!.GetValue<int>()); // the raw object over both
        Assert.Equal(0.7f, parameters["temperature"]!.GetValue<float>()); // typed, where nothing else set it
    }

    [Fact]
    public async Task Images_an_additional_property_wins_over_the_size_that_maps_to_the_same_key()
    {
        await using var env = await EmulatorFixture.StartAsync();
        using var generator = env.Model(TestModels.TextToImage).AsIImageGenerator();

        await generator.GenerateAsync(
            new ImageGenerationRequest("a red fox"),
            new ImageGenerationOptions { ImageSize = new System.Drawing.Size(512, 512), AdditionalProperties = new() { ["width"] = 256 } });

        var parameters = env.Log.RunBodies(TestModels.TextToImage)[^1]["params"]!;
        Assert.Equal(256, parameters["width"]!.GetValue<int>());
        Assert.Equal(512, parameters["height"]!.GetValue<int>());
    }

    [Fact]
    public async Task Embeddings_the_raw_object_wins_over_an_additional_property_which_goes_through_otherwise()
    {
        await using var env = await EmulatorFixture.StartAsync();
        using var generator = env.Model(TestModels.SentenceSimilarity).AsIEmbeddingGenerator();

        await generator.GenerateAsync(
            ["The quick brown fox"],
            new EmbeddingGenerationOptions
            {
                AdditionalProperties = new() { ["normalize"] = false, ["pooling"] = "cls" },
                RawRepresentationFactory = _ => new JsonObject { ["normalize"] = true },
            });

        var parameters = env.Log.RunBodies(TestModels.SentenceSimilarity)[^1]["params"]!;
        Assert.True(parameters["normalize"]!.GetValue<bool>());
        Assert.Equal("cls", parameters["pooling"]!.GetValue<string>());
    }
}
