using System.Net;

namespace Bytez.AI.Tests.Protocol;

/// <summary>Construction, options, model handles, listings and the job request.</summary>
public sealed class ClientTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_api_key_names_the_fix(string? key)
    {
        var ex = Assert.Throws<ArgumentException>(() => new BytezClient(new BytezClientOptions { ApiKey = key }));

        Assert.Contains("BYTEZ_API_KEY", ex.Message, StringComparison.Ordinal);
        Assert.Contains("BytezClientOptions.ApiKey", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new BytezClient(key!));
    }

    [Fact]
    public void Default_endpoint_is_bytez()
    {
        using var client = new BytezClient("key");
        Assert.Equal(new Uri("https://api.bytez.com/"), client.Endpoint);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://localhost:5000/base", "http://localhost:5000/base/")]
    [InlineData("https://example.com/api/", "https://example.com/api/")]
    public void Endpoint_gets_a_trailing_slash_and_loopback_http_is_allowed(string endpoint, string expected)
    {
        using var client = new BytezClient(new BytezClientOptions { ApiKey = "k", Endpoint = new Uri(endpoint) });
        Assert.Equal(expected, client.Endpoint.AbsoluteUri);
    }

    [Fact]
    public void Plain_http_to_a_remote_host_needs_AllowInsecureHttp()
    {
        var ex = Assert.Throws<ArgumentException>(() => new BytezClient(new BytezClientOptions { ApiKey = "k", Endpoint = new Uri("http://bytez.example/") }));
        Assert.Contains("AllowInsecureHttp", ex.Message, StringComparison.Ordinal);

        using var allowed = new BytezClient(new BytezClientOptions { ApiKey = "k", Endpoint = new Uri("http://bytez.example/"), AllowInsecureHttp = true });
        Assert.Equal("http://bytez.example/", allowed.Endpoint.AbsoluteUri);
    }

    [Fact]
    public void Non_http_or_relative_endpoints_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new BytezClient(new BytezClientOptions { ApiKey = "k", Endpoint = new Uri("ftp://example.com/") }));
        Assert.Throws<ArgumentException>(() => new BytezClient(new BytezClientOptions { ApiKey = "k", Endpoint = new Uri("relative/path", UriKind.Relative) }));
    }

    [Fact]
    public void Invalid_timeouts_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BytezClient(new BytezClientOptions { ApiKey = "k", RequestTimeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BytezClient(new BytezClientOptions { ApiKey = "k", LoadPollInterval = TimeSpan.FromSeconds(-1) }));
    }

    [Fact]
    public async Task Options_are_copied_at_construction()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Fixture(HttpStatusCode.OK, "v1-list-models.json"));
        var options = new BytezClientOptions { ApiKey = "first", Endpoint = new Uri("https://one.example/"), HttpClient = new HttpClient(handler) };
        using var client = new BytezClient(options);

        options.ApiKey = "second";
        options.Endpoint = new Uri("https://two.example/");
        await client.ListModelsAsync();

        Assert.Equal("Key first", handler.Requests[0].Authorization);
        Assert.Equal("one.example", handler.Requests[0].Uri.Host);
    }

    [Fact]
    public async Task A_caller_HttpClient_is_neither_disposed_nor_retimed()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Fixture(HttpStatusCode.OK, "v1-list-models.json"));
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(42) };
        var client = new BytezClient(new BytezClientOptions { ApiKey = "k", HttpClient = http, RequestTimeout = TimeSpan.FromMinutes(30) });

        client.Dispose();

        Assert.Equal(TimeSpan.FromSeconds(42), http.Timeout);
        using var response = await http.GetAsync(new Uri("https://still.usable/"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_disposed_client_refuses_calls()
    {
        var client = TestClients.Create(new RecordingHandler(_ => RecordingHandler.Fixture(HttpStatusCode.OK, "v1-list-models.json")));
        client.Dispose();
        client.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.ListModelsAsync());
    }

    [Theory]
    [InlineData("gpt2")]
    [InlineData("/gpt2")]
    [InlineData("openai-community/")]
    [InlineData("a/b/c")]
    [InlineData("openai community/gpt2")]
    [InlineData("org/na me")]
    public void GetModel_rejects_ids_that_are_not_org_slash_name(string id)
    {
        using var client = new BytezClient("k");

        var ex = Assert.Throws<ArgumentException>(() => client.GetModel(id));

        Assert.Equal("modelId", ex.ParamName);
        Assert.Contains("'organization/name'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetModel_returns_a_handle_without_network()
    {
        var handler = new RecordingHandler(_ => throw new InvalidOperationException("no request expected"));
        using var client = TestClients.Create(handler);

        var model = client.GetModel("openai-community/gpt2");

        Assert.Equal("openai-community/gpt2", model.ModelId);
        Assert.Same(client, model.Client);
        Assert.Empty(handler.Requests);
        Assert.Throws<ArgumentException>(() => client.GetModel(" "));
    }

    [Fact]
    public async Task ListModels_reads_v1_items()
    {
        var client = TestClients.Create(new RecordingHandler(_ => RecordingHandler.Fixture(HttpStatusCode.OK, "v1-list-models.json")));

        var models = await client.ListModelsAsync();

        Assert.Equal(3, models.Count);
        Assert.Equal(new BytezModelInfo("openai-community/gpt2", "text-generation", 0.5) { RawRepresentation = models[0].RawRepresentation }, models[0]);
        Assert.Equal("zero-shot-classification", models[2].Task);
        Assert.Equal(14.65, models[1].RamRequired);
    }

    [Fact]
    public async Task ListModels_reads_older_items_and_the_v2_envelope()
    {
        var older = TestClients.Create(new RecordingHandler(_ => RecordingHandler.Json(HttpStatusCode.OK, """[{"name":"gpt2","requiredRAM":"1.5","benchmarked":true}]""")));
        var v2 = TestClients.Create(new RecordingHandler(_ => RecordingHandler.Fixture(HttpStatusCode.OK, "v2-list-models.json")));

        var old = Assert.Single(await older.ListModelsAsync());
        var current = await v2.ListModelsAsync();

        Assert.Equal("gpt2", old.ModelId);
        Assert.Equal(1.5, old.RamRequired);
        Assert.Null(old.Task);
        Assert.True(old.RawRepresentation.GetProperty("benchmarked").GetBoolean());
        Assert.Equal(["Qwen/Qwen3-4B", "nomic-ai/nomic-embed-text-v1.5"], current.Select(m => m.ModelId));
        Assert.Equal("chat", current[0].Task);
        Assert.Equal(16, current[0].RamRequired);
    }

    [Fact]
    public async Task ListInstances_reads_status_objects_bare_or_enveloped()
    {
        var status = WireFixtures.Read("v1-status-running.json");
        var bare = TestClients.Create(new RecordingHandler(_ => RecordingHandler.Json(HttpStatusCode.OK, $"[{status}]")));
        var envelope = TestClients.Create(new RecordingHandler(_ => RecordingHandler.Json(HttpStatusCode.OK, $$"""{"error":null,"output":[{{status}}]}""")));

        var a = Assert.Single(await bare.ListInstancesAsync());
        var b = Assert.Single(await envelope.ListInstancesAsync());

        Assert.Equal("openai-community/gpt2", a.Model);
        Assert.True(a.IsRunning);
        Assert.Equal(a.Model, b.Model);
        Assert.Equal(a.ExpiresAt, b.ExpiresAt);
    }

    [Fact]
    public async Task RequestModel_reads_the_job_status()
    {
        var client = TestClients.Create(new RecordingHandler(_ => RecordingHandler.Fixture(HttpStatusCode.OK, "v1-job-queued.json")));

        var job = await client.RequestModelAsync("openai-community/gpt2");

        Assert.Equal("openai-community/gpt2", job.Model);
        Assert.True(job.Success);
        Assert.Equal("Model is already queued", job.Message);
        Assert.Null(job.StartTime);
        Assert.Equal(new DateTimeOffset(2024, 6, 7, 22, 29, 22, 333, TimeSpan.Zero), job.Modified);
        await Assert.ThrowsAsync<ArgumentException>(() => client.RequestModelAsync("no-slash"));
    }

    [Fact]
    public async Task RequestModel_tolerates_the_v2_answer()
    {
        var client = TestClients.Create(new RecordingHandler(_ => RecordingHandler.Fixture(HttpStatusCode.OK, "v2-request-model.json")));

        var job = await client.RequestModelAsync("openai-community/gpt2");

        Assert.True(job.Success);
        Assert.Equal("Job queued", job.Message);
    }
}
