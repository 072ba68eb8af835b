using Bytez.AI.Emulator;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using static Bytez.AI.SemanticKernel.Tests.Integration.FastOptions;
using static Bytez.AI.TestSupport.EmulatorFixture;

namespace Bytez.AI.SemanticKernel.Tests.Integration;

public sealed class ChatTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private readonly BytezEmulator _emulator = fixture.Emulator;

    private ServiceProvider BuildServices(Action<IServiceCollection>? configure = null, string? serviceId = null)
    {
        var services = new ServiceCollection();
        services.AddKernel();
        services.AddBytezKernelChatClient(TestModels.Chat, ApiKey, fixture.Endpoint, FastChat, serviceId);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Chat_with_ChatHistory_through_AsChatCompletionService()
    {
        _emulator.Script(TestModels.Chat).Reply("Paris is the capital of France.");
        await using var services = BuildServices();
        var kernel = services.GetRequiredService<Kernel>();
        var chat = kernel.GetRequiredService<IChatClient>().AsChatCompletionService();

        var history = new ChatHistory("You are terse.");
        history.AddUserMessage("What is the capital of France?");
        var reply = await chat.GetChatMessageContentAsync(history, kernel: kernel);

        Assert.Equal(AuthorRole.Assistant, reply.Role);
        Assert.Equal("Paris is the capital of France.", reply.Content);
        Assert.Equal(TestModels.Chat, reply.ModelId);
        var run = Assert.Single(await _emulator.RequestLog.EntriesWhenSettledAsync(e => IsRun(e.Kind) && e.ModelId == TestModels.Chat && e.Body.Contains("What is the capital of France?", StringComparison.Ordinal)));
        Assert.Contains("You are terse.", run.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streaming_chat_with_ChatHistory()
    {
        _emulator.Script(TestModels.Chat).StreamChunks("Hello", " from", " Bytez", "!");
        await using var services = BuildServices();
        var kernel = services.GetRequiredService<Kernel>();
        var chat = kernel.GetRequiredService<IChatClient>().AsChatCompletionService();

        var history = new ChatHistory();
        history.AddUserMessage("Say hello, streaming.");
        var updates = new List<StreamingChatMessageContent>();
        await foreach (var update in chat.GetStreamingChatMessageContentsAsync(history, kernel: kernel))
        {
            updates.Add(update);
        }

        // How many updates arrive depends on how the network coalesces chunks; the text and metadata do not.
        Assert.NotEmpty(updates);
        Assert.All(updates, u => Assert.Equal(TestModels.Chat, u.ModelId));
        Assert.Equal("Hello from Bytez!", string.Concat(updates.Select(u => u.Content)));
        Assert.All(updates.Where(u => u.Role is not null), u => Assert.Equal(AuthorRole.Assistant, u.Role));
        Assert.Single(await _emulator.RequestLog.EntriesWhenSettledAsync(e => e.Kind is EmulatorRequestKind.RunStream or EmulatorRequestKind.V2RunStream && e.Body.Contains("Say hello, streaming.", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Kernel_prompt_functions_use_the_registered_chat_client()
    {
        _emulator.Script(TestModels.Chat).Reply("Four.");
        await using var services = BuildServices();
        var kernel = services.GetRequiredService<Kernel>();

        var result = await kernel.InvokePromptAsync("How much is two plus two?");

        Assert.Equal("Four.", result.ToString());
    }

    [Fact]
    public async Task Registration_wraps_function_invocation_telemetry_and_logging_like_SK_connectors()
    {
        await using var withLogging = BuildServices(s => s.AddSingleton<ILoggerFactory>(new LoggerFactory()));
        await using var withoutLogging = BuildServices();

        var client = withLogging.GetRequiredService<IChatClient>();
        // SK's KernelFunctionInvokingChatClient is internal: check it by name, outermost, as UseKernelFunctionInvocation puts it.
        Assert.IsAssignableFrom<FunctionInvokingChatClient>(client);
        Assert.Equal("KernelFunctionInvokingChatClient", client.GetType().Name);
        Assert.NotNull(client.GetService<OpenTelemetryChatClient>());
        Assert.NotNull(client.GetService<LoggingChatClient>());
        var metadata = client.GetService<ChatClientMetadata>();
        Assert.NotNull(metadata);
        Assert.Equal("bytez", metadata.ProviderName);
        Assert.Equal(TestModels.Chat, metadata.DefaultModelId);

        var plain = withoutLogging.GetRequiredService<IChatClient>();
        Assert.NotNull(plain.GetService<OpenTelemetryChatClient>());
        Assert.Null(plain.GetService<LoggingChatClient>());
    }

    [Fact]
    public async Task Service_ids_are_DI_keys_and_select_the_model()
    {
        _emulator.Script(TestModels.TextGeneration).Reply(" the other model answered.");
        await using var services = BuildServices(
            s => s.AddBytezKernelChatClient(TestModels.TextGeneration, ApiKey, fixture.Endpoint, FastChat, serviceId: "other"),
            serviceId: "phi");
        var kernel = services.GetRequiredService<Kernel>();

        Assert.Null(services.GetService<IChatClient>());
        Assert.Equal(TestModels.Chat, kernel.Services.GetRequiredKeyedService<IChatClient>("phi").GetService<ChatClientMetadata>()?.DefaultModelId);
        Assert.Equal(TestModels.TextGeneration, kernel.Services.GetRequiredKeyedService<IChatClient>("other").GetService<ChatClientMetadata>()?.DefaultModelId);

        var result = await kernel.InvokePromptAsync("Which model?", new KernelArguments(new PromptExecutionSettings { ServiceId = "other" }));

        Assert.Contains("the other model answered.", result.ToString(), StringComparison.Ordinal);
        var run = Assert.Single(await _emulator.RequestLog.EntriesWhenSettledAsync(e => IsRun(e.Kind) && e.Body.Contains("Which model?", StringComparison.Ordinal)));
        Assert.Equal(TestModels.TextGeneration, run.ModelId);
    }

    [Fact]
    public async Task The_core_AddBytezClient_registration_is_used_when_no_key_or_endpoint_is_given()
    {
        _emulator.Script(TestModels.Chat).Reply("Served through the registered client.");
        var services = new ServiceCollection();
        services.AddKernel();
        services.AddBytezClient(o =>
        {
            o.ApiKey = ApiKey;
            o.Endpoint = fixture.Endpoint;
        });
        services.AddBytezKernelChatClient(TestModels.Chat, options: FastChat);
        await using var provider = services.BuildServiceProvider();

        var reply = await provider.GetRequiredService<IChatClient>().GetResponseAsync("Hi");

        Assert.Equal("Served through the registered client.", reply.Text);
    }

    [Fact]
    public async Task The_kernel_builder_overload_with_an_explicit_BytezClient()
    {
        _emulator.Script(TestModels.Chat).Reply("Explicit client.");
        using var bytez = new BytezClient(new BytezClientOptions { ApiKey = ApiKey, Endpoint = fixture.Endpoint });
        var kernel = Kernel.CreateBuilder().AddBytezChatClient(TestModels.Chat, bytez, FastChat, serviceId: "explicit").Build();

        var reply = await kernel.GetRequiredService<IChatClient>("explicit").GetResponseAsync("Hi");

        Assert.Equal("Explicit client.", reply.Text);
        (kernel.Services as IDisposable)?.Dispose();
    }

    [Fact]
    public async Task A_key_and_endpoint_registration_speaks_the_serverless_v2_and_never_loads_or_stops()
    {
        await using var emulator = await StartEmulatorAsync();
        var services = new ServiceCollection();
        services.AddKernel();
        services.AddBytezKernelChatClient(TestModels.Chat, ApiKey, emulator.Endpoint, FastChat);

        await using (var provider = services.BuildServiceProvider())
        {
            await provider.GetRequiredService<IChatClient>().GetResponseAsync("Hello");
        }

        Assert.Equal(1, await emulator.RequestLog.CountWhenSettledAsync(l => l.Count(EmulatorRequestKind.V2Run, TestModels.Chat), 1));
        Assert.Equal(0, emulator.RequestLog.LoadCount(TestModels.Chat));
        Assert.Equal(0, emulator.RequestLog.StopCount(TestModels.Chat));
    }

    [Fact]
    public async Task Disposing_the_service_provider_stops_the_instance_it_started()
    {
        // A fresh emulator, so its log holds this test's loads and stops only; a v1 client, the generation with instances.
        await using var emulator = await StartEmulatorAsync();
        var services = new ServiceCollection();
        services.AddKernel();
        services.AddBytezClient(o =>
        {
            o.ApiKey = ApiKey;
            o.Endpoint = emulator.Endpoint;
            o.ApiVersion = BytezApiVersion.V1;
        });
        services.AddBytezKernelChatClient(TestModels.Chat, options: FastChat);

        await using (var provider = services.BuildServiceProvider())
        {
            await provider.GetRequiredService<IChatClient>().GetResponseAsync("Hello");
            Assert.Equal(0, emulator.RequestLog.StopCount(TestModels.Chat));
        }

        Assert.Equal(1, await emulator.RequestLog.CountWhenSettledAsync(l => l.StopCount(TestModels.Chat), 1));
        Assert.Equal(1, emulator.RequestLog.LoadCount(TestModels.Chat));
    }

    private static bool IsRun(EmulatorRequestKind kind) => kind is EmulatorRequestKind.Run or EmulatorRequestKind.V2Run;
}
