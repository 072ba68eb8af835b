using System.Net;
using System.Text.Json.Nodes;

namespace Bytez.AI.Emulator.Tests;

public sealed class AuthTests
{
    [Fact]
    public async Task Missing_key_is_401_on_v1_with_error_only()
    {
        await using var h = await Harness.StartAsync(authorization: null);
        var (status, body) = await h.GetAsync("model/list");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"error":"Unauthorized"}"""), body));
    }

    [Fact]
    public async Task Missing_key_is_401_on_v2_with_the_envelope()
    {
        await using var h = await Harness.StartAsync(authorization: null);
        var (status, body) = await h.GetAsync("models/v2/list/models");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"error":"Unauthorized","output":null}"""), body));
    }

    [Theory]
    [InlineData("Key good")]
    [InlineData("Bearer good")]
    [InlineData("good")]
    public async Task Key_bearer_and_bare_forms_are_accepted(string header)
    {
        await using var h = await Harness.StartAsync(o => o.AcceptedApiKeys = ["good"], authorization: header);
        var (status, _) = await h.GetAsync("model/list");
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Theory]
    [InlineData("Key bad")]
    [InlineData("Key ")]
    [InlineData("Bearer")]
    public async Task Unaccepted_keys_are_401(string header)
    {
        await using var h = await Harness.StartAsync(o => o.AcceptedApiKeys = ["good"], authorization: header);
        var (status, body) = await h.PostAsync("model/status", """{"model":"openai-community/gpt2"}""");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("Unauthorized", (string?)body!["error"]);
    }

    [Theory]
    [InlineData("Key", "model/list")]
    [InlineData("Key", "models/v2/list/models")]
    [InlineData("Key ", "models/v2/list/tasks")]
    [InlineData("key", "models/v2/openai-community/gpt2")]
    [InlineData("Bearer", "models/v2/openai/v1/chat/completions")]
    [InlineData("Bearer", "model/status")]
    public async Task A_scheme_without_a_key_is_401_on_every_endpoint_even_when_any_key_is_accepted(string header, string path)
    {
        await using var h = await Harness.StartAsync(authorization: null);
        using var request = new HttpRequestMessage(path.Contains("list", StringComparison.Ordinal) ? HttpMethod.Get : HttpMethod.Post, path)
        {
            Content = new StringContent("""{"model":"openai-community/gpt2","messages":[{"role":"user","content":"hi"}]}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", header);

        using var response = await h.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        JsonNode error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;

        // The OpenAI-compatible endpoints answer in OpenAI's error shape, so OpenAI SDKs show the message.
        Assert.Equal("Unauthorized", path.Contains("/openai/", StringComparison.Ordinal) ? (string?)error["message"] : (string?)error);
    }

    [Theory]
    [InlineData("Keyring")]
    [InlineData("Bearerish")]
    public async Task A_bare_key_that_starts_like_a_scheme_is_still_a_key(string key)
    {
        await using var h = await Harness.StartAsync(o => o.AcceptedApiKeys = [key], authorization: key);
        var (status, _) = await h.GetAsync("model/list");
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task May_2024_key_in_body_is_accepted_and_redacted_in_the_log()
    {
        await using var h = await Harness.StartAsync(o => o.AcceptedApiKeys = ["secret-123"], authorization: null);
        var (status, _) = await h.PostAsync("model/load", """{"modelId":"openai-community/gpt2","key":"secret-123"}""");
        Assert.Equal(HttpStatusCode.OK, status);

        var entry = Assert.Single(h.Emulator.RequestLog.Entries);
        Assert.DoesNotContain("secret-123", entry.Body, StringComparison.Ordinal);
        Assert.Contains("\"key\":\"***\"", entry.Body, StringComparison.Ordinal);
        Assert.Equal(TestModels.TextGeneration, entry.ModelId);
    }

    [Fact]
    public async Task Header_key_never_reaches_the_request_log()
    {
        await using var h = await Harness.StartAsync(authorization: "Key very-secret-key");
        await h.PostAsync("model/load", """{"model":"openai-community/gpt2"}""");
        await h.GetAsync("model/list");
        Assert.All(h.Emulator.RequestLog.Entries, e => Assert.DoesNotContain("very-secret-key", e.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Media_urls_need_no_key()
    {
        await using var h = await Harness.StartAsync();
        var (_, body) = await h.PostAsync("models/v2/" + TestModels.TextToImage, """{"text":"a cat"}""");
        using var anonymous = new HttpClient();
        var bytes = await anonymous.GetByteArrayAsync((string)body!["output"]!);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
    }
}
