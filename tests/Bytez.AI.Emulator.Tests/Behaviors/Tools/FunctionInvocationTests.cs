using System.Text.Json.Nodes;
using Bytez.AI.Emulator.Behaviors;
using Bytez.AI.ToolCalling;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Emulator.Tests.Behaviors.Tools;

/// <summary>The emulated tool models inside M.E.AI's <see cref="FunctionInvokingChatClient"/> loop, in process.</summary>
public class FunctionInvocationTests
{
    private readonly WeatherTools _tools = new();

    public static TheoryData<string, string, bool> Models
    {
        get
        {
            var data = new TheoryData<string, string, bool>();
            foreach (bool streaming in (bool[])[false, true])
            {
                data.Add(ToolModels.Raven, "pythonic", streaming);
                data.Add(ToolModels.Qwen, "hermes", streaming);
                data.Add(ToolModels.Llama, "llama3", streaming);
                data.Add(ToolModels.Mistral, "mistral", streaming);
                data.Add(ToolModels.MistralNemo, "mistral", streaming);
                data.Add(ToolModels.Hermes3, "hermes", streaming);
                data.Add(ToolModels.Qwen3, "hermes", streaming);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public async Task The_seed_weather_example_runs_both_functions_in_order_and_answers_with_the_temperature(string modelId, string formatName, bool streaming)
    {
        var model = new EmulatedModel(InProcess(modelId));
        ToolCallFormat format = ToolCallFormats.ForModel(modelId);
        Assert.Equal(formatName, format.Name); // each model gets its own format and chat template
        using var client = EmulatedModel.Pipeline(model, format);
        var options = new ChatOptions { Tools = [_tools.GetWeatherData, _tools.GetCoordinatesFromCity] };

        var response = streaming
            ? await client.GetStreamingResponseAsync(WeatherTools.SeedQuery, options).ToChatResponseAsync()
            : await client.GetResponseAsync(WeatherTools.SeedQuery, options);

        Assert.Equal(["get_coordinates_from_city(Seattle)", "get_weather_data(47.6062, -122.3321)"], _tools.Invoked);
        Assert.EndsWith("The current temperature in Seattle is 12.5 degrees.", response.Text, StringComparison.Ordinal);
        Assert.Equal(modelId == ToolModels.Raven ? 2 : 3, model.ModelRequests); // NexusRaven's outer call needs no request
    }

    [Theory]
    [MemberData(nameof(Models))]
    public async Task Parallel_calls_run_and_the_answer_quotes_both_results(string modelId, string formatName, bool streaming)
    {
        var model = new EmulatedModel(InProcess(modelId));
        ToolCallFormat format = ToolCallFormats.ForModel(modelId);
        Assert.Equal(formatName, format.Name); // each model gets its own format and chat template
        using var client = EmulatedModel.Pipeline(model, format);
        var options = new ChatOptions { Tools = [_tools.GetWeather, _tools.GetTime] };
        const string Question = "What's the weather in Paris and London?";

        var response = streaming
            ? await client.GetStreamingResponseAsync(Question, options).ToChatResponseAsync()
            : await client.GetResponseAsync(Question, options);

        Assert.Equal(["get_weather(Paris)", "get_weather(London)"], _tools.Invoked);
        Assert.EndsWith("The weather in Paris is 15 degrees and cloudy. The weather in London is 12 degrees and sunny.", response.Text, StringComparison.Ordinal);
    }

    /// <summary>Runs the model's behaviour directly: a body (one chunk) or the stream chunks, prompt echo removed.</summary>
    internal static Func<JsonNode, JsonObject, bool, Task<IReadOnlyList<string>>> InProcess(string modelId) => (input, parameters, stream) =>
    {
        EmulatorRunRequest request = Emulate.Input(modelId, input, parameters.ToJsonString()) with { Stream = stream };
        ITaskBehavior behavior = TaskBehaviors.For(request.Model);
        string echo = input is JsonValue ? input.GetValue<string>() : string.Empty;
        if (stream)
        {
            string all = string.Concat(behavior.Stream(request)!);
            Assert.StartsWith(echo, all, StringComparison.Ordinal);
            return Task.FromResult<IReadOnlyList<string>>(Rechunk(behavior.Stream(request)!, echo.Length));
        }

        JsonNode generated = behavior.Run(request)["output"]![0]!["generated_text"]!;
        string text = generated is JsonArray conversation ? conversation[^1]!["content"]!.GetValue<string>() : generated.GetValue<string>()[echo.Length..];
        return Task.FromResult<IReadOnlyList<string>>([text]);
    };

    /// <summary>The chunks with the first <paramref name="skip"/> characters (the echoed prompt) removed.</summary>
    internal static List<string> Rechunk(IEnumerable<string> chunks, int skip)
    {
        var result = new List<string>();
        foreach (string chunk in chunks)
        {
            if (skip >= chunk.Length)
            {
                skip -= chunk.Length;
                continue;
            }

            result.Add(chunk[skip..]);
            skip = 0;
        }

        return result;
    }
}
