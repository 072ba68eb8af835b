using System.Net;

namespace Bytez.AI.Tests.Protocol;

/// <summary>
/// Choosing the generation, and calls that one generation lacks: each fails before any request, with a message that
/// names the fix (<see cref="BytezClientOptions.ApiVersion"/>).
/// </summary>
public sealed class ApiVersionTests
{
    private const string Gpt2 = "openai-community/gpt2";

    private static RecordingHandler NeverCalled() =>
        new(_ => throw new InvalidOperationException("No request may be sent."));

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-1)]
    public void An_undefined_ApiVersion_fails_in_the_constructor_naming_the_valid_values(int value)
    {
        var handler = NeverCalled();

        var ex = Assert.Throws<ArgumentOutOfRangeException>(
            () => TestClients.Create(handler, configure: o => o.ApiVersion = (BytezApiVersion)value));

        Assert.Equal("ApiVersion", ex.ParamName);
        Assert.Contains("BytezApiVersion.V2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("BytezApiVersion.V1", ex.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData("", "k")]
    [InlineData("open ai", "k")]
    [InlineData("a/b/c", "k")]
    [InlineData("/gpt-4o", "k")]
    [InlineData("openai", " ")]
    public void Malformed_provider_keys_fail_in_the_constructor(string name, string key)
    {
        var ex = Assert.Throws<ArgumentException>(
            () => TestClients.CreateV2(NeverCalled(), o => o.ProviderKeys = new Dictionary<string, string> { [name] = key }));

        Assert.Equal("ProviderKeys", ex.ParamName);
        Assert.Contains("ProviderKeys", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task V1_only_calls_on_v2_throw_NotSupported_naming_V1_without_a_request()
    {
        var handler = NeverCalled();
        using var client = TestClients.CreateV2(handler);
        var model = client.GetModel(Gpt2);

        List<NotSupportedException> errors =
        [
            await Assert.ThrowsAsync<NotSupportedException>(() => model.GetStatusAsync()),
            await Assert.ThrowsAsync<NotSupportedException>(() => model.StopAsync()),
            await Assert.ThrowsAsync<NotSupportedException>(() => client.ListInstancesAsync()),
        ];

        Assert.All(errors, ex =>
        {
            Assert.Contains("ApiVersion = BytezApiVersion.V1", ex.Message, StringComparison.Ordinal);
            Assert.Contains("serverless", ex.Message, StringComparison.Ordinal);
        });
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Load_and_start_on_v2_answer_Serverless_without_a_request()
    {
        var handler = NeverCalled();
        using var client = TestClients.CreateV2(handler);
        var progress = new RecordingProgress<BytezLoadProgress>();

        var load = await client.GetModel(Gpt2).LoadAsync(progress: progress);
        var start = await client.GetModel(Gpt2).StartAsync();

        Assert.Equal(new BytezLoadResult(Gpt2, BytezLoadOutcome.Serverless, null), load);
        Assert.Equal(load, start);
        Assert.False(load.StartedByThisRequest);
        Assert.Empty(progress.Items);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Invalid_load_options_still_fail_on_v2()
    {
        using var client = TestClients.CreateV2(NeverCalled());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetModel(Gpt2).LoadAsync(new BytezLoadOptions { Concurrency = 0 }));
    }

    [Fact]
    public async Task V2_only_calls_on_v1_throw_NotSupported_naming_V2_without_a_request()
    {
        var handler = NeverCalled();
        using var client = TestClients.Create(handler);
        BytezChatMessage image = new("user", [BytezContentBlock.FromText("What is this?"), BytezContentBlock.FromUrl(BytezContentKind.Image, new Uri("https://example.com/a.png"))]);

        var tasks = await Assert.ThrowsAsync<NotSupportedException>(() => client.ListTasksAsync());
        var media = await Assert.ThrowsAsync<NotSupportedException>(() => client.GetModel("google/gemma-3-4b-it").RunAsync(BytezInput.FromMessages([image])));
        var streamed = await Assert.ThrowsAsync<NotSupportedException>(
            async () => await client.GetModel("google/gemma-3-4b-it").RunStreamingAsync(BytezInput.FromMessages([image])).ToListAsync());

        Assert.All([tasks, media, streamed], ex => Assert.Contains("ApiVersion = BytezApiVersion.V2", ex.Message, StringComparison.Ordinal));
        Assert.Contains("BytezTasks.V1", tasks.Message, StringComparison.Ordinal);
        Assert.Contains("image-text-to-text", media.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Text_only_content_blocks_are_fine_on_v1()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Fixture(HttpStatusCode.OK, "v1-run-chat.json"));
        using var client = TestClients.Create(handler);

        await client.GetModel("microsoft/Phi-3-mini-4k-instruct").RunAsync(
            BytezInput.FromMessages([new("user", [BytezContentBlock.FromText("What is the capital "), BytezContentBlock.FromText("of England?")])]));

        Assert.Equal(
            """{"model":"microsoft/Phi-3-mini-4k-instruct","stream":false,"params":{},"input":[{"role":"user","content":"What is the capital of England?"}]}""",
            Assert.Single(handler.Requests).Body);
    }

    [Fact]
    public void Options_ToString_names_the_generation_and_redacts_provider_keys()
    {
        var options = new BytezClientOptions
        {
            ApiKey = "bz-secret",
            ProviderKeys = new Dictionary<string, string> { ["openai"] = "sk-provider-SECRET", ["cohere/command-r"] = "co-SECRET" },
        };

        var text = options.ToString();

        Assert.Contains("ApiVersion = V2", text, StringComparison.Ordinal);
        Assert.Contains("ProviderKeys = [cohere/command-r = ***, openai = ***]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", text, StringComparison.Ordinal);
        Assert.DoesNotContain("bz-secret", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_key_echoed_in_an_error_is_redacted()
    {
        const string ProviderKey = "sk-provider-ECHOED-123456";
        var handler = new RecordingHandler(_ => RecordingHandler.Json(
            HttpStatusCode.BadRequest, $$"""{"error":"Incorrect API key provided: {{ProviderKey}}","output":null}"""));
        using var client = TestClients.CreateV2(handler, o => o.ProviderKeys = new Dictionary<string, string> { ["openai"] = ProviderKey });

        var ex = await Assert.ThrowsAsync<BytezException>(() => client.GetModel("openai/gpt-4o").RunAsync(BytezInput.FromMessages([new("user", "Hi")])));

        Assert.Equal(ProviderKey, Assert.Single(handler.Requests).ProviderKey);
        Assert.DoesNotContain(ProviderKey, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ProviderKey, ex.BytezError!, StringComparison.Ordinal);
        Assert.Contains("Incorrect API key provided: ***", ex.BytezError, StringComparison.Ordinal);
    }

    [Fact]
    public void Provider_keys_are_copied_at_construction()
    {
        var keys = new Dictionary<string, string> { ["openai"] = "sk-1" };
        using var client = TestClients.CreateV2(NeverCalled(), o => o.ProviderKeys = keys);

        keys["openai"] = "sk-2";

        Assert.Equal("sk-1", ((Bytez.AI.Protocol.V2.V2Protocol)client.Protocol).ProviderKey("openai/gpt-4o"));
    }
}
