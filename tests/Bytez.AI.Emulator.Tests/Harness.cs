using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Bytez.AI.Emulator.Tests;

/// <summary>An emulator on a random loopback port plus a raw HttpClient that talks to it.</summary>
internal sealed class Harness : IAsyncDisposable
{
    private Harness(BytezEmulator emulator, HttpClient http)
    {
        Emulator = emulator;
        Http = http;
    }

    public BytezEmulator Emulator { get; }

    public HttpClient Http { get; }

    public static async Task<Harness> StartAsync(Action<BytezEmulatorOptions>? configure = null, string? authorization = "Key test-key")
    {
        var options = new BytezEmulatorOptions
        {
            StartingDelay = TimeSpan.Zero,
            InstantiatingDelay = TimeSpan.Zero,
            JobDelay = TimeSpan.FromMilliseconds(20),
            ExpiryCheckInterval = TimeSpan.FromMinutes(1),
            Models = TestModels.Catalog,
            BehaviorResolver = EchoBehavior.For,
        };
        configure?.Invoke(options);
        var emulator = await BytezEmulator.StartAsync(options);
        var http = new HttpClient { BaseAddress = emulator.Endpoint };
        if (authorization is not null)
        {
            http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        return new Harness(emulator, http);
    }

    public async Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(string path, string json, string? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (authorization is not null)
        {
            request.Headers.Remove("Authorization");
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(string path, JsonObject body) => PostAsync(path, body.ToJsonString());

    public async Task<(HttpStatusCode Status, JsonNode? Body)> GetAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>Sends a request and reads the body chunk by chunk as it arrives.</summary>
    public async Task<(HttpResponseMessage Response, List<byte[]> Chunks)> StreamAsync(string path, string json, string? authorization = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (authorization is not null)
        {
            request.Headers.Remove("Authorization");
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var chunks = new List<byte[]>();
        await using var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[8192];
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            chunks.Add(buffer[..read]);
        }

        return (response, chunks);
    }

    /// <summary>Starts an emulator and loads <paramref name="modelId"/> on it.</summary>
    public static async Task<Harness> StartLoadedAsync(string modelId, Action<BytezEmulatorOptions>? configure = null, string? authorization = "Key test-key")
    {
        var h = await StartAsync(configure, authorization);
        await h.LoadAsync(modelId);
        return h;
    }

    /// <summary>Sends a request and returns the response as soon as its headers arrive, with its body stream (the caller reads it).</summary>
    public async Task<(HttpResponseMessage Response, Stream Body)> OpenAsync(string path, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return (response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>Loads a model (delays are zero by default, so it is RUNNING at once) and checks it is running.</summary>
    public async Task LoadAsync(string modelId, int concurrency = 1)
    {
        var (status, _) = await PostAsync("model/load", new JsonObject { ["model"] = modelId, ["concurrency"] = concurrency });
        Assert.Equal(HttpStatusCode.OK, status);
        var (_, body) = await PostAsync("model/status", new JsonObject { ["model"] = modelId });
        Assert.Equal("RUNNING", (string?)body!["status"]);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
