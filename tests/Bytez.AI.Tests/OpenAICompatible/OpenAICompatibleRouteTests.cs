using System.Net;
using System.Text.Json.Nodes;
using Bytez.AI.Emulator;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using ChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace Bytez.AI.Tests.OpenAICompatible;

/// <summary>
/// The route decision (<see cref="BytezChatClientOptions.Route"/>) and what the OpenAI-compatible route keeps Bytez's:
/// errors in the <see cref="BytezException"/> family with keys redacted, one retry layer, the provider key, options and
/// media passed natively.
/// </summary>
public sealed class OpenAICompatibleRouteTests
{
    private const string Gpt4o = "openai/gpt-4o";

    [Theory]
    [InlineData("openai/gpt-4o", true)]
    [InlineData("openai/gpt-4o-mini", true)]
    [InlineData("anthropic/claude-3-haiku-20240307", true)]
    [InlineData("google/gemini-2.0-flash", true)]
    [InlineData("mistral/mistral-small-latest", true)]
    [InlineData("cohere/command-r", true)]
    [InlineData("google/gemma-3-4b-it", false)]
    [InlineData("google/flan-t5-base", false)]
    [InlineData("openai/gpt-oss-20b", false)]
    [InlineData("openai-community/gpt2", false)]
    [InlineData("mistralai/Mistral-7B-Instruct-v0.3", false)]
    [InlineData("Qwen/Qwen2.5-7B-Instruct", false)]
    public void Auto_sends_closed_source_ids_to_the_OpenAI_compatible_endpoint(string modelId, bool closed)
    {
        using var client = new BytezClient(new BytezClientOptions { ApiKey = "k" });
        using IChatClient chat = client.GetModel(modelId).AsIChatClient();

        Assert.Equal(closed, chat.GetService<ChatClient>() is not null);
    }

    [Fact]
    public async Task Open_models_keep_prompt_based_tool_calling_under_Auto()
    {
        await using var env = await EmulatorFixture.StartAsync(BytezApiVersion.V2);
        var tools = new WeatherTools();
        using var chat = env.Client.GetModel(ToolModels.Qwen).AsIChatClient().AsBuilder().UseFunctionInvocation().Build();

        var response = await chat.GetResponseAsync("What's the weather in Paris?", new() { Tools = [tools.GetWeather] });

        Assert.Contains("15 degrees and cloudy", response.Text, StringComparison.Ordinal);
        Assert.Equal(["get_weather(Paris)"], tools.Invoked);
        Assert.Equal(0, env.Log.Count(EmulatorRequestKind.OpenAIChat));
        var runs = env.Log.Entries.Where(e => e.Kind == EmulatorRequestKind.V2Run && e.ModelId == ToolModels.Qwen).ToList();
        Assert.Equal(2, runs.Count);
        Assert.Contains("<tools>", runs[0].Body, StringComparison.Ordinal);
        Assert.Null(JsonNode.Parse(runs[0].Body)!["tools"]);
    }

    [Fact]
    public async Task OpenAICompatible_can_be_chosen_for_an_open_tool_model()
    {
        await using var env = await EmulatorFixture.StartAsync(BytezApiVersion.V2);
        var tools = new WeatherTools();
        using var chat = env.Client.GetModel(ToolModels.Qwen)
            .AsIChatClient(new BytezChatClientOptions { Route = BytezChatRoute.OpenAICompatible })
            .AsBuilder().UseFunctionInvocation().Build();

        var response = await chat.GetResponseAsync("What's the weather in Paris?", new() { Tools = [tools.GetWeather] });

        Assert.Contains("15 degrees and cloudy", response.Text, StringComparison.Ordinal);
        Assert.Equal(2, env.Log.Count(EmulatorRequestKind.OpenAIChat, ToolModels.Qwen));
        Assert.Equal(0, env.Log.Count(EmulatorRequestKind.V2Run, ToolModels.Qwen));
        Assert.NotNull(response.Usage);
    }

    [Fact]
    public async Task Native_can_be_chosen_for_a_closed_source_model()
    {
        await using var env = await EmulatorFixture.StartAsync(BytezApiVersion.V2);
        using var chat = env.Client.GetModel(Gpt4o).AsIChatClient(new BytezChatClientOptions { Route = BytezChatRoute.Native });

        var response = await chat.GetResponseAsync("What is the capital of England?");

        Assert.Equal("The capital of England is London.", response.Text);
        Assert.Equal(1, env.Log.Count(EmulatorRequestKind.V2Run, Gpt4o));
        Assert.Null(response.Usage);
    }

