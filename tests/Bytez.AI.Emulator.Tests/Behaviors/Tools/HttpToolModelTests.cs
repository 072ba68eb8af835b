using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Bytez.AI.ToolCalling;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Emulator.Tests.Behaviors.Tools;

/// <summary>The tool models over the emulator's real HTTP server (v1 <c>/model/load</c>, <c>/model/run</c>), bodies and raw streams.</summary>
public sealed class HttpToolModelTests : IAsyncLifetime
{
    private readonly WeatherTools _tools = new();
    private BytezEmulator? _emulator;
    private HttpClient? _http;

    public async Task InitializeAsync()
    {
        _emulator = await BytezEmulator.StartAsync(new BytezEmulatorOptions
        {
            StartingDelay = TimeSpan.Zero,
            InstantiatingDelay = TimeSpan.Zero,
            JobDelay = TimeSpan.FromMilliseconds(1),
        });
        _http = new HttpClient { BaseAddress = _emulator.Endpoint };
        _http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Key test-key");
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(ToolModels.Raven, "pythonic", false)]
    [InlineData(ToolModels.Raven, "pythonic", true)]
    [InlineData(ToolModels.Qwen, "hermes", false)]
    [InlineData(ToolModels.Qwen, "hermes", true)]
    [InlineData(ToolModels.Qwen3, "hermes", true)]
    [InlineData(ToolModels.MistralNemo, "mistral", false)]
    public async Task The_seed_weather_example_runs_over_http(string modelId, string formatName, bool streaming)
    {
        using (var load = await PostAsync("model/load", new JsonObject { ["model"] = modelId }))
        {
            Assert.Equal(HttpStatusCode.OK, load.StatusCode);
        }

        var model = new EmulatedModel((input, parameters, stream) => RunAsync(modelId, input, parameters, stream));
        ToolCallFormat format = ToolCallFormats.ForModel(modelId);
        Assert.Equal(formatName, format.Name); // each model gets its own format and chat template
        using var client = EmulatedModel.Pipeline(model, format);
        var options = new ChatOptions { Tools = [_tools.GetWeatherData, _tools.GetCoordinatesFromCity] };

        var response = streaming
            ? await client.GetStreamingResponseAsync(WeatherTools.SeedQuery, options).ToChatResponseAsync()
            : await client.GetResponseAsync(WeatherTools.SeedQuery, options);

        Assert.Equal(["get_coordinates_from_city(Seattle)", "get_weather_data(47.6062, -122.3321)"], _tools.Invoked);
        Assert.EndsWith("The current temperature in Seattle is 12.5 degrees.", response.Text, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<string>> RunAsync(string modelId, JsonNode input, JsonObject parameters, bool stream)
    {
        var body = new JsonObject { ["model"] = modelId, ["input"] = input.DeepClone(), ["stream"] = stream, ["params"] = parameters.DeepClone() };
        using HttpResponseMessage response = await PostAsync("model/run", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string echo = input is JsonValue ? input.GetValue<string>() : string.Empty;
        string text = await response.Content.ReadAsStringAsync();
        if (stream)
        {
            // v1 streams are raw text; text-generation echoes the prompt first.
            Assert.StartsWith(echo, text, StringComparison.Ordinal);
            return FunctionInvocationTests.Rechunk(Chunks(text[echo.Length..]), 0);
        }

        JsonNode generated = JsonNode.Parse(text)!["output"]![0]!["generated_text"]!;
        return [generated is JsonArray conversation ? conversation[^1]!["content"]!.GetValue<string>() : generated.GetValue<string>()[echo.Length..]];
    }

    /// <summary>Small pieces, so the client's stream parser sees split markers even when the transport coalesced chunks.</summary>
    private static IEnumerable<string> Chunks(string text)
    {
        for (int i = 0; i < text.Length; i += 4)
        {
            yield return text.Substring(i, Math.Min(4, text.Length - i));
        }
    }

    private Task<HttpResponseMessage> PostAsync(string path, JsonObject body) =>
        _http!.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
}
