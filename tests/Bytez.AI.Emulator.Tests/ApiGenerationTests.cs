using System.Net;
using System.Text.Json.Nodes;

namespace Bytez.AI.Emulator.Tests;

/// <summary>
/// <see cref="BytezEmulatorOptions.Api"/>: a single-generation emulator answers 404 on the other generation's paths, so
/// a client test proves it speaks that generation alone.
/// </summary>
public sealed class ApiGenerationTests
{
    private static readonly (string Method, string Path, string Body)[] V1Calls =
    [
        ("GET", "model/list", ""),
        ("GET", "model/instances", ""),
        ("POST", "model/load", """{"model":"openai-community/gpt2"}"""),
        ("POST", "model/status", """{"model":"openai-community/gpt2"}"""),
        ("POST", "model/run", """{"model":"openai-community/gpt2","input":"Once upon a time"}"""),
        ("POST", "model/delete", """{"model":"openai-community/gpt2"}"""),
        ("POST", "model/job", """{"model":"openai-community/gpt2"}"""),
    ];

    private static readonly (string Method, string Path, string Body)[] V2Calls =
    [
        ("GET", "models/v2/list/models", ""),
        ("GET", "models/v2/list/tasks", ""),
        ("POST", "models/v2/openai-community/gpt2", """{"text":"Once upon a time"}"""),
        ("POST", "models/v2/request/chavinlo/alpaca-native", ""),
        ("POST", "models/v2/openai/v1/chat/completions", """{"model":"microsoft/Phi-3-mini-4k-instruct","messages":[{"role":"user","content":"hi"}]}"""),
    ];

    [Theory]
    [InlineData(BytezEmulatorApi.V1)]
    [InlineData(BytezEmulatorApi.V2)]
    [InlineData(BytezEmulatorApi.Both)]
    public async Task Each_generation_answers_only_when_served(BytezEmulatorApi api)
    {
        await using var h = await Harness.StartAsync(o => o.Api = api);

        foreach (var (method, path, body) in V1Calls)
        {
            var status = await SendAsync(h, method, path, body);
            Assert.True(api.HasFlag(BytezEmulatorApi.V1) ? status != HttpStatusCode.NotFound : status == HttpStatusCode.NotFound, $"{api}: {method} {path} answered {(int)status}");
        }

        foreach (var (method, path, body) in V2Calls)
        {
            var status = await SendAsync(h, method, path, body);
            Assert.True(api.HasFlag(BytezEmulatorApi.V2) ? status != HttpStatusCode.NotFound : status == HttpStatusCode.NotFound, $"{api}: {method} {path} answered {(int)status}");
        }
    }

    [Fact]
    public async Task A_missing_generation_answers_404_in_its_own_error_shape_after_the_key_check()
    {
        await using var v2Only = await Harness.StartAsync(o => o.Api = BytezEmulatorApi.V2);
        await using var v1Only = await Harness.StartAsync(o => o.Api = BytezEmulatorApi.V1);

        var (v1Status, v1Body) = await v2Only.GetAsync("model/list");
        var (v2Status, v2Body) = await v1Only.GetAsync("models/v2/list/models");
        var (unauthorized, _) = await v2Only.PostAsync("model/list", "{}", authorization: "Key");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (v1Status, v2Status));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"error":"Not found"}"""), v1Body));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"error":"Not found","output":null}"""), v2Body));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized);
    }

    [Fact]
    public async Task An_undefined_api_is_refused_at_start()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => BytezEmulator.StartAsync(new BytezEmulatorOptions { Api = 0 }));
    }

    private static async Task<HttpStatusCode> SendAsync(Harness h, string method, string path, string body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body.Length > 0)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await h.Http.SendAsync(request);
        return response.StatusCode;
    }
}