    [Fact]
    public async Task A_v1_client_refuses_the_OpenAI_compatible_route_before_any_request_and_Auto_stays_native()
    {
        await using var env = await EmulatorFixture.StartAsync(BytezApiVersion.V1);

        var ex = Assert.Throws<NotSupportedException>(() => env.Client.GetModel(Gpt4o).AsIChatClient(new BytezChatClientOptions { Route = BytezChatRoute.OpenAICompatible }));

        Assert.Contains("BytezApiVersion.V2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("BytezChatRoute.Native", ex.Message, StringComparison.Ordinal);
        using IChatClient auto = env.Client.GetModel(Gpt4o).AsIChatClient();
        Assert.Null(auto.GetService<ChatClient>());
        Assert.Empty(env.Log.Entries);
    }

    [Fact]
    public void An_undefined_route_is_refused()
    {
        using var client = new BytezClient(new BytezClientOptions { ApiKey = "k" });

        Assert.Throws<ArgumentOutOfRangeException>(() => client.GetModel(Gpt4o).AsIChatClient(new BytezChatClientOptions { Route = (BytezChatRoute)42 }));
    }

    [Fact]
    public async Task Bad_options_fail_before_any_request()
    {
        await using var env = await EmulatorFixture.StartAsync(BytezApiVersion.V2);
        using var chat = env.Client.GetModel(Gpt4o).AsIChatClient();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => chat.GetResponseAsync("hi", new() { Temperature = 3 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => chat.GetResponseAsync("hi", new() { MaxOutputTokens = 0 }));
        await Assert.ThrowsAsync<ArgumentException>(() => chat.GetResponseAsync(Array.Empty<ChatMessage>()));
        Assert.Empty(env.Log.Entries);
    }

    [Theory]
    [InlineData(EmulatorFault.Unauthorized, typeof(BytezUnauthorizedException), HttpStatusCode.Unauthorized)]
    [InlineData(EmulatorFault.OutOfCredits, typeof(BytezOutOfCreditsException), HttpStatusCode.PaymentRequired)]
    [InlineData(EmulatorFault.RateLimited, typeof(BytezRateLimitException), HttpStatusCode.TooManyRequests)]
    [InlineData(EmulatorFault.ModelNotFound, typeof(BytezNotFoundException), HttpStatusCode.NotFound)]
    [InlineData(EmulatorFault.ServerErrorHtml, typeof(BytezException), HttpStatusCode.BadGateway)]
    public async Task Errors_are_the_BytezException_family_streamed_or_not(EmulatorFault fault, Type expected, HttpStatusCode status)
    {
        await using var env = await EmulatorFixture.StartAsync(BytezApiVersion.V2, e => e.FaultRetryAfter = TimeSpan.FromSeconds(7));
        using var chat = env.Client.GetModel(Gpt4o).AsIChatClient();
        env.Script(Gpt4o).Fault(fault, times: 2);

        var whole = await Assert.ThrowsAnyAsync<BytezException>(() => chat.GetResponseAsync("hi"));
        var streamed = await Assert.ThrowsAnyAsync<BytezException>(async () => await chat.GetStreamingResponseAsync("hi").ToListAsync());

        foreach (BytezException ex in (BytezException[])[whole, streamed])
        {
            Assert.IsType(expected, ex);
            Assert.Equal(status, ex.StatusCode);
            Assert.Equal(Gpt4o, ex.ModelId);
            Assert.Contains($"OpenAI-compatible", ex.Message, StringComparison.Ordinal);
            Assert.Contains($"'{Gpt4o}'", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(EmulatorFixture.ApiKey, ex.ToString(), StringComparison.Ordinal);
        }

        if (whole is BytezRateLimitException rateLimited)
        {
            Assert.Equal(TimeSpan.FromSeconds(7), rateLimited.RetryAfter);
            Assert.Contains("Rate limit exceeded", rateLimited.BytezError, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_servers_message_is_kept_and_keys_it_echoes_are_redacted()
    {
        await using var env = await EmulatorFixture.StartAsync(
            BytezApiVersion.V2,
            configureClient: c => c.ProviderKeys = new Dictionary<string, string> { ["openai"] = "sk-provider-SECRET-42" });
        using var chat = env.Client.GetModel(Gpt4o).AsIChatClient();
        env.Script(Gpt4o).Fail(400, $"Bad request from key {EmulatorFixture.ApiKey} and provider key sk-provider-SECRET-42").Fail(500, "the model crashed");

        var bad = await Assert.ThrowsAsync<BytezException>(() => chat.GetResponseAsync("hi"));
        var crashed = await Assert.ThrowsAsync<BytezException>(async () => await chat.GetStreamingResponseAsync("hi").ToListAsync());

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Bad request from key ***", bad.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", bad.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", bad.BytezError!, StringComparison.Ordinal);
        Assert.Null(bad.InnerException);
        Assert.Equal(HttpStatusCode.InternalServerError, crashed.StatusCode);
        Assert.Equal("the model crashed", crashed.BytezError);
    }

    [Fact]
    public async Task A_refused_connection_is_a_BytezException_naming_the_endpoint()
    {
        int port;
        using (var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        using var client = new BytezClient(new BytezClientOptions { ApiKey = EmulatorFixture.ApiKey, Endpoint = new Uri($"http://127.0.0.1:{port}/"), Retry = new BytezRetryOptions { Enabled = false } });
        using var chat = client.GetModel(Gpt4o).AsIChatClient();

        var ex = await Assert.ThrowsAsync<BytezException>(() => chat.GetResponseAsync("hi"));

        Assert.Null(ex.StatusCode);
        Assert.Contains("could not reach", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_retry_layer_Bytez_retries_once_and_the_SDK_not_at_all()
    {
        await using var env = await EmulatorFixture.StartAsync(
            BytezApiVersion.V2,
            configureClient: c => c.Retry = new BytezRetryOptions { MaxRetryAttempts = 1, BaseDelay = TimeSpan.FromMilliseconds(5), UseJitter = false });
        using var chat = env.Client.GetModel(Gpt4o).AsIChatClient();
        env.Script(Gpt4o).Fail(503, "busy").Fail(503, "busy").Fail(503, "still busy");

        // First call: 503, retried once by BytezRetryHandler, 503 again: it fails after exactly 2 requests (an SDK retry
        // layer would have added its own). Second call: the third 503, then the model's answer on Bytez's one retry.
        var failed = await Assert.ThrowsAsync<BytezException>(() => chat.GetResponseAsync("What is the capital of England?"));
        Assert.Equal(2, env.Log.Count(EmulatorRequestKind.OpenAIChat, Gpt4o));
        var answered = await chat.GetResponseAsync("What is the capital of England?");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal("busy", failed.BytezError);
        Assert.Equal("The capital of England is London.", answered.Text);
        Assert.Equal(4, env.Log.Count(EmulatorRequestKind.OpenAIChat, Gpt4o));
    }

    [Fact]
    public async Task Streams_are_retried_only_before_they_start()
    {
        await using var env = await EmulatorFixture.StartAsync(
            BytezApiVersion.V2,
            configureClient: c => c.Retry = new BytezRetryOptions { MaxRetryAttempts = 2, BaseDelay = TimeSpan.FromMilliseconds(5), UseJitter = false });
        using var chat = env.Client.GetModel(Gpt4o).AsIChatClient();
        env.Script(Gpt4o).Fail(503, "busy");

        var updates = await chat.GetStreamingResponseAsync("What is the capital of England?").ToListAsync();

        Assert.Equal("The capital of England is London.", string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(2, env.Log.Count(EmulatorRequestKind.OpenAIChatStream, Gpt4o));
    }

    [Fact]
    public async Task The_provider_key_travels_as_the_provider_key_header_and_its_absence_is_explained()
    {
        await using var env = await EmulatorFixture.StartAsync(
            BytezApiVersion.V2,
            configureClient: c => c.ProviderKeys = new Dictionary<string, string> { ["cohere"] = "co-SECRET" });
        using var withKey = env.Client.GetModel("cohere/command-r").AsIChatClient();
        using var keyless = new BytezClient(new BytezClientOptions { ApiKey = EmulatorFixture.ApiKey, Endpoint = env.Endpoint });
        using var withoutKey = keyless.GetModel("cohere/command-r").AsIChatClient();

        await withKey.GetResponseAsync("What is the capital of England?");
        Assert.NotNull(env.Log.LastRequest(EmulatorRequestKind.OpenAIChat, "cohere/command-r").ProviderKey);
        var ex = await Assert.ThrowsAsync<BytezUnauthorizedException>(() => withoutKey.GetResponseAsync("hi"));

        Assert.Null(env.Log.LastRequest(EmulatorRequestKind.OpenAIChat, "cohere/command-r").ProviderKey);
        Assert.Contains("ProviderKeys[\"cohere\"]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_per_call_model_runs_that_model_with_its_own_provider_key()
    {
        await using var env = await EmulatorFixture.StartAsync(
            BytezApiVersion.V2,
            configureClient: c => c.ProviderKeys = new Dictionary<string, string> { ["cohere"] = "co-SECRET" });
        using var chat = env.Client.GetModel(Gpt4o).AsIChatClient();

        var response = await chat.GetResponseAsync("What is the capital of England?", new() { ModelId = "cohere/command-r" });

        Assert.Equal("cohere/command-r", response.ModelId);
        Assert.NotNull(env.Log.LastRequest(EmulatorRequestKind.OpenAIChat, "cohere/command-r").ProviderKey);
        Assert.Equal(0, env.Log.Count(EmulatorRequestKind.OpenAIChat, Gpt4o));
    }

    [Fact]
    public async Task Additional_properties_and_the_raw_representation_reach_the_request()
    {
        await using var env = await EmulatorFixture.StartAsync(BytezApiVersion.V2);
        using var chat = env.Client.GetModel(Gpt4o).AsIChatClient();

        await chat.GetResponseAsync("hi", new()
        {
            Temperature = 0.5f,
            AdditionalProperties = new() { ["logprobs"] = true, ["top_logprobs"] = 3, ["temperature"] = 1.5, ["user"] = "u-1" },
        });
        await chat.GetResponseAsync("hi", new()
        {
            MaxOutputTokens = 10,
            RawRepresentationFactory = _ => new ChatCompletionOptions { IncludeLogProbabilities = true, TopLogProbabilityCount = 2, MaxOutputTokenCount = 5 },
        });

        var bodies = env.Log.OpenAIChatBodies(Gpt4o);
        Assert.True(bodies[0]["logprobs"]!.GetValue<bool>());
        Assert.Equal(3, bodies[0]["top_logprobs"]!.GetValue<int>());
        Assert.Equal("u-1", bodies[0]["user"]!.GetValue<string>());
        Assert.Equal(0.5, bodies[0]["temperature"]!.GetValue<double>(), 3);
        Assert.True(bodies[1]["logprobs"]!.GetValue<bool>());
        Assert.Equal(2, bodies[1]["top_logprobs"]!.GetValue<int>());
        Assert.Equal(5, bodies[1]["max_completion_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task Images_and_audio_go_as_content_parts()
    {
        await using var env = await EmulatorFixture.StartAsync(BytezApiVersion.V2);
        using var chat = env.Client.GetModel(Gpt4o).AsIChatClient();
        byte[] wav = Convert.FromBase64String(TestMediaWav);

        var response = await chat.GetResponseAsync([new(ChatRole.User, [
            new TextContent("What is in this picture and this clip?"),
            new UriContent(new Uri("https://example.com/duck.png"), "image/png"),
            new DataContent(wav, "audio/wav"),
        ])]);

        Assert.NotEmpty(response.Text);
        var parts = env.Log.OpenAIChatBodies(Gpt4o).Single()["messages"]![0]!["content"]!.AsArray();
        Assert.Equal("text", parts[0]!["type"]!.GetValue<string>());
        Assert.Equal("https://example.com/duck.png", parts[1]!["image_url"]!["url"]!.GetValue<string>());
        Assert.Equal("input_audio", parts[2]!["type"]!.GetValue<string>());
        Assert.Equal("wav", parts[2]!["input_audio"]!["format"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cancellation_propagates_untouched()
    {
        await using var env = await EmulatorFixture.StartAsync(BytezApiVersion.V2);
        using var chat = env.Client.GetModel(Gpt4o).AsIChatClient();
        using var cts = new CancellationTokenSource();
        env.Script(Gpt4o).Delay(TimeSpan.FromSeconds(30));
        cts.CancelAfter(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => chat.GetResponseAsync("hi", cancellationToken: cts.Token));
    }

    /// <summary>A 4-sample 8 kHz mono WAV.</summary>
    private const string TestMediaWav = "UklGRiwAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YQgAAAAAAAAAAAAAAA==";
}
