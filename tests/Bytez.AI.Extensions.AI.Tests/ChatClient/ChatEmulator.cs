using Bytez.AI.Emulator;
using Microsoft.Extensions.AI;

namespace Bytez.AI.Extensions.AI.Tests.ChatClient;

/// <summary>An emulator on a loopback port with millisecond lifecycle delays, and a <see cref="BytezClient"/> for it.</summary>
internal sealed class ChatEmulator : IAsyncDisposable
{
    public const string Phi3 = "microsoft/Phi-3-mini-4k-instruct";
    public const string Gpt2 = "openai-community/gpt2";

    private ChatEmulator(BytezEmulator emulator)
    {
        Emulator = emulator;
        Client = new BytezClient(new BytezClientOptions
        {
            ApiKey = "test-key",
            Endpoint = emulator.Endpoint,
            LoadPollInterval = TimeSpan.FromMilliseconds(5),
            LoadTimeout = TimeSpan.FromSeconds(30),
        });
    }

    public BytezEmulator Emulator { get; }

    public BytezClient Client { get; }

    public static async Task<ChatEmulator> StartAsync(Action<BytezEmulatorOptions>? configure = null)
    {
        var options = new BytezEmulatorOptions
        {
            StartingDelay = TimeSpan.FromMilliseconds(5),
            InstantiatingDelay = TimeSpan.FromMilliseconds(5),
        };
        configure?.Invoke(options);
        return new ChatEmulator(await BytezEmulator.StartAsync(options));
    }

    /// <summary>Creates the chat client users get: <c>model.AsIChatClient(options)</c> (prompt tool calling over the Bytez client).</summary>
    public IChatClient CreateChat(string modelId = Phi3, BytezChatClientOptions? options = null) =>
        Client.GetModel(modelId).AsIChatClient(options);

    public ModelScript Script(string modelId = Phi3) => Emulator.Script(modelId);

    /// <summary>Gets the bodies of the runs the emulator received for a model.</summary>
    public IEnumerable<string> RunBodies(string modelId = Phi3) =>
        Emulator.RequestLog.Entries.Where(e => e.ModelId == modelId && e.Path.Contains("run", StringComparison.Ordinal)).Select(e => e.Body);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}
